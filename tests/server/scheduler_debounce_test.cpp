#include "server/scheduler_debounce.h"

#include <doctest/doctest.h>

using namespace std::chrono_literals;
using histlint::DebouncePolicy;

TEST_CASE("the debounce grows with the analysis time, within its bounds") {
  const DebouncePolicy policy(50ms, 500ms, 1.0);
  CHECK(policy.compute({}) == 50ms);                // nothing measured yet
  CHECK(policy.compute({3ms, 4ms}) == 50ms);        // a small document: the minimum
  CHECK(policy.compute({180ms}) == 180ms);          // the time an analysis takes
  CHECK(policy.compute({2s, 3s, 900ms}) == 500ms);  // a huge document: the maximum
}

TEST_CASE("one unusual analysis does not decide the debounce") {
  const DebouncePolicy policy(50ms, 500ms, 1.0);
  // The first analysis, with nothing cached, took long; edits since then are quick.
  CHECK(policy.compute({900ms, 80ms, 90ms, 100ms, 70ms}) == 90ms);
}

TEST_CASE("the ratio scales the estimate") {
  CHECK(DebouncePolicy(10ms, 1s, 0.5).compute({200ms}) == 100ms);
}

TEST_CASE("a fixed debounce ignores the analysis times") {
  const DebouncePolicy fixed(150ms);
  CHECK(fixed.compute({}) == 150ms);
  CHECK(fixed.compute({2s}) == 150ms);
  CHECK(DebouncePolicy(0ms).compute({400ms}) == 0ms);
}

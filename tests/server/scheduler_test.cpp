#include "server/scheduler.h"

#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <string>
#include <vector>

using histlint::Scheduler;
using namespace std::chrono_literals;

namespace {

// Waits (bounded) until `done` holds.
template <class Predicate>
bool eventually(Predicate done) {
  const auto deadline = std::chrono::steady_clock::now() + 5s;
  while (!done()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(1ms);
  }
  return true;
}

}  // namespace

TEST_CASE("a newer task under the same key replaces a pending one") {
  Scheduler scheduler(1, 500ms);
  std::mutex mutex;
  std::vector<int> ran;
  for (int version = 1; version <= 5; ++version) {
    scheduler.schedule("doc", [&, version](const std::atomic<bool>&) {
      const std::lock_guard lock(mutex);
      ran.push_back(version);
    });
  }
  REQUIRE(eventually([&] {
    const std::lock_guard lock(mutex);
    return !ran.empty();
  }));
  std::this_thread::sleep_for(100ms);
  const std::lock_guard lock(mutex);
  CHECK(ran == std::vector<int>{5});
}

TEST_CASE("the debounce delays a task; expedite and immediate skip it") {
  Scheduler scheduler(1, 10s);
  std::atomic<bool> delayed{false}, expedited{false}, immediate{false};
  scheduler.schedule("a", [&](auto&) { delayed = true; });
  scheduler.schedule("b", [&](auto&) { expedited = true; });
  scheduler.schedule(
      "c", [&](auto&) { immediate = true; }, /*immediate=*/true);
  CHECK(eventually([&] { return immediate.load(); }));
  scheduler.expedite("b");
  CHECK(eventually([&] { return expedited.load(); }));
  std::this_thread::sleep_for(50ms);
  CHECK_FALSE(delayed.load());
  scheduler.cancel("a");
  scheduler.set_debounce(0ms);
  CHECK(scheduler.debounce() == 0ms);
}

TEST_CASE("tasks of one key never overlap; other keys run meanwhile") {
  Scheduler scheduler(2, 0ms);
  std::atomic<int> running_a{0}, max_running_a{0}, done{0};
  std::atomic<bool> b_ran{false};
  const auto task_a = [&](auto&) {
    const int now = ++running_a;
    int seen = max_running_a.load();
    while (now > seen && !max_running_a.compare_exchange_weak(seen, now)) {
    }
    std::this_thread::sleep_for(30ms);
    --running_a;
    ++done;
  };
  scheduler.schedule("a", task_a);
  REQUIRE(eventually([&] { return running_a.load() == 1; }));
  scheduler.schedule("a", task_a);  // waits for the first
  scheduler.schedule("b", [&](auto&) { b_ran = true; });
  CHECK(eventually([&] { return b_ran.load(); }));
  CHECK(eventually([&] { return done.load() == 2; }));
  CHECK(max_running_a.load() == 1);
}

TEST_CASE("a throwing task does not stop the worker") {
  Scheduler scheduler(1, 0ms);
  std::atomic<bool> later{false};
  scheduler.schedule("x", [](auto&) { throw std::runtime_error("boom"); });
  scheduler.schedule("y", [&](auto&) { later = true; });
  CHECK(eventually([&] { return later.load(); }));
}

TEST_CASE("a newer task or a cancel supersedes the running task") {
  Scheduler scheduler(1, 0ms);
  std::atomic<bool> started{false}, saw_superseded{false}, second_ran{false};
  const auto long_task = [&](const std::atomic<bool>& superseded) {
    started = true;
    const auto deadline = std::chrono::steady_clock::now() + 5s;
    while (!superseded && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(1ms);
    }
    saw_superseded = superseded.load();
  };
  scheduler.schedule("doc", long_task);
  REQUIRE(eventually([&] { return started.load(); }));
  scheduler.schedule("doc", [&](auto&) { second_ran = true; });
  CHECK(eventually([&] { return second_ran.load(); }));
  CHECK(saw_superseded.load());

  started = saw_superseded = false;
  scheduler.schedule("doc", long_task);
  REQUIRE(eventually([&] { return started.load(); }));
  scheduler.schedule("other", [](auto&) {});  // another key leaves it running
  std::this_thread::sleep_for(20ms);
  CHECK_FALSE(saw_superseded.load());
  scheduler.cancel("doc");
  CHECK(eventually([&] { return saw_superseded.load(); }));
}

#include <doctest/doctest.h>

#include "server/cli_check.h"

using namespace histlint;
using std::chrono::milliseconds;
using std::chrono::seconds;

TEST_CASE("the progress line gives files, speed and findings") {
  CHECK(progress_line("checked", {120, 6'400'000, 57}, 4000, seconds(2)) ==
        "histlint: checked 120 of 4000 files, 3.2 MB/s, 57 findings so far");
  CHECK(progress_line("checked", {1, 1000, 1}, 2, seconds(1)) ==
        "histlint: checked 1 of 2 files, 0.0 MB/s, 1 finding so far");
  // A pass that reads no file has no speed.
  CHECK(progress_line("compared the dates of", {3, 0, 9}, 10, seconds(5)) ==
        "histlint: compared the dates of 3 of 10 files, 9 findings so far");
}

TEST_CASE("the progress line is drawn on a terminal only, after a second, when it changed") {
  ProgressGate off(false);
  CHECK_FALSE(off.should_draw(seconds(30), {5, 100, 1}));
  CHECK_FALSE(off.drawn());

  ProgressGate gate(true);
  CHECK_FALSE(gate.should_draw(milliseconds(999), {5, 100, 1}));
  CHECK_FALSE(gate.drawn());
  CHECK(gate.should_draw(seconds(1), {5, 100, 1}));
  CHECK(gate.drawn());
  CHECK_FALSE(gate.should_draw(milliseconds(1100), {5, 100, 1}));
  CHECK(gate.should_draw(milliseconds(1200), {6, 200, 1}));
  CHECK(gate.should_draw(milliseconds(1300), {6, 200, 2}));
}

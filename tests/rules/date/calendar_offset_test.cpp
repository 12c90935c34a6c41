#include <doctest/doctest.h>

#include "rules/date/date_test_util.h"

using namespace histlint;
using namespace histlint::date_test;

TEST_CASE("calendar-offset accepts correct dual dates in every common form") {
  const std::string text =
      "Trotsky was born on 7 November [O.S. 26 October] 1879. The rising began on 25 October "
      "[7 November N.S.] 1917, or 25 October (7 November) 1917, or 25 October/7 November 1917. "
      "Pushkin was born on 6 June [O.S. 26 May] 1799. The Act is dated 17 January 1706 [O.S. 6 "
      "January 1705]. Peter's decree of 1 January 1700 [O.S. 22 December 1699] stood.";
  CHECK(run_rule("date/calendar-offset", text).empty());
}

TEST_CASE("calendar-offset flags a wrong day offset") {
  const std::string text =
      "Trotsky was born on 7 November [O.S. 25 October] 1879. The storming began on 25 October "
      "[8 November N.S.] 1917.";
  const auto found = run_rule("date/calendar-offset", text);
  REQUIRE(found.size() == 2);
  CHECK(found[0].message ==
        "Old Style 25 October 1879 was New Style 6 November 1879, not 7 November: in 1879 the "
        "Julian calendar ran 12 days behind the Gregorian.");
  CHECK(flags(found, text, "25 October [8 November N.S.] 1917"));
}

TEST_CASE("calendar-offset reads a year given both ways") {
  const std::string good = "Signed on 20 February 1698 (O.S. 10 February 1697/8).";
  CHECK(run_rule("date/calendar-offset", good).empty());
  const std::string wrong = "Signed on 21 February 1698 (O.S. 10 February 1697/8).";
  const auto found = run_rule("date/calendar-offset", wrong);
  REQUIRE(found.size() == 1);
  CHECK(found[0].message.find("10 days behind") != std::string::npos);
}

TEST_CASE("calendar-offset reads an unmarked pair only when it is close to right") {
  // 9 days apart but unmarked: two different days rather than two calendars.
  CHECK(run_rule("date/calendar-offset", "On 25 October (3 November) 1917 it snowed.").empty());
  const std::string text = "On 25 October (6 November) 1917 the Bolsheviks rose.";
  CHECK(run_rule("date/calendar-offset", text).size() == 1);
}

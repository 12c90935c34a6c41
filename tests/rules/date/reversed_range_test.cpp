#include <doctest/doctest.h>

#include "rules/date/date_test_util.h"

using namespace histlint;
using namespace histlint::date_test;

TEST_CASE("reversed-range flags ranges that end before they start") {
  const std::string text =
      "Leon Trotsky (1940–1879) was a revolutionary. The paper ran from 1939 to 1933. He lived "
      "in Vienna from 7 March 1914 to 2 January 1907.";
  const auto found = run_rule("date/reversed-range", text);
  REQUIRE(found.size() == 3);
  CHECK(flags(found, text, "1940–1879"));
  CHECK(flags(found, text, "1939 to 1933"));
  CHECK(found[0].message ==
        "This range runs backwards: it starts in 1940 and ends in 1879, which is earlier.");
  // The fix swaps the two ends.
  REQUIRE(found[0].fixes.size() == 1);
  CHECK(found[0].fixes[0].edits.size() == 2);
  CHECK(found[0].fixes[0].edits[0].replacement == "1879");
}

TEST_CASE("reversed-range leaves abbreviated, BC, page and phone ranges alone") {
  const std::string text =
      "The Russian Civil War (1918–20) and the years 1924-27 and 1998–02 are fine. Caesar "
      "campaigned in 58–50 BC. See pp. 112–19 and call 504-528-1944 or 555-1940-1938. Between "
      "1917 and 1905 there is no order. The winter of 1916/17 was hard.";
  CHECK(run_rule("date/reversed-range", text).empty());
}

TEST_CASE("reversed-range ignores bare number ranges in reference lists") {
  const std::string text =
      "# History\n\nText.\n\n## References\n\n- Journal 12 (1998), pp. 1904–1899.\n";
  CHECK(run_rule("date/reversed-range", text).empty());
}

#include <doctest/doctest.h>

#include "rules/date/date_test_util.h"

using namespace histlint;
using namespace histlint::date_test;

TEST_CASE("duration-mismatch compares a duration with the range beside it") {
  const std::string text =
      "After a decade in Vienna (1907–1914), he left. He worked for forty years, from 1929 to "
      "1940. He spent twelve years (1905–1917) in exile.";
  const auto found = run_rule("date/duration-mismatch", text);
  REQUIRE(found.size() == 2);
  CHECK(found[0].message ==
        "1907 to 1914 is between 6 and 8 years, which does not fit “after a decade”.");
  CHECK(flags(found, text, "for forty years"));
  REQUIRE(found[0].related.size() == 1);
}

TEST_CASE("duration-mismatch respects hedges and names") {
  const std::string text =
      "He spent some seven years in Vienna (1907–1914). For almost thirty years, from 1924 to "
      "1953, Stalin ruled. The Hundred Years' War (1337–1453) dragged on. The trials lasted "
      "more than two years (1936–1938).";
  CHECK(run_rule("date/duration-mismatch", text).empty());
}

TEST_CASE("duration-mismatch checks relative steps against the last date stated") {
  const std::string text =
      "Stalin signed the pact in August 1939. Trotsky wrote on. Within six months, on 24 May "
      "1940, the first attempt was made.";
  const auto found = run_rule("date/duration-mismatch", text);
  REQUIRE(found.size() == 1);
  CHECK(found[0].message ==
        "August 1939 to 24 May 1940 is about 9 months, which does not fit “within six months”.");
  CHECK(flags(found, text, "Within six months"));
}

TEST_CASE("duration-mismatch leaves correct, chained, named and quoted steps alone") {
  const std::string text =
      "The raid came on 24 May 1940. He died the next day, 25 May 1940. In 1923 they met. Two "
      "years later, in 1925, they split. The museum opened in 1990, fifty years after the "
      "murder. “Within a week, on 24 May 1941, we moved,” he wrote. He was captured in "
      "November 1899 and escaped a month later. In 1930 they met; two years later they "
      "quarrelled, and in 1940 they split.";
  CHECK(run_rule("date/duration-mismatch", text).empty());
  const std::string chained =
      "In 1923 they met. Two years later they quarrelled. Within six months, in 1926, they "
      "split.";
  CHECK(run_rule("date/duration-mismatch", chained).empty());
}

TEST_CASE("duration-mismatch measures 'since' to the document's date") {
  const std::string text =
      "---\ndate: 2024-04-01\n---\nThe movement has existed for nearly 100 years, since the end "
      "of the 1920s. The party has existed for twenty years, since 1924.\n";
  const auto found = run_rule("date/duration-mismatch", text);
  REQUIRE(found.size() == 1);
  CHECK(flags(found, text, "for twenty years"));
}

TEST_CASE("duration-mismatch follows a step that opens a paragraph back past a quotation") {
  const std::string text =
      "The duke won at Vernay in 1402, and the count fell there.\n\n"
      "> They rode hard, and the next day they found him.\n\n"
      "The family motto is said to come from that day.\n\n"
      "And.. a decade later at Morvan in 1402 the duke led the vanguard again.\n";
  const auto found = run_rule("date/duration-mismatch", text);
  REQUIRE(found.size() == 1);
  CHECK(found[0].message == "1402 to 1402 is about 0 years, which does not fit “a decade later”.");
  CHECK(flags(found, text, "a decade later"));
}

TEST_CASE("duration-mismatch does not count across paragraphs from an unstated event") {
  // Between the paragraphs an undated event may be what the step counts from: only a step
  // landing in the anchor's own year is plainly wrong, and only when it opens its paragraph.
  const std::string text =
      "She was born in 1802.\n\n"
      "A decade later in 1830 she married.\n\n"
      "She sailed in 1840.\n\n"
      "Her brother wrote that two years later in 1840 the ship sank.\n";
  CHECK(run_rule("date/duration-mismatch", text).empty());
}

TEST_CASE("duration-mismatch does not measure a duration against a lifespan after a name") {
  const std::string text =
      "Thomas Ebury (1761–1830) served in the commissariat for thirty years. Louis XVI "
      "(1774–1792) reigned for eighteen years.";
  CHECK(run_rule("date/duration-mismatch", text).empty());
}

#include <doctest/doctest.h>

#include "rules/date/date_test_util.h"

using namespace histlint;
using namespace histlint::date_test;

TEST_CASE("anniversary-mismatch checks the year an anniversary falls in") {
  const std::string text =
      "Karl Marx was born in Trier. The bicentenary of his birth was celebrated in 2019. The "
      "centenary of the 1917 revolution fell in 2017. In 1990 the 50th anniversary of "
      "Trotsky's assassination passed quietly.";
  const auto found = run_rule("date/anniversary-mismatch", text);
  REQUIRE(found.size() == 1);
  CHECK(found[0].message ==
        "Karl Marx was born on 5 May 1818, so “bicentenary of his birth” fell in 2018, not 2019.");
}

TEST_CASE("anniversary-mismatch measures 'years since' and 'ago' to the document's date") {
  const std::string text =
      "---\ndate: 2016-08-20\n---\nSeventy-five years since Trotsky's death, the house is a "
      "museum. Seventy years ago, in 1940, he died. Seventy-six years ago, in 1940, he fell.\n";
  const auto found = run_rule("date/anniversary-mismatch", text);
  REQUIRE(found.size() == 1);
  CHECK(flags(found, text, "Seventy years ago"));
}

TEST_CASE("anniversary-mismatch dates the text from its first anniversary statement") {
  const std::string agree =
      "Sixty-five years since Trotsky's Death. On this 65th anniversary of his death we gather.";
  CHECK(run_rule("date/anniversary-mismatch", agree).empty());
  const std::string disagree =
      "Fifty years since Lenin's death, the queues are long. On this 51st anniversary of his "
      "death nothing changed.";
  const auto found = run_rule("date/anniversary-mismatch", disagree);
  REQUIRE(found.size() == 1);
  CHECK(found[0].related.size() == 1);
}

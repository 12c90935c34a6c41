#include <doctest/doctest.h>

#include "rules/date/date_test_util.h"

using namespace histlint;
using namespace histlint::date_test;

TEST_CASE("conflicting-dates flags one event with two dates") {
  const std::string text =
      "In December that year Mexico offered Trotsky refuge. He and Natalya sailed from Norway "
      "and arrived in Mexico in January 1937.\n\nTrotsky settled in Mexico in 1936.";
  const auto found = run_rule("date/conflicting-dates", text);
  REQUIRE(found.size() == 1);
  CHECK(flags(found, text, "settled in Mexico in 1936"));
  CHECK(found[0].message ==
        "This dates Leon Trotsky’s settling in Mexico to 1936, before his arrival there in "
        "January 1937 as an earlier sentence says.");
  REQUIRE(found[0].related.size() == 1);
}

TEST_CASE("conflicting-dates flags births and expulsions given twice") {
  const std::string text =
      "Trotsky was born in Yanovka in 1879. Trotsky, who was born in 1880, grew up there. "
      "Trotsky was expelled from the party in 1927. In 1929 Trotsky was expelled from the "
      "party.";
  CHECK(run_rule("date/conflicting-dates", text).size() == 2);
}

TEST_CASE("conflicting-dates leaves second visits, later settling and calendars alone") {
  const std::string text =
      "Trotsky arrived in London in October 1902. In May 1907 Trotsky arrived in London again. "
      "Trotsky arrived in Norway in June 1935. Trotsky settled in Norway in the autumn of 1935. "
      "Lenin reached Petrograd on 3 April 1917. Lenin reached Petrograd on 16 April 1917. "
      "Trotsky was not expelled from the party in 1925. Trotsky was expelled from the party in "
      "1927. Trotsky was assassinated on 20 August 1940. Trotsky died on 21 August 1940. "
      "Stalin was born in 1878, although official biographies said he was born in 1879.";
  CHECK(run_rule("date/conflicting-dates", text).empty());
}

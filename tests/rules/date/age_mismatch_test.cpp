#include <doctest/doctest.h>

#include "rules/date/date_test_util.h"

using namespace histlint;
using namespace histlint::date_test;

TEST_CASE("age-mismatch flags an age at death that the life dates contradict") {
  const std::string text =
      "Trotsky has much to do with our history. That is why when he was assassinated at age 61, "
      "tributes were held.";
  const auto found = run_rule("date/age-mismatch", text);
  REQUIRE(found.size() == 1);
  CHECK(found[0].message ==
        "Leon Trotsky was born on 7 November 1879 and died on 21 August 1940, so he was 60, not "
        "61, when assassinated.");
}

TEST_CASE("age-mismatch allows both ages a year can give") {
  const std::string text =
      "In the 1905 revolution, at the age of 26, workers elected Trotsky to lead them. The next "
      "day, Trotsky succumbed to his wounds, dead at the age of 60. Lenin died aged 53.";
  CHECK(run_rule("date/age-mismatch", text).empty());
}

TEST_CASE("age-mismatch checks an age against a date in its sentence") {
  const std::string text = "In 1917, at the age of 30, Trotsky returned to Petrograd.";
  const auto found = run_rule("date/age-mismatch", text);
  REQUIRE(found.size() == 1);
  CHECK(found[0].message ==
        "Leon Trotsky was born on 7 November 1879, so in 1917 he was 37 or 38, not 30.");
}

TEST_CASE("age-mismatch reads an attributive age as the named person's") {
  const std::string text = "In 1940 the 59-year-old Trotsky dictated his testament.";
  const auto found = run_rule("date/age-mismatch", text);
  REQUIRE(found.size() == 1);
  CHECK(found[0].message ==
        "Leon Trotsky was born on 7 November 1879, so in 1940 he was 60, not 59.");
}

TEST_CASE("age-mismatch reads life dates stated in the text") {
  const std::string text =
      "Rosa Luxemburg (5 March 1871 – 15 January 1919) (aged 49) was murdered. Karl Liebknecht "
      "(13 August 1871 – 15 January 1919) (aged 47) died with her.";
  const auto found = run_rule("date/age-mismatch", text);
  REQUIRE(found.size() == 1);
  CHECK(flags(found, text, "aged 49"));
}

TEST_CASE("age-mismatch stays silent on quotations, unknown people and word salad") {
  const std::string text =
      "“I was sixty when I died in 1940,” Trotsky joked. Smith died at the age of 12. Victor "
      "in a moving tribute to his wounds, dead at the age of eighteen he. Trotsky's son Sergei "
      "was shot in 1937 at the age of 29. In 1940 Trotsky hired a 20-year-old guard. In 1927 "
      "Trotsky met a student who had joined the party at the age of 16.";
  CHECK(run_rule("date/age-mismatch", text).empty());
}

TEST_CASE("age-mismatch reads \"when he was N\" as an age, but not a distance") {
  const std::string text =
      "Leon Trotsky escaped from Siberia. In 1905, when he was twenty-one, Trotsky led the "
      "Soviet.";
  const auto found = run_rule("date/age-mismatch", text);
  REQUIRE(found.size() == 1);
  CHECK(flags(found, text, "when he was twenty-one"));
  CHECK(run_rule("date/age-mismatch",
                 "In 1906, when he was 26, Trotsky was tried. In 1920, when he was 40 miles from "
                 "Moscow, Trotsky stopped the train.")
            .empty());
}

TEST_CASE("age-mismatch: an age in a when-clause is not the age at another person's death") {
  const std::string text =
      "Leon Trotsky was born in 1879. His mother died when he was thirty.\n\nLenin was born in "
      "1870. He died when he was thirty.";
  const auto found = run_rule("date/age-mismatch", text);
  REQUIRE(found.size() == 1);
  CHECK(found[0].span.offset > text.find("Lenin"));
}

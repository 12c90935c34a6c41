#include <doctest/doctest.h>

#include "rules/date/date_test_util.h"

using namespace histlint;
using namespace histlint::date_test;

TEST_CASE("impossible-date flags days no month has") {
  const std::string text =
      "The treaty was signed on 31 June 1920. A letter is dated June 31, 1921. The ISO copy says "
      "1922-04-31. Nothing happened on 30 February.";
  const auto found = run_rule("date/impossible-date", text);
  REQUIRE(found.size() == 4);
  CHECK(flags(found, text, "31 June 1920"));
  CHECK(flags(found, text, "June 31, 1921"));
  CHECK(flags(found, text, "1922-04-31"));
  CHECK(flags(found, text, "30 February"));
  CHECK(found[0].message == "There is no 31 June: June has only 30 days.");
}

TEST_CASE("impossible-date knows leap years in both calendars") {
  const std::string text =
      "On 29 February 1917 nothing moved. On 29 February 1900 the committee met. The 29 February "
      "1600, 29 February 2000 and 29 February 1916 all existed.";
  const auto found = run_rule("date/impossible-date", text);
  REQUIRE(found.size() == 2);
  CHECK(flags(found, text, "29 February 1917"));
  CHECK(flags(found, text, "29 February 1900"));
  CHECK(found[1].message.find("leap year only in the Julian calendar") != std::string::npos);
}

TEST_CASE("impossible-date accepts Julian 29 February where the text uses Old Style") {
  const std::string text =
      "Russia used the Old Style calendar. On 29 February 1900 the Synod met. In 1300, on 29 "
      "February 1300, the abbey burned. Sweden even had a 30 February 1712.";
  CHECK(run_rule("date/impossible-date", text).empty());
  const std::string marked = "Russia used Old Style dates, but 29 February 1900 (N.S.) is wrong.";
  CHECK(run_rule("date/impossible-date", marked).size() == 1);
}

TEST_CASE("impossible-date respects [sic] and checks both readings of a dual date") {
  CHECK(run_rule("date/impossible-date", "The diary says 31 June 1915 [sic].").empty());
  const std::string text = "He was born on 11 March [O.S. 30 February] 1801.";
  CHECK(flags(run_rule("date/impossible-date", text), text, "[O.S. 30 February]"));
}

TEST_CASE("impossible-date reads dates in French, German, Spanish, Italian and Russian") {
  const std::string text =
      "Le 31 juin 1815 rien. Am 31. April 1916 nichts. El 30 de febrero de 1921 nada. Il 31 "
      "settembre 1922 niente. 30 февраля 1900 г. ничего. Le 29 février 1923 non plus.";
  const auto found = run_rule("date/impossible-date", text);
  REQUIRE(found.size() == 6);
  CHECK(flags(found, text, "31 juin 1815"));
  CHECK(flags(found, text, "31. April 1916"));
  CHECK(flags(found, text, "30 de febrero de 1921"));
  CHECK(flags(found, text, "31 settembre 1922"));
  CHECK(flags(found, text, "30 февраля 1900 г."));
  CHECK(flags(found, text, "29 février 1923"));
  CHECK(found[0].message == "There is no 31 June: June has only 30 days.");
}

TEST_CASE("impossible-date accepts valid foreign dates and Russian Julian leap days") {
  CHECK(run_rule("date/impossible-date",
                 "Le 30 juin 1815, am 30. April 1916, el 28 de febrero de 1921, il 30 settembre "
                 "1922 e 29 февраля 1916 г.")
            .empty());
  // 1900 was a leap year in the Julian calendar Russia then kept.
  CHECK(run_rule("date/impossible-date", "Указ от 29 февраля 1900 г. был издан.").empty());
}

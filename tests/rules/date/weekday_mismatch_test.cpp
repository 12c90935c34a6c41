#include <doctest/doctest.h>

#include "rules/date/date_test_util.h"

using namespace histlint;
using namespace histlint::date_test;

TEST_CASE("weekday-mismatch flags a weekday the date does not fall on") {
  const std::string text =
      "On Monday, 20 August 1940, Mercader struck. The raid came on Friday 24 May 1940. Pearl "
      "Harbor was attacked on Sunday, December 7, 1941.";
  const auto found = run_rule("date/weekday-mismatch", text);
  REQUIRE(found.size() == 1);
  CHECK(found[0].message == "20 August 1940 was a Tuesday, not a Monday.");
  REQUIRE(found[0].fixes.size() == 1);
  CHECK(found[0].fixes[0].edits[0].replacement == "Tuesday");
}

TEST_CASE("weekday-mismatch uses the Julian calendar for Old Style and early dates") {
  const std::string text =
      "Russia then used the Old Style calendar. The march on Sunday, 9 January 1905 ended in a "
      "massacre. The Armada was sighted on Friday, 19 July 1588 (O.S.). The Templars were "
      "arrested on Friday, 13 October 1307.";
  CHECK(run_rule("date/weekday-mismatch", text).empty());
  // Without any Old Style context an unmarked 1905 date is Gregorian.
  CHECK(run_rule("date/weekday-mismatch", "The march on Sunday, 9 January 1905 failed.").size() ==
        1);
}

TEST_CASE("a weekday with a day whose year is the document date's") {
  Options options;
  options.document_date = CivilDate{1990, 3, 10};
  auto run = [&](const std::string& text) {
    return date_test::run_rule("date/weekday-mismatch", text, "page.txt", options);
  };
  // 3 March 1990 was a Saturday.
  const auto wrong = run("LONDON, Monday, March 3 - The talks resumed.");
  REQUIRE(wrong.size() == 1);
  CHECK(wrong[0].message ==
        "3 March 1990 was a Saturday, not a Monday (the year is that of the document's date).");
  CHECK(run("LONDON, Saturday, March 3 - The talks resumed.").empty());
  // A year stated nearby is not the page's: nothing is assumed.
  CHECK(run("In 1921 the talks began. On Monday, March 3 they resumed.").empty());
}

TEST_CASE("weekday-mismatch checks weekdays in French, German, Spanish, Italian and Russian") {
  const std::string text =
      "L'ordre vint lundi 20 juin 1815. Der Befehl kam am Montag, den 20. Juni 1815. La orden "
      "llegó el lunes 20 de junio de 1815. L'ordine arrivò lunedì 20 giugno 1815. Приказ пришёл в "
      "понедельник 21 июня 1921 г.";
  const auto found = run_rule("date/weekday-mismatch", text);
  REQUIRE(found.size() == 5);
  CHECK(flags(found, text, "lundi 20 juin 1815"));
  CHECK(flags(found, text, "Montag, den 20. Juni 1815"));
  CHECK(flags(found, text, "lunes 20 de junio de 1815"));
  CHECK(flags(found, text, "lunedì 20 giugno 1815"));
  CHECK(flags(found, text, "понедельник 21 июня 1921 г."));
  CHECK(found[0].message == "20 June 1815 was a Tuesday, not a Monday.");
  // "Tuesday" would not replace a weekday written in another language.
  for (const auto& f : found) CHECK(f.fixes.empty());
}

TEST_CASE("weekday-mismatch accepts right foreign weekdays") {
  CHECK(run_rule("date/weekday-mismatch",
                 "Le dimanche 18 juin 1815, Waterloo. Am Sonntag, den 18. Juni 1815. El domingo 18 "
                 "de junio de 1815. Domenica 18 giugno 1815. В воскресенье 18 июня 1815 г.")
            .empty());
}

TEST_CASE("weekday-mismatch takes a missing year from the page's dateline") {
  const std::string text =
      "THE EVENING STAR, FRIDAY, JUNE 9, 1905.\n\n"
      "The board sat on Tuesday, June 1, and again on Wednesday, June 7, to hear the petition.\n";
  const auto found = run_rule("date/weekday-mismatch", text);
  REQUIRE(found.size() == 1);
  CHECK(found[0].message ==
        "1 June 1905 was a Thursday, not a Tuesday (the year is that of 9 June 1905).");
  // A date further down the page is no dateline: the story may have moved to another year.
  const std::string story =
      "The board was reformed.\n\n"
      "It first sat on 9 June 1905. It sat again on Tuesday, June 1, to hear the petition.\n";
  CHECK(run_rule("date/weekday-mismatch", story).empty());
}

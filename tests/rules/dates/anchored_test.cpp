#include "rules/extract/dates_anchored.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "rules/text/document.h"

using namespace histlint;

namespace {

struct Reading {
  std::string text;
  std::string value;
};

std::vector<Reading> read(const std::string& text, std::optional<CivilDate> document_date = {}) {
  const Document doc(text, Language::PlainText);
  const DateFacts facts = DateFacts::extract(doc);
  std::vector<Reading> out;
  for (const AnchoredDate& d : AnchoredDates::extract(facts, document_date).dates) {
    out.push_back({text.substr(d.span.offset, d.span.length), d.value});
  }
  return out;
}

std::string value_of(const std::vector<Reading>& readings, const std::string& text) {
  for (const Reading& r : readings) {
    if (r.text == text) return r.value;
  }
  return "(none)";
}

}  // namespace

TEST_CASE("absolute dates get TIMEX3 values at their precision") {
  const auto r = read(
      "She was born on 12 March 1902 and left in June 1931. The 1930s were hard; the 20th "
      "century ended. In the spring of 1917 and the first half of 1920 it snowed. Caesar died "
      "in 44 BC. They met on the 2nd of August 1899.");
  CHECK(value_of(r, "12 March 1902") == "1902-03-12");
  CHECK(value_of(r, "June 1931") == "1931-06");
  CHECK(value_of(r, "1930s") == "193");
  CHECK(value_of(r, "20th century") == "19");
  CHECK(value_of(r, "the spring of 1917") == "1917-SP");
  CHECK(value_of(r, "the first half of 1920") == "1920-H1");
  CHECK(value_of(r, "44 BC") == "BC0044");
  CHECK(value_of(r, "2nd of August 1899") == "1899-08-02");
}

TEST_CASE("a day without a year takes the year of the date before it or the document date") {
  const auto narrative = read("The siege began in 1683. On 12 September the relief arrived.");
  CHECK(value_of(narrative, "12 September") == "1683-09-12");
  const auto news = read("The mill closed on Oct. 4.", CivilDate{1990, 11, 20});
  CHECK(value_of(news, "Oct. 4") == "1990-10-04");
  const auto unknown = read("The mill closed on 4 October.");
  CHECK(value_of(unknown, "4 October") == "XXXX-10-04");
}

TEST_CASE("relative steps count from the last date, one after another") {
  const auto r = read(
      "The ship sailed on 3 May 1770. The next morning the wind dropped. Two days later it rose "
      "again, and a week before the landing nobody slept. The following year they came home; "
      "that summer was dry. Three months later the crew scattered.");
  CHECK(value_of(r, "The next morning") == "1770-05-04");
  CHECK(value_of(r, "Two days later") == "1770-05-06");
  CHECK(value_of(r, "The following year") == "1771");
  CHECK(value_of(r, "that summer") == "1771-SU");
  CHECK(value_of(r, "Three months later") == "(none)");  // a year gives no month to count from
}

TEST_CASE("expressions counted from the time of writing") {
  const CivilDate written{1998, 3, 4};  // a Wednesday
  const auto r = read(
      "Yesterday the council voted. Last year it refused, and this year it may agree. Last week "
      "the mayor spoke; the talks resume next month. On Friday the board met. Last October the "
      "rates rose, and last fall they fell. Profits in the third quarter beat the year-earlier "
      "quarter. Prices are now higher and have recently climbed. It may happen in the future. "
      "Five years ago the plant closed. Earlier this month a strike began.",
      written);
  CHECK(value_of(r, "Yesterday") == "1998-03-03");
  CHECK(value_of(r, "Last year") == "1997");
  CHECK(value_of(r, "this year") == "1998");
  CHECK(value_of(r, "Last week") == "1998-W09");
  CHECK(value_of(r, "next month") == "1998-04");
  CHECK(value_of(r, "Friday") == "1998-02-27");
  CHECK(value_of(r, "Last October") == "1997-10");
  CHECK(value_of(r, "last fall") == "1997-FA");
  CHECK(value_of(r, "the third quarter") == "1997-Q3");
  CHECK(value_of(r, "the year-earlier quarter") == "1996-Q3");
  CHECK(value_of(r, "now") == "PRESENT_REF");
  CHECK(value_of(r, "recently") == "PAST_REF");
  CHECK(value_of(r, "the future") == "FUTURE_REF");
  CHECK(value_of(r, "Five years ago") == "1993");
  CHECK(value_of(r, "Earlier this month") == "1998-03");
}

TEST_CASE("a weekday said of the future is the next one") {
  const auto r = read("The board will meet on Friday.", CivilDate{1998, 3, 4});
  CHECK(value_of(r, "Friday") == "1998-03-06");
}

TEST_CASE("durations are P values; names and verbs are not dates") {
  const auto r = read(
      "He stayed for six months. May we go? March on, they said. The Thirty Years' War ended. "
      "In the past three years little changed.",
      CivilDate{2000, 1, 1});
  CHECK(value_of(r, "for six months") == "P6M");
  CHECK(value_of(r, "May") == "(none)");
  CHECK(value_of(r, "March") == "(none)");
  CHECK(r.size() == 1);
}

TEST_CASE("bad input: absurd years, thousands of dates and a thousand-step chain") {
  const auto absurd = read("In 99999999 and in -5000000 and on 31 June 99999 nothing happened.",
                           CivilDate{2000, 1, 1});
  for (const Reading& x : absurd) CHECK(x.value.find("99999999") == std::string::npos);

  std::string many = "In 1900 ";
  for (int i = 0; i < 10000; ++i) many += "on 3 May 1901, ";
  many += "it rained.";
  CHECK(read(many).size() == 10001);

  std::string chain = "It began on 1 January 1900.";
  for (int i = 0; i < 1000; ++i) chain += " The next day it rained.";
  const auto steps = read(chain);
  REQUIRE(steps.size() == 1001);
  CHECK(steps.back().value == "1902-09-28");  // 1 January 1900 + 1000 days

  const auto invalid = read(
      "On 31 février 1940, 30 February 1941, 32 July 1942 and 29 August "
      "99999 it was quiet.");
  for (const Reading& x : invalid) CHECK(x.value.find("-02-30") == std::string::npos);
}

TEST_CASE("weekends, year ends and the year of writing") {
  // 14 March 2001 is a Wednesday, in ISO week 11.
  const auto r = read(
      "The shop was shut over the weekend. It will reopen the weekend after. Rents rise at "
      "year-end, and by the end of the year the lease runs out. For the year, sales fell. The "
      "full year looked better than the past year. The current fiscal year ends in June.",
      CivilDate{2001, 3, 14});
  CHECK(value_of(r, "the weekend") == "2001-W10-WE");
  CHECK(value_of(r, "year-end") == "2001-12-31");
  CHECK(value_of(r, "the end of the year") == "2001-12-31");
  CHECK(value_of(r, "the year") == "2001");
  CHECK(value_of(r, "The full year") == "2001");
  CHECK(value_of(r, "the past year") == "2000");
  CHECK(value_of(r, "The current fiscal year") == "2001");
  const auto future = read("They will sail over the weekend.", CivilDate{2001, 3, 14});
  CHECK(value_of(future, "the weekend") == "2001-W11-WE");
  // Not a date: the year is named by what follows.
  const auto named =
      read("In the year two thousand the bridge opened; the year before it did not.");
  CHECK(value_of(named, "the year") == "(none)");
}

TEST_CASE("a quarter is read as one expression with its year and article") {
  const auto r = read(
      "Its third quarter was weak. The third-quarter loss widened. This year's second quarter "
      "beat the year-ago second quarter, and the 1996 first quarter was the worst.",
      CivilDate{1997, 11, 2});
  CHECK(value_of(r, "third quarter") == "1997-Q3");
  CHECK(value_of(r, "third-quarter") == "1997-Q3");
  CHECK(value_of(r, "This year's second quarter") == "1997-Q2");
  CHECK(value_of(r, "the year-ago second quarter") == "1996-Q2");
  CHECK(value_of(r, "the 1996 first quarter") == "1996-Q1");
}

TEST_CASE("a month alone after 'for' or before the noun it dates") {
  const auto r = read(
      "Output for October fell. Under a June agreement the plant stays open. May voted for "
      "March.",
      CivilDate{2001, 11, 14});
  CHECK(value_of(r, "October") == "2001-10");
  CHECK(value_of(r, "June") == "2001-06");
  CHECK(value_of(r, "May") == "(none)");
  CHECK(value_of(r, "March") == "(none)");
}

TEST_CASE("a month part or a weekday part belongs to the expression") {
  const auto r = read("Talks resume at the beginning of March. They broke down early Tuesday.",
                      CivilDate{2001, 3, 14});
  CHECK(value_of(r, "the beginning of March") == "2001-03");
  CHECK(value_of(r, "early Tuesday") == "2001-03-13");
}

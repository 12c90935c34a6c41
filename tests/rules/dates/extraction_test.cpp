#include <doctest/doctest.h>

#include <string>

#include "rules/extract/dates.h"
#include "rules/text/document.h"

using namespace histlint;

namespace {

struct Extracted {
  Document doc;
  DateFacts facts;
  explicit Extracted(const std::string& text)
      : doc(text, Language::PlainText), facts(DateFacts::extract(doc)) {}
  std::vector<std::string> spans() const {
    std::vector<std::string> out;
    for (const auto& d : facts.dates) out.emplace_back(doc.slice(d.span));
    return out;
  }
  std::vector<std::string> values() const {
    std::vector<std::string> out;
    for (const auto& d : facts.dates) {
      out.push_back(d.value.display() + (d.range_end ? " .. " + d.range_end->display() : ""));
    }
    return out;
  }
};

}  // namespace

TEST_CASE("full dates in every common order") {
  Extracted e(
      "Born on November 7, 1879, or 7 November 1879, or 24th May 1940, or 1879-11-07, or the 7th "
      "of November 1879; on Tuesday, 20 August 1940.");
  CHECK(e.values() == std::vector<std::string>{"7 November 1879", "7 November 1879", "24 May 1940",
                                               "7 November 1879", "7 November 1879",
                                               "20 August 1940"});
  REQUIRE(e.facts.dates.back().weekday.has_value());
  CHECK(*e.facts.dates.back().weekday == calendar::Weekday::Tuesday);
  for (const auto& d : e.facts.dates) CHECK(d.value.granularity == DateGranularity::Day);
}

TEST_CASE("months, seasons, parts, decades and centuries") {
  Extracted e(
      "In January 1937, in the spring of 1935, in the early 1920s, at the end of the 1920s, in "
      "the mid-1920s, in the 1930s, in the nineteenth century, in the 19th century, at the "
      "beginning of 1928, in Winter 2009 and in the 1800s.");
  CHECK(e.values() == std::vector<std::string>{"January 1937", "spring 1935", "early 1920s",
                                               "the end of the 1920s", "mid-1920s", "1930s",
                                               "19th century", "19th century",
                                               "the beginning of 1928", "winter 2009", "1800s"});
  const auto& century = e.facts.dates[6].value;
  CHECK(century.granularity == DateGranularity::Century);
  CHECK(century.first == calendar::day_number_unchecked(1801, 1, 1, Calendar::Gregorian));
  CHECK(century.last == calendar::day_number_unchecked(1900, 12, 31, Calendar::Gregorian));
}

TEST_CASE("years in date context, not counts, pages or figures") {
  Extracted e(
      "In 1927 he left. He voted 273 times. See p. 1917 and pp. 1112–19. About 5 million people "
      "and 1500 soldiers came in 1918. The 1905 revolution failed (1929). Call 504-528-1944. He "
      "paid $1917 and 1,917 roubles. 1917 was the year. Room 1905 was empty.");
  CHECK(e.spans() == std::vector<std::string>{"1927", "1918", "1905", "1929", "1917"});
}

TEST_CASE("a year before the noun it dates, not a count before its noun") {
  Extracted years(
      "Its 1962 merger failed. The mill's 1871 charter lapsed. For 1954, the yield fell. Rents "
      "rose in both 1930 and 1931. His disastrous 1812 campaign ended it. That 1848 rising "
      "failed.");
  CHECK(years.spans() ==
        std::vector<std::string>{"1962", "1871", "1954", "1930", "1931", "1812", "1848"});
  Extracted counts(
      "His 1200 horse crossed first. The 1500 volunteers waited. The 1100 strong garrison held. "
      "Its 1400 cavalry charged. The total 1300 fell. A 1500 acre farm was sold.");
  CHECK(counts.spans().empty());
}

TEST_CASE("ranges in every form") {
  Extracted e(
      "In 1924-27 and the Civil War (1918–20), Trotsky (1879–1940) lived 7 November 1879 – 21 "
      "August 1940; from 1905 to 1917; between March and October 1917; on 7–9 May 1940; in "
      "May–June 1940; and in 490–479 BC.");
  CHECK(e.values() == std::vector<std::string>{"1924 .. 1927", "1918 .. 1920", "1879 .. 1940",
                                               "7 November 1879 .. 21 August 1940", "1905 .. 1917",
                                               "March 1917 .. October 1917",
                                               "7 May 1940 .. 9 May 1940", "May 1940 .. June 1940",
                                               "490 BC .. 479 BC"});
  CHECK(e.facts.dates[0].end_abbreviated);
  CHECK(e.facts.dates[4].range_form == RangeForm::FromTo);
  CHECK(e.facts.dates[5].range_form == RangeForm::Between);
}

TEST_CASE("a lifespan with its places between the dates") {
  Extracted e(
      "Leon Trotsky 7 November 1879, near Yelizavetgrad, Kherson – 21 August 1940 (aged 60)");
  REQUIRE(e.facts.dates.size() == 1);
  CHECK(e.values()[0] == "7 November 1879 .. 21 August 1940");
  REQUIRE(e.facts.ages.size() == 1);
  CHECK(e.facts.ages[0].age == 60);
}

TEST_CASE("dual Old Style / New Style dates") {
  Extracted e(
      "Born 7 November [O.S. 26 October] 1879; the rising of 26 October [7 November N.S.] 1917, "
      "or 25 October (7 November) 1917; the Act of 17 January 1706 [O.S. 6 January 1705]; "
      "dated 26 October 1879 (O.S.).");
  REQUIRE(e.facts.dates.size() == 5);
  const auto& first = e.facts.dates[0];
  REQUIRE(first.alternate.has_value());
  CHECK(first.value.calendar == Calendar::Gregorian);
  CHECK(first.alternate->calendar == Calendar::Julian);
  CHECK(first.alternate->display() == "26 October 1879");
  CHECK(first.alternate->first == first.value.first);
  CHECK(first.alternate_marked);
  CHECK(e.facts.dates[1].value.calendar == Calendar::Julian);
  CHECK(e.facts.dates[2].alternate.has_value());
  CHECK_FALSE(e.facts.dates[2].alternate_marked);
  CHECK(e.facts.dates[3].alternate->year == 1705);
  CHECK(e.facts.dates[4].value.calendar == Calendar::Julian);
  CHECK(e.facts.dates[4].value.calendar_stated);
  CHECK(e.facts.mentions_old_style);
}

TEST_CASE("a year given both ways in an Old Style date") {
  Extracted e(
      "Signed on 20 February 1698 (O.S. 10 February 1697/8). He died on 5 March 1701/2. The "
      "winter of 1917/18 was hard, and on 5 May 1701/2 nothing happened.");
  REQUIRE(e.facts.dates.size() >= 3);
  REQUIRE(e.facts.dates[0].alternate.has_value());
  CHECK(e.facts.dates[0].alternate->year == 1698);
  CHECK(e.facts.dates[0].alternate->calendar == Calendar::Julian);
  CHECK(e.facts.dates[1].value.year == 1702);
  CHECK(e.facts.dates[1].value.calendar == Calendar::Julian);
  CHECK(e.facts.dates[1].value.calendar_stated);
  // Outside January to March, or without a day, the slash is no dual year.
  for (const auto& d : e.facts.dates) CHECK(d.value.year != 1918);
  CHECK(e.facts.dates.back().value.year == 1701);
}

TEST_CASE("BC dates, approximations and impossible days") {
  Extracted e("Caesar died in 44 BC. He lived c. 1900. It was 31 June 1920 and 29 February 1900.");
  REQUIRE(e.facts.dates.size() == 4);
  CHECK(e.facts.dates[0].value.year == -44);
  CHECK(e.facts.dates[0].value.calendar == Calendar::Julian);
  CHECK(e.facts.dates[1].approximate);
  CHECK_FALSE(e.facts.dates[2].value.exists);
  CHECK_FALSE(e.facts.dates[3].value.exists);
}

TEST_CASE("context of a date: lead word, brackets, quotations, references") {
  const std::string text =
      "# 1917\n\nSince 1924 he wrote (1929). “In 1936 I arrived,” he said.\n\n## References\n\n"
      "- Deutscher, 1954.\n";
  const Document doc(text, Language::Markdown);
  const DateFacts facts = DateFacts::extract(doc);
  REQUIRE(facts.dates.size() == 5);
  CHECK(facts.dates[0].in_heading);
  CHECK(facts.dates[1].lead == DateLead::Since);
  CHECK(facts.dates[2].in_parentheses);
  CHECK(facts.dates[3].in_quotation);
  CHECK(facts.dates[4].in_references);
  CHECK(facts.date_at(text.find("1924")) == &facts.dates[1]);
  CHECK(facts.last_date_before(text.find("(1929)")) == &facts.dates[1]);
}

TEST_CASE("bad input never crashes the reader") {
  std::string garbage;
  uint32_t seed = 12345;
  for (int i = 0; i < 200000; ++i) {
    seed = seed * 1103515245 + 12345;
    garbage.push_back(static_cast<char>(seed >> 16));
  }
  const Document random_doc(garbage, Language::PlainText);
  (void)DateFacts::extract(random_doc);
  // Deep brackets, endless digits, dangling markers and a block longer than one read window.
  std::string tricky = std::string(300, '(') + "99999999999999999999 BC–AD 7 November [O.S. " +
                       "(((( 31 February 0 –– 1879–1940–2000 [O.S.";
  for (int i = 0; i < 20000; ++i) tricky += " in 1917 Trotsky was 38";
  const Document tricky_doc(tricky, Language::PlainText);
  const DateFacts facts = DateFacts::extract(tricky_doc);
  CHECK(facts.dates.size() >= 20000);
}

TEST_CASE("full dates in French, German, Spanish, Italian and Russian") {
  Extracted e(
      "Signed le 3 mars 1815, sent le 1er avril 1815 and 21 août 1940; in German 21. August 1940 "
      "and am 2. Juni 1941; in Spanish 21 de agosto de 1940; in Italian 21 agosto 1940 and 5 "
      "maggio 1821; in Russian 21 августа 1940 г. and 7 ноября 1917 года.");
  CHECK(e.values() == std::vector<std::string>{"3 March 1815", "1 April 1815", "21 August 1940",
                                               "21 August 1940", "2 June 1941", "21 August 1940",
                                               "21 August 1940", "5 May 1821", "21 August 1940",
                                               "7 November 1917"});
  CHECK(e.spans() ==
        std::vector<std::string>{"3 mars 1815", "1er avril 1815", "21 août 1940", "21. August 1940",
                                 "2. Juni 1941", "21 de agosto de 1940", "21 agosto 1940",
                                 "5 maggio 1821", "21 августа 1940 г.", "7 ноября 1917 года"});
}

TEST_CASE("foreign weekdays open a foreign date") {
  Extracted e(
      "Ordered lundi 19 juin 1815, then am Montag, den 19. Juni 1815, then lunes, el 19 de "
      "junio de 1815, and в понедельник 19 июня 1815 г.");
  REQUIRE(e.facts.dates.size() == 4);
  for (const auto& d : e.facts.dates) {
    REQUIRE(d.weekday.has_value());
    CHECK(*d.weekday == calendar::Weekday::Monday);
  }
  CHECK(e.spans()[0] == "lundi 19 juin 1815");
  CHECK(e.spans()[1] == "Montag, den 19. Juni 1815");
}

TEST_CASE("foreign month names are read only in a full date") {
  // A French or Spanish month without a day and a year, "mars" as a verb, a Spanish "de" before
  // an English month, and a numbered label ending a sentence are not dates.
  Extracted e(
      "The flaw mars 1815 copies. She said 21 mai in passing. In mayo 1940 it rained. He came on 3 "
      "de May 1940. See Chapter 21. August 1940 was hot. Item 4. April 1940 too.");
  CHECK(e.spans() == std::vector<std::string>{"May 1940", "August 1940", "April 1940"});
}

TEST_CASE("a Russian date before 1918 may be Old Style") {
  Extracted before("The decree of 26 октября 1917 г. was read.");
  CHECK(before.facts.mentions_old_style);
  Extracted after("The decree of 26 октября 1927 г. was read.");
  CHECK_FALSE(after.facts.mentions_old_style);
}

TEST_CASE("years said in words, as transcripts write them") {
  Extracted e(
      "Elected in nineteen ninety-six, sworn in January nineteen ninety-seven, built in eighteen "
      "hundred, ruined in the winter of nineteen oh five, after a nineteen oh two fire.");
  CHECK(e.values() ==
        std::vector<std::string>{"1996", "January 1997", "1800", "winter 1905", "1902"});
  CHECK(e.spans()[1] == "January nineteen ninety-seven");
  // Counts in words are not years.
  Extracted counts("He paid in twelve thirty-day instalments, in nineteen twenty minutes.");
  CHECK(counts.facts.dates.empty());
}

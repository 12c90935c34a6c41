#include <doctest/doctest.h>

#include <string>

#include "rules/extract/dates.h"
#include "rules/text/document.h"

using namespace histlint;

namespace {

DateFacts extract(const std::string& text) {
  const Document doc(text, Language::PlainText);
  return DateFacts::extract(doc);
}

}  // namespace

TEST_CASE("relative expressions and durations with number words and hedges") {
  const auto f = extract(
      "76 years ago; two years later; the next day; within six months; less than four years "
      "after; for thirty-two years; after a decade in Vienna; a fortnight later; for nearly 100 "
      "years; spent three or four years; half a century later; the following year.");
  REQUIRE(f.relatives.size() == 12);
  CHECK(f.relatives[0].kind == RelativeKind::Ago);
  CHECK(f.relatives[0].amount.low == 76);
  CHECK(f.relatives[1].kind == RelativeKind::Later);
  CHECK(f.relatives[2].amount.unit == TimeUnit::Day);
  CHECK(f.relatives[3].kind == RelativeKind::Within);
  CHECK(f.relatives[3].amount.hedge == Hedge::AtMost);
  CHECK(f.relatives[3].amount.unit == TimeUnit::Month);
  CHECK(f.relatives[4].amount.hedge == Hedge::AtMost);
  CHECK(f.relatives[5].kind == RelativeKind::Duration);
  CHECK(f.relatives[5].amount.low == 32);
  CHECK(f.relatives[6].kind == RelativeKind::Duration);
  CHECK(f.relatives[6].amount.low == 10);
  CHECK(f.relatives[7].amount.unit == TimeUnit::Week);
  CHECK(f.relatives[7].amount.low == 2);
  CHECK(f.relatives[8].amount.hedge == Hedge::Almost);
  CHECK(f.relatives[9].amount.low == 3);
  CHECK(f.relatives[9].amount.high == 4);
  CHECK(f.relatives[10].amount.low == 50);
  CHECK(f.relatives[11].calendar_step);
}

TEST_CASE("names and adjectives are not durations") {
  const auto f = extract(
      "The Thirty Years' War and the Hundred Years War. The five-year plan. Over the past 33 "
      "years and the next 15 years little changed.");
  CHECK(f.relatives.empty());
}

TEST_CASE("ages and birthdays") {
  const auto f = extract(
      "At the age of 26, aged 60, at age 61, a 59-year-old, fifty-nine years old, his sixtieth "
      "birthday, (age 44), at the age of nineteen.");
  std::vector<int> ages;
  for (const auto& a : f.ages) ages.push_back(a.age);
  CHECK(ages == std::vector<int>{26, 60, 61, 59, 59, 60, 44, 19});
  CHECK(f.ages[5].form == AgeForm::Birthday);
  CHECK(f.ages[6].in_parentheses);
}

TEST_CASE("anniversaries and what they count from") {
  const auto f = extract(
      "The 50th anniversary of his assassination, the bicentenary of his birth, Sixty-five years "
      "since Trotsky's death, this 65th anniversary, the centenary of the 1917 revolution.");
  REQUIRE(f.anniversaries.size() == 5);
  CHECK(f.anniversaries[0].years == 50);
  CHECK(f.anniversaries[0].event == LifeEventKind::Death);
  CHECK(f.anniversaries[1].years == 200);
  CHECK(f.anniversaries[1].event == LifeEventKind::Birth);
  CHECK(f.anniversaries[2].form == AnniversaryForm::Since);
  CHECK(f.anniversaries[2].event == LifeEventKind::Death);
  CHECK(f.anniversaries[3].object_span.length == 0);
  CHECK(f.anniversaries[4].years == 100);
}

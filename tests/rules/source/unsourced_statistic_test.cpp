#include <doctest/doctest.h>

#include "source_test_util.h"

using namespace histlint;
using namespace histlint::test;

namespace {
const RuleDef& rule = source_rules::unsourced_statistic();
}  // namespace

TEST_CASE("statistic: counts of people, armies, votes and times") {
  CHECK(flagged(rule, "He has voted with the government 273 times.") == Strings{"273 times"});
  CHECK(
      flagged(rule, "The Red Army had 5 million fighters and faced down 14 imperialist armies.") ==
      Strings{"5 million fighters and faced down 14 imperialist armies"});
  CHECK(flagged(rule, "Over 100 students were arrested.") == Strings{"100 students"});
  CHECK(flagged(rule, "Some 1,500 delegates attended.") == Strings{"1,500 delegates"});
  CHECK(flagged(rule, "Between 600 and 700 people died.") == Strings{"600 and 700 people"});
  CHECK(flagged(rule, "Fourteen hundred men and twenty-five thousand horses crossed.") ==
        Strings{"Fourteen hundred men and twenty-five thousand horses"});
}

TEST_CASE("statistic: casualties count at any size, and a total may come before its number") {
  CHECK(flagged(rule, "Seven men died of scurvy before the spring.") == Strings{"Seven men"});
  CHECK(flagged(rule, "Three prisoners were shot at dawn.") == Strings{"Three prisoners"});
  CHECK(flagged(rule, "The official death toll was 238, but it rose.") == Strings{"238"});
  CHECK(flagged(rule, "Estimates of the dead range from one to five million.") ==
        Strings{"one to five million"});
  CHECK(flagged(rule, "He had 3 sons and 2 daughters.").empty());
}

TEST_CASE("statistic: percentages and sums of money") {
  CHECK(flagged(rule, "The party lost 40 per cent of its members.") == Strings{"40 per cent"});
  CHECK(flagged(rule, "Output rose by 300% in a decade.") == Strings{"300%"});
  CHECK(flagged(rule, "The series cost $5 million.") == Strings{"$5 million"});
  CHECK(flagged(rule, "They paid 20,000 roubles for it.") == Strings{"20,000 roubles"});
  // A figure of speech, not a share of anything.
  CHECK(flagged(rule, "Stalin switched 180% in an ultra-left direction.").empty());
}

TEST_CASE("statistic: the message names the kind and the figures") {
  const auto run = run_rule(rule, "He has voted with the Tories 273 times.");
  REQUIRE(run.findings.size() == 1);
  CHECK(run.findings[0].message == "statistic without a source: 273 times");
  CHECK(run.findings[0].severity == Severity::Warning);
  const auto pct = run_rule(rule, "It lost 40 per cent of its members.");
  REQUIRE(pct.findings.size() == 1);
  CHECK(pct.findings[0].message == "percentage without a source: 40 per cent");
}

TEST_CASE("statistic: dates, ages, durations and measures are not statistics") {
  const char* clean[] = {
      "In 1927, Trotsky was expelled from the party.",
      "Leon Trotsky (1879–1940) was a revolutionary.",
      "The Civil War (1918–20) ended, and the opportunism of 1924-27 followed.",
      "He died on 21 August 1940, aged 60.",
      "He spent the majority of the next 15 years abroad.",
      "Mercader was sent to prison for 20 years.",
      "76 years ago an agent struck.",
      "Alma Ata lies two thousand miles from Moscow.",
      "The movement has existed for nearly 100 years.",
      "He became a Marxist at the age of 19.",
      "The next day he was dead at the age of 60.",
      "What have your 80’s politics done for the 1930s?",
      "See chapter 12 and p. 45, and Article 58 of the code.",
      "It happened on the 24th of May.",
      "He had 3 sons.",
      "The 56 in Scotland voted.",
      "Thousands of Oppositionists were arrested.",
      "It was four times as many as before.",
  };
  for (const char* text : clean) {
    INFO(std::string(text));
    CHECK(flagged(rule, text).empty());
  }
}

TEST_CASE("statistic: numbers in titles, quotations and citations are not flagged") {
  CHECK(flagged(rule, "He read *The 39 Steps* and *Ten Days that Shook the World*.").empty());
  CHECK(flagged(rule, "He said “we lost 5,000 men that day” to the press.").empty());
  CHECK(flagged(rule, "It was covered (Deutscher 1954, p. 20) at length.").empty());
  CHECK(flagged(rule, "## The 26 commissars\n\nText.").empty());
}

TEST_CASE("statistic: a citation after the figure supports it") {
  CHECK(flagged(rule, "He faced 14 imperialist armies.[3]").empty());
  CHECK(flagged(rule, "He faced 14 imperialist armies.[^3]\n\n[^3]: Deutscher.").empty());
  CHECK(flagged(rule, "He faced 14 imperialist armies (Deutscher 1954, p. 20).").empty());
  CHECK(flagged(rule, "He faced [14 imperialist armies](https://example.org).").empty());
  CHECK(flagged(rule, "According to the census, 2,000 workers struck.").empty());
  CHECK(flagged(rule, "The [Memorial Trust](https://example.org) has identified 59 victims.")
            .empty());
  CHECK(flagged(rule, "See [the trust](https://example.org); 59 victims were named.") ==
        Strings{"59 victims"});
  // A citation before the figure, in an earlier sentence, does not.
  CHECK(flagged(rule, "He arrived.[1] He faced 14 imperialist armies.") ==
        Strings{"14 imperialist armies"});
}

TEST_CASE("statistic: questions, headings and reference sections are not checked") {
  CHECK(flagged(rule, "Did he really face 14 armies?").empty());
  CHECK(flagged(rule, "# Notes\n\nHe faced 14 armies in all.\n").empty());
  CHECK(flagged(rule, "> He faced 14 armies in all.\n").empty());
}

TEST_CASE("statistic: the minimum count is a threshold") {
  Options options;
  options.thresholds["source/unsourced-statistic.minimum-count"] = 2;
  CHECK(flagged(rule, "He had 3 sons.", Language::Markdown, options) == Strings{"3 sons"});
}

TEST_CASE("statistic: days of dates, lists of denominations and prescribed limits") {
  CHECK(flagged(rule, "Two of the guards were killed on 8 November.").empty());
  CHECK(flagged(rule, "The barracks burned on November 14, and 300 men fled.") ==
        Strings{"300 men"});
  CHECK(flagged(rule, "The notice was dated April $4. The fair opened later.").empty());
  CHECK(flagged(rule,
                "Coins were struck for 1, 3 and 5 kopecks, and notes for 10, 25 and 100 "
                "roubles.")
            .empty());
  CHECK(
      flagged(rule, "The charter said the guild should admit no more than forty members.").empty());
  CHECK(flagged(rule, "No more than forty members attended the guild's meeting.") ==
        Strings{"forty members"});
}

TEST_CASE("statistic: a figure already given is not a new claim") {
  CHECK(flagged(rule,
                "The raiders numbered twenty armed bandits. Later the twenty bandits "
                "scattered.") == Strings{"twenty armed bandits"});
  CHECK(flagged(rule, "The hall held 1,214 deputies. The 1,200 deputies sat for hours.") ==
        Strings{"1,214 deputies"});
  // Sums are compared exactly: £2,000 is a new sum after £2,100.
  CHECK(flagged(rule, "He lent £2,100 to the mill. He then asked for £2,000.") ==
        Strings{"£2,100", "£2,000"});
}

TEST_CASE("statistic: a round figure restating a number given earlier without a noun") {
  CHECK(flagged(rule,
                "The delegates were Eight Hundred and Six in number. The vote lay with Eight "
                "Hundred men.")
            .empty());
  CHECK(flagged(rule, "Letters\n\n4,962\n\nThe archive holds nearly 5,000 letters.").empty());
  CHECK(flagged(rule, "The fund held 1,520 in all. Later 1,520 members left.").empty());
  // Only a close rounding restates: 1,000 is not 1,214 again, and a later number is no
  // restatement of an earlier one.
  CHECK(flagged(rule, "They were 1,214 in number. Then 1,000 deputies met.") ==
        Strings{"1,000 deputies"});
  CHECK(flagged(rule, "Then 1,200 deputies met. They were 1,214 in number.") ==
        Strings{"1,200 deputies"});
  // A sum restates only a sum.
  CHECK(flagged(rule, "The estate ran to 20,000 ha in all. It was worth £20,000.") ==
        Strings{"£20,000"});
  // A small number that counts nothing is too common to stand for a later count.
  CHECK(flagged(rule, "Only 20 of the guns fired. Then 20 soldiers deserted.") ==
        Strings{"20 soldiers"});
}

TEST_CASE("statistic: a capitalised noun after a lower-case modifier is counted") {
  CHECK(flagged(rule, "The captain had recruited 11 fellow Catholics to the plan.") ==
        Strings{"11 fellow Catholics"});
  CHECK(flagged(rule, "There were 600 Commons Deputies in the hall.").empty());
}

TEST_CASE("statistic: era years, converted measures and names of ranked lists") {
  CHECK(flagged(rule, "The wars that began in 432 BC went on for decades.").empty());
  CHECK(flagged(rule, "He ate 16 pounds (7.3 kg) of beef in a day.").empty());
  CHECK(flagged(rule, "He paid 16 pounds for the horse.") == Strings{"16 pounds"});
  CHECK(flagged(rule, "The league named him among the 100 greatest players.").empty());
}

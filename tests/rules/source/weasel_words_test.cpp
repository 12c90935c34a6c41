#include <doctest/doctest.h>

#include "source_test_util.h"

using namespace histlint;
using namespace histlint::test;

namespace {
const RuleDef& rule = source_rules::weasel_words();
}  // namespace

TEST_CASE("weasel words: unnamed people credited with an opinion") {
  CHECK(flagged(rule, "This was not, as some critics of Trotsky say, a weakness.") ==
        Strings{"some critics of Trotsky say"});
  CHECK(flagged(rule, "Many scholars state that the trials were staged.") ==
        Strings{"Many scholars state"});
  CHECK(flagged(rule, "It is believed that he knew.") == Strings{"It is believed that"});
  CHECK(flagged(rule, "Critics argue that the plan failed.") == Strings{"Critics argue"});
  CHECK(flagged(rule, "Experts declare it a forgery.") == Strings{"Experts declare"});
  CHECK(flagged(rule, "It is often said that he was vain.") == Strings{"It is often said that"});
  CHECK(flagged(rule, "Research has shown that the famine was man-made.") ==
        Strings{"Research has shown"});
  CHECK(flagged(rule, "He is widely regarded as the father of the Red Army.") ==
        Strings{"is widely regarded"});
  CHECK(flagged(rule, "Some say he was betrayed.") == Strings{"Some say"});
  CHECK(flagged(rule, "According to some historians, it was fated.") ==
        Strings{"According to some historians"});
  CHECK(flagged(rule, "Engineers still regard the failure as a turning point.") ==
        Strings{"Engineers still regard"});
  CHECK(flagged(rule, "Doctors at the time noted that the bodies decomposed fast.") ==
        Strings{"Doctors at the time noted"});
  CHECK(flagged(rule, "Others blame the cast-iron lugs.") == Strings{"Others blame"});
  CHECK(flagged(rule, "There is a broad consensus that the pact doomed him.") ==
        Strings{"There is a broad consensus that"});
}

TEST_CASE("weasel words: warning severity and a message that asks who") {
  const auto run = run_rule(rule, "Many historians believe he was poisoned.");
  REQUIRE(run.findings.size() == 1);
  CHECK(run.findings[0].severity == Severity::Warning);
  CHECK(run.findings[0].message ==
        "unattributed opinion without a source: “Many historians believe” does not say who");
}

TEST_CASE("weasel words: named people, cited claims and plain quantities are fine") {
  const char* clean[] = {
      "As Zinoviev said, it would have been too risky.",
      "Many historians believe he was poisoned (Volkogonov 1996, p. 12).",
      "Some critics say so.[4]",
      "Stalin has been almost universally denounced by the North American Left, it seems.",
      "The critics argued back at once.",
      "Trotsky’s critics argued back at once.",
      "Many countries have Trotskyist parties.",
      "It was reported to Trotsky that evening.",
      "It is known as the Blue House.",
      "Do some historians say so?",
      "Historians still argue about what the zemstvo achieved.",
      "Engineers found a crack in the dam.",
  };
  for (const char* text : clean) {
    INFO(std::string(text));
    CHECK(flagged(rule, text).empty());
  }
}

TEST_CASE("weasel words: passives by unnamed people, led to believe, calculations") {
  CHECK(flagged(rule, "The chapel is considered by some to be the oldest in the county.") ==
        Strings{"is considered by some"});
  CHECK(flagged(rule, "The damage has led some scholars to consider a second fire.") ==
        Strings{"led some scholars to consider"});
  CHECK(flagged(rule, "It has been calculated that the mills lost a third of their trade.") ==
        Strings{"It has been calculated that"});
  CHECK(flagged(rule, "Some claim that the fire was arson, while others blame the lamps.") ==
        Strings{"Some claim"});
  CHECK(flagged(rule, "It was said that the mayor fled.") == Strings{"It was said that"});
}

TEST_CASE("weasel words: terms the records use and agreed terms are not opinions") {
  CHECK(flagged(rule, "The payment is sometimes called his “fee” in the accounts.").empty());
  CHECK(flagged(rule, "It was understood that the gold would not be melted.").empty());
  CHECK(flagged(rule, "He is often called the father of the guild.") == Strings{"is often called"});
}

TEST_CASE("weasel words: a lead sums up what the cited body sources") {
  const std::string lead =
      "The riot of 1822 is widely regarded as the end of the old turnpike trust in the valley.";
  CHECK(flagged(rule, article_with_lead(lead, true)).empty());
  // The body cites nothing: the lead's claim has no source anywhere.
  CHECK(flagged(rule, article_with_lead(lead, false)) == Strings{"is widely regarded"});
}

#include <doctest/doctest.h>

#include "source_test_util.h"

using namespace histlint;
using namespace histlint::test;

namespace {
const RuleDef& rule = source_rules::unsourced_superlative();
}  // namespace

TEST_CASE("superlative: rankings with a scope, of a work, first/only, absolutes") {
  CHECK(flagged(rule, "It was the biggest betrayal since 1914 and a disaster.") ==
        Strings{"the biggest betrayal since 1914"});
  CHECK(flagged(rule, "In this book he provides the most comprehensive study of Stalinism.") ==
        Strings{"the most comprehensive study"});
  CHECK(flagged(rule, "She was the first woman to command an army.") ==
        Strings{"the first woman to command"});
  CHECK(flagged(rule, "He was the only member of the Politburo to vote against.") ==
        Strings{"the only member of the Politburo to vote"});
  CHECK(flagged(rule, "His grasp of strategy was unrivalled.") == Strings{"unrivalled"});
  CHECK(flagged(rule, "It was the bloodiest battle in recorded history.") ==
        Strings{"the bloodiest battle in recorded history"});
  CHECK(flagged(rule, "The reservoir was for a time the largest in Europe.") ==
        Strings{"the largest in Europe"});
  CHECK(flagged(rule, "It was the largest strike in the history of the crown lands.") ==
        Strings{"the largest strike in the history"});
  CHECK(flagged(rule, "He was the most influential Marxist thinker.") ==
        Strings{"the most influential Marxist"});
  CHECK(flagged(rule, "Ashcombe was the richest Cistercian abbey in Yorkshire.") ==
        Strings{"the richest Cistercian abbey in Yorkshire"});
  // A place is capitalised: "in england" or "in their village" is no named scope.
  CHECK(flagged(rule, "They took the largest share in their village.").empty());
}

TEST_CASE("superlative: severity information, message with the words") {
  const auto run = run_rule(rule, "It was the biggest betrayal since 1914.");
  REQUIRE(run.findings.size() == 1);
  CHECK(run.findings[0].severity == Severity::Information);
  CHECK(run.findings[0].message ==
        "superlative without a source: “the biggest betrayal since 1914”");
}

TEST_CASE("superlative: descriptions, opinions in the writer's voice and generic nouns") {
  const char* clean[] = {
      "Stalin silenced his most vocal opponent.",
      "Trotsky became Stalin’s most ardent critic.",
      "We pledge ourselves to the greatest task on earth.",
      "That’s the only way to move forward.",
      "This was the only way that the Soviet Union could be regenerated.",
      "Within six months the first assassination attempt would take place.",
      "He was the founder and first leader of the Red Army.",
      "He was among the first members of the Politburo.",
      "For the most part, the party agreed.",
      "He said “there is nothing sweeter in the world” to them.",
      "Was it the biggest betrayal since 1914?",
      "It was the biggest betrayal since 1914.[2]",
      "Building socialism in one country was the only logical choice at the time.",
      "By 1900 the most popular papers sold widely.",
  };
  for (const char* text : clean) {
    INFO(std::string(text));
    CHECK(flagged(rule, text).empty());
  }
}

TEST_CASE("superlative: comparisons with any other, unique, the last survivor") {
  CHECK(flagged(rule, "Wales has more castles per square mile than any other country.") ==
        Strings{"more castles per square mile than any other"});
  CHECK(flagged(rule, "The abbot was unique in holding both offices.") == Strings{"was unique in"});
  CHECK(flagged(rule, "The last veteran of the Crimean War died in 1922.") ==
        Strings{"The last veteran of"});
}

TEST_CASE("superlative: times, sequences and aims are not rankings") {
  CHECK(flagged(rule, "He had called at the door the last week to demand his wages.").empty());
  CHECK(flagged(rule, "She was the last of the children to be carried out.").empty());
  CHECK(flagged(rule, "The first object of the king was to obtain money.").empty());
  CHECK(flagged(rule, "She was the first woman to be elected to the council.") ==
        Strings{"the first woman to be"});
}

TEST_CASE("unsourced superlative: a lead sums up what the cited body sources") {
  const std::string lead =
      "The riot of 1822 was the largest disturbance in the history of the valley.";
  CHECK(flagged(rule, article_with_lead(lead, true)).empty());
  CHECK(flagged(rule, article_with_lead(lead, false)).size() == 1);
}

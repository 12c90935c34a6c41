#include <doctest/doctest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "source_test_util.h"

using namespace histlint;
using namespace histlint::test;

namespace {
const RuleDef& rule = source_rules::likely_needs_citation();

std::string message_of(const std::string& text, Language language = Language::Markdown) {
  const RuleRun run = run_rule(rule, text, language);
  return run.findings.empty() ? std::string() : run.findings.front().message;
}
}  // namespace

TEST_CASE("likely needs citation: the kinds of claim editors cite, named in the message") {
  // A claim credited to someone, named in the message.
  const std::string credited =
      "The historian Jane Ellery suggested that the quarrel began over a debt of honour.";
  CHECK(flagged(rule, credited) == Strings{credited});
  CHECK(message_of(credited) ==
        "This sentence states a claim credited to someone (“suggested that”) without a citation, "
        "the kind of claim encyclopedic text cites.");
  // A claim credited to a named scholar.
  CHECK(message_of(
            "The historian Jane Ellery suggested that the quarrel began over a debt of honour.")
            .find("a claim credited to someone (“suggested that”)") != std::string::npos);
  // A quotation of six words or more that no one is credited with.
  CHECK(message_of("The new hall became “a monument to the vanity of the town” within a year.")
            .find("a quotation") != std::string::npos);
  // Hearsay, and a fact the text calls unsettled.
  CHECK(flagged(rule, "The captain had reportedly hidden the cargo in a barn.").size() == 1);
  CHECK(message_of("The place of her burial was never recorded and remains uncertain.")
            .find("an uncertain point") != std::string::npos);
  // A claim credited to a named source, with or without "that".
  CHECK(message_of("According to the parish clerk, the bells were recast after the storm of the "
                   "following winter.")
            .find("a claim credited to someone (“According to”)") != std::string::npos);
  CHECK(message_of("Tomas Berggren argued the canal was dug by prisoners of war.")
            .find("(“Tomas Berggren argued”)") != std::string::npos);
}

TEST_CASE("likely needs citation: a name before a verb is not always a source") {
  // "wrote" and "called" author or name things.
  CHECK(
      flagged(rule, "Tomas Berggren wrote a long poem about the canal and its builders.").empty());
  // A sentence opening on an article or pronoun names no one.
  CHECK(flagged(rule, "The ferryman said nothing to the soldiers on the far bank.").empty());
  // A position or a topic, not a claim: "argued for", "told of".
  CHECK(
      flagged(rule, "Tomas Berggren argued for a second canal along the northern shore.").empty());
  // The record the sentence names is its source.
  CHECK(flagged(rule,
                "The miller's son was born in the spring of 1803, according to the parish "
                "register.")
            .empty());
  // "according to" of conformity.
  CHECK(flagged(rule, "The hall was decorated according to the custom of the guild in spring.")
            .empty());  // The subject's own account of himself: his own work is where he said it.
  CHECK(flagged(rule,
                "She herself acknowledged that the plan of her garden came from her mother's "
                "sketch of the old orchard.")
            .empty());
  const std::string others =
      "Her neighbours acknowledged that the plan of her garden came from her mother's "
      "sketch of the old orchard.";
  CHECK(flagged(rule, others) == Strings{others});
}

TEST_CASE("likely needs citation: what an editor leaves uncited") {
  // A sum is source/unsourced-statistic's to judge.
  CHECK(flagged(rule, "The rebuilding of the chancel cost the parish £2,400.").empty());
  // A capitalised quotation is a whole utterance or a title; "the “…”" names a term.
  CHECK(flagged(rule,
                "Their talk that night ran “Right then, today the message is that we all "
                "agree”.")
            .empty());
  CHECK(flagged(rule,
                "The party adopted the “doctrine of the two stages of the revolution” in "
                "the spring.")
            .empty());
  // A date alone: the day of an event is not a claim of its own.
  CHECK(flagged(rule, "The garrison surrendered to the rebels on 14 March 1798.").empty());
  // A quotation credited to a speaker or introduced by a colon: source/unsourced-quotation judges
  // those.
  CHECK(flagged(rule, "The bishop called the new hall “a monument to the vanity of the town”.")
            .empty());
  CHECK(flagged(rule,
                "The banner bore its motto in red: “bread for all and work for every "
                "hand”.")
            .empty());
  // A lead's definition with life dates.
  CHECK(
      flagged(rule, "Margaret Lindqvist (born 3 May 1911) was a Swedish glass engraver.").empty());
  // A sentence that introduces a quotation or list.
  CHECK(flagged(rule, "On 2 June 1860 the mayor wrote to the council:").empty());
  // A modal or tentative word alone is no evidence.
  CHECK(flagged(rule, "The archers might have held the ford longer than the knights.").empty());
  CHECK(flagged(rule, "The mill was perhaps the oldest building in the valley.").empty());
  // A short quotation is a title or a phrase.
  CHECK(flagged(rule, "She sang “Green Fields” at the harvest supper.").empty());
  // The work the quotation comes from is named.
  CHECK(flagged(rule,
                "He wrote in his diary that he was “tired of the whole affair and of them "
                "all”.")
            .empty());
  // No evidence of any kind: plain description.
  CHECK(flagged(rule, "The church has a nave, two aisles and a square tower.").empty());
  // The writer's own voice, a question, a fragment that is not prose.
  CHECK(flagged(rule, "We were told that the captain had reportedly hidden the cargo.").empty());
  CHECK(flagged(rule, "Had the captain reportedly hidden the cargo in a barn?").empty());
  CHECK(flagged(rule, "£40 Lot 7 East Quay 12 March.").empty());
}

TEST_CASE("likely needs citation: a citation, a primary source or a quotation mark left open") {
  CHECK(
      flagged(rule, "The captain had reportedly hidden the cargo.[^1]\n\n[^1]: Parish register.\n")
          .empty());
  CHECK(flagged(rule, "The captain had reportedly hidden the cargo (Hughes 1961, p. 40).").empty());
  CHECK(flagged(rule, "---\ngenre: newspaper\n---\nThe captain had reportedly hidden the cargo.\n")
            .empty());
  // A mark opened in an earlier sentence does not make the next one a quotation.
  CHECK(flagged(rule,
                "He spoke of a \"big tent\" party. The paper publishes sections on housing, "
                "motoring and shopping every week for its readers.")
            .empty());
}

TEST_CASE("likely needs citation: the weights are those of data/citation_need_model.json") {
  std::ifstream in(std::string(HISTLINT_SOURCE_DIR) + "/data/citation_need_model.json");
  REQUIRE(in);
  const nlohmann::json model = nlohmann::json::parse(in);
  const source_rules::CitationNeedModel shipped = source_rules::citation_need_model();
  const auto& weights = model.at("weights");
  REQUIRE(weights.size() == shipped.features.size());
  for (size_t i = 0; i < shipped.features.size(); ++i) {
    const std::string name(shipped.features[i]);
    REQUIRE(weights.contains(name));
    CHECK(weights.at(name).get<double>() == doctest::Approx(shipped.weights[i]));
  }
  CHECK(model.at("bias").get<double>() == doctest::Approx(shipped.bias));
  CHECK(model.at("threshold").get<double>() == doctest::Approx(shipped.threshold));
}

TEST_CASE("likely needs citation: a lead sums up what the cited body sources") {
  const std::string lead =
      "According to the parish clerk, the riot of 1822 ended the old turnpike trust in the valley.";
  CHECK(flagged(rule, article_with_lead(lead, true)).empty());
  CHECK(flagged(rule, article_with_lead(lead, false)).size() == 1);
}

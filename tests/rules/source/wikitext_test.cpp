// The source/ rules on MediaWiki markup: references are citations, templates are markup.
#include <doctest/doctest.h>

#include "source_test_util.h"

using namespace histlint;
using namespace histlint::test;

namespace {
const RuleDef& statistic = source_rules::unsourced_statistic();
const RuleDef& weasel = source_rules::weasel_words();
}  // namespace

TEST_CASE("wikitext: <ref>, named references and short-form templates are citations") {
  const Language wiki = Language::Wikitext;
  CHECK(flagged(statistic, "The siege cost 4,000 lives.<ref>Hale 1911, p. 3.</ref>", wiki).empty());
  CHECK(flagged(statistic, "The siege cost 4,000 lives.<ref name=\"hale\" />", wiki).empty());
  CHECK(flagged(statistic, "The siege cost 4,000 lives.{{sfn|Hale|1911|p=3}}", wiki).empty());
  CHECK(flagged(statistic, "The siege cost 4,000 lives.{{harvnb|Hale|1911}}", wiki).empty());
  CHECK(flagged(statistic,
                "The siege cost 4,000 lives.<ref>{{cite book|last=Hale|title=Sieges|isbn={{ISBN|"
                "0-00-000000-0}}}}</ref>",
                wiki)
            .empty());
  // A reference supports the sentence before it, not the one after.
  CHECK(flagged(statistic, "The town fell.<ref>Hale.</ref> The siege cost 4,000 lives.", wiki) ==
        Strings{"4,000 lives"});
}

TEST_CASE("wikitext: a sentence the editor tagged is not reported again") {
  CHECK(flagged(statistic, "The siege cost 4,000 lives.{{citation needed|date=May 2019}}",
                Language::Wikitext)
            .empty());
  CHECK(flagged(statistic, "The siege cost 4,000 lives.{{cn}}", Language::Wikitext).empty());
}

TEST_CASE("wikitext: infobox figures and link targets are not claims") {
  const std::string text =
      "{{Infobox settlement\n| population = 14,736\n| area = 300 hectares\n}}\n"
      "'''Tarrow''' is a [[market town|town]] in [[Cornwall]].<ref>Survey.</ref>\n\n"
      "[[File:Tarrow.jpg|thumb|The 200 houses of the old quay]]\n"
      "It has been suggested that the name is Norse.\n";
  const auto run = run_rule(statistic, text, Language::PlainText);
  CHECK(run.findings.empty());
  CHECK(flagged(weasel, text, Language::PlainText) == Strings{"It has been suggested that"});
}

TEST_CASE("wikitext: the quick fix inserts the wiki tag") {
  const auto run = run_rule(statistic, "The siege cost 4,000 lives.", Language::Wikitext);
  REQUIRE(run.findings.size() == 1);
  REQUIRE_FALSE(run.findings[0].fixes.empty());
  const auto& fix = run.findings[0].fixes[0];
  REQUIRE(fix.edits.size() == 1);
  CHECK(fix.edits[0].replacement == "{{citation needed}}");
  CHECK(fix.edits[0].span.offset == 27);
}

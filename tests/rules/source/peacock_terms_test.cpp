#include <doctest/doctest.h>

#include "source_test_util.h"

using namespace histlint;
using namespace histlint::test;

namespace {
const RuleDef& rule = source_rules::peacock_terms();
}  // namespace

TEST_CASE("peacock terms: off by default, a hint when switched on") {
  CHECK_FALSE(rule.info.enabled_by_default);
  CHECK(rule.info.default_severity == Severity::Hint);
  const auto run = run_rule(rule, "The legendary commander of course never lost.");
  CHECK(run.flagged() == Strings{"legendary", "of course"});
  REQUIRE(run.findings.size() == 2);
  CHECK(run.findings[0].severity == Severity::Hint);
  CHECK(run.findings[0].message ==
        "peacock term without a source: “legendary” praises instead of showing the evidence");
  CHECK(run.findings[1].message ==
        "editorial term: “of course” presents an opinion as beyond question");
}

TEST_CASE("peacock terms: cited praise and quoted praise are left alone") {
  CHECK(flagged(rule, "His iconic speech moved the crowd.[2]").empty());
  CHECK(flagged(rule, "Critics called it “a legendary performance” in print.").empty());
  CHECK(flagged(rule, "No one can deny that he was tireless.") == Strings{"No one can deny"});
}

TEST_CASE("peacock terms: stays silent in the default configuration") {
  RuleRegistry registry;
  registry.add(rule);
  const Document doc("The legendary commander.", Language::Markdown);
  const Options options;
  const KnowledgeBase kb;
  const Analysis analysis(doc, options, kb);
  CHECK(run_rules(analysis, registry).empty());
}

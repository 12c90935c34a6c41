#include "rules/suppressions.h"

#include <doctest/doctest.h>

#include <string>

#include "rules/engine.h"
#include "rules/kb/knowledge_base.h"
#include "server/kb_files.h"

namespace histlint {
namespace {

// Test rules with predictable findings: every "ALPHA" and every "BETA" in the prose.
void flag_word(const Analysis& analysis, std::vector<Finding>& out, std::string_view word) {
  const std::string& prose = analysis.doc().prose();
  for (size_t at = prose.find(word); at != std::string::npos; at = prose.find(word, at + 1)) {
    out.push_back(Finding{.rule = {},
                          .severity = Severity::Warning,
                          .span = {at, word.size()},
                          .message = "found " + std::string(word),
                          .related = {},
                          .fixes = {}});
  }
}

RuleDef test_rule(std::string_view id, CheckFn check) {
  RuleDef rule;
  rule.info.id = id;
  rule.info.summary = id;
  rule.check = check;
  return rule;
}

const RuleRegistry& test_registry() {
  static const RuleRegistry registry = [] {
    RuleRegistry r;
    r.add(test_rule("test/alpha", [](const Analysis& a, std::vector<Finding>& out) {
      flag_word(a, out, "ALPHA");
    }));
    r.add(test_rule("test/beta", [](const Analysis& a, std::vector<Finding>& out) {
      flag_word(a, out, "BETA");
    }));
    r.add(test_rule("other/gamma", [](const Analysis& a, std::vector<Finding>& out) {
      flag_word(a, out, "GAMMA");
    }));
    return r;
  }();
  return registry;
}

// "rule@line" for each finding, lines 1-based.
std::vector<std::string> run(const std::string& text, bool report_unused = false) {
  Options options;
  options.report_unused_disables = report_unused;
  const Document doc(text, Language::Markdown);
  const Analysis analysis(doc, options, bundled_knowledge_base(), "test.md");
  std::vector<std::string> out;
  for (const auto& finding : run_rules(analysis, test_registry())) {
    out.push_back(finding.rule + "@" + std::to_string(doc.line_of(finding.span.offset) + 1));
  }
  return out;
}

using Lines = std::vector<std::string>;

TEST_CASE("selectors match ids, families, globs and everything") {
  CHECK(suppression_selector_matches("*", "date/impossible-date"));
  CHECK(suppression_selector_matches("date", "date/impossible-date"));
  CHECK(suppression_selector_matches("date/*", "date/impossible-date"));
  CHECK(suppression_selector_matches("date/impossible-*", "date/impossible-date"));
  CHECK(suppression_selector_matches("date/impossible-date", "date/impossible-date"));
  CHECK_FALSE(suppression_selector_matches("dat", "date/impossible-date"));
  CHECK_FALSE(suppression_selector_matches("date/impossible", "date/impossible-date"));
  CHECK_FALSE(suppression_selector_matches("source", "date/impossible-date"));
  CHECK_FALSE(suppression_selector_matches("source/*", "date/impossible-date"));
}

TEST_CASE("without directives every finding stays") {
  CHECK(run("ALPHA and BETA.\n\nGAMMA.\n") ==
        Lines{"test/alpha@1", "test/beta@1", "other/gamma@3"});
}

TEST_CASE("disable and enable bracket a region") {
  const std::string text =
      "ALPHA one.\n\n<!-- histlint-disable -->\n\nALPHA two. BETA two.\n\n<!-- histlint-enable "
      "-->\n\n"
      "ALPHA three.\n";
  CHECK(run(text) == Lines{"test/alpha@1", "test/alpha@9"});
}

TEST_CASE("a disable without enable runs to the end of the document") {
  CHECK(run("ALPHA.\n\n<!-- histlint-disable test/alpha -->\n\nALPHA. BETA.\n\nALPHA.\n") ==
        Lines{"test/alpha@1", "test/beta@5"});
}

TEST_CASE("selectors: a rule, a family, a glob, several at once") {
  const std::string body = "\n\nALPHA BETA GAMMA.\n";
  CHECK(run("<!-- histlint-disable test/beta -->" + body) ==
        Lines{"test/alpha@3", "other/gamma@3"});
  CHECK(run("<!-- histlint-disable test -->" + body) == Lines{"other/gamma@3"});
  CHECK(run("<!-- histlint-disable test/* -->" + body) == Lines{"other/gamma@3"});
  CHECK(run("<!-- histlint-disable *gamma -->" + body) == Lines{"test/alpha@3", "test/beta@3"});
  CHECK(run("<!-- histlint-disable test/alpha, other -->" + body) == Lines{"test/beta@3"});
  CHECK(run("<!-- histlint-disable test/alpha other/gamma -->" + body) == Lines{"test/beta@3"});
}

TEST_CASE("enable can name rules, also after a disable of everything") {
  const std::string text =
      "<!-- histlint-disable -->\n\nALPHA BETA.\n\n<!-- histlint-enable test/beta -->\n\n"
      "ALPHA BETA.\n\n<!-- histlint-enable -->\n\nALPHA BETA.\n";
  CHECK(run(text) == Lines{"test/beta@7", "test/alpha@11", "test/beta@11"});
}

TEST_CASE("disable-next-line silences only the following line") {
  const std::string text =
      "<!-- histlint-disable-next-line test/alpha -->\nALPHA BETA\nALPHA BETA\n";
  CHECK(run(text) == Lines{"test/beta@2", "test/alpha@3", "test/beta@3"});
  CHECK(run("<!-- histlint-disable-next-line -->\nALPHA BETA\nALPHA\n") == Lines{"test/alpha@3"});
}

TEST_CASE("disable-line silences its own line") {
  CHECK(run("ALPHA BETA <!-- histlint-disable-line test/beta -->\nBETA\n") ==
        Lines{"test/alpha@1", "test/beta@2"});
}

TEST_CASE("text after -- is the writer's reason, not a rule") {
  CHECK(
      run("<!-- histlint-disable-next-line test/alpha -- quoted from the source -->\nALPHA\n", true)
          .empty());
}

TEST_CASE("comments that are not directives change nothing") {
  CHECK(run("<!-- a note about histlint-disable -->\n\nALPHA.\n") == Lines{"test/alpha@3"});
}

TEST_CASE("a directive inside a code block is no directive") {
  const std::string text = "```\n<!-- histlint-disable -->\n```\n\nALPHA.\n";
  CHECK(run(text) == Lines{"test/alpha@5"});
}

TEST_CASE("unused suppressions are reported only when asked") {
  const std::string text = "<!-- histlint-disable-next-line test/beta -->\nALPHA\n";
  CHECK(run(text) == Lines{"test/alpha@2"});
  CHECK(run(text, true) == Lines{"histlint/unused-disable@1", "test/alpha@2"});
}

TEST_CASE("a used suppression is not reported") {
  CHECK(run("<!-- histlint-disable-next-line test/alpha -->\nALPHA\n", true).empty());
  CHECK(run("<!-- histlint-disable -->\n\nALPHA\n", true).empty());
}

TEST_CASE("each unused selector of a partly used directive is reported") {
  Options options;
  options.report_unused_disables = true;
  const Document doc("<!-- histlint-disable-next-line test/alpha test/beta -->\nALPHA\n",
                     Language::Markdown);
  const Analysis analysis(doc, options, bundled_knowledge_base(), "test.md");
  const auto findings = run_rules(analysis, test_registry());
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].rule == "histlint/unused-disable");
  CHECK(findings[0].message ==
        "\"test/beta\" in this histlint-disable-next-line comment silences no finding.");
  CHECK(findings[0].fixes.empty());
}

TEST_CASE("a wholly unused directive offers to remove its line") {
  Options options;
  options.report_unused_disables = true;
  const std::string text = "Intro.\n<!-- histlint-disable test/beta -->\nALPHA\n";
  const Document doc(text, Language::Markdown);
  const Analysis analysis(doc, options, bundled_knowledge_base(), "test.md");
  const auto findings = run_rules(analysis, test_registry());
  REQUIRE(findings.size() == 2);
  const Finding& unused = findings[0];
  CHECK(unused.rule == "histlint/unused-disable");
  CHECK(unused.message ==
        "This histlint-disable comment silences no finding of test/beta; remove it.");
  CHECK(doc.slice(unused.span) == "<!-- histlint-disable test/beta -->");
  REQUIRE(unused.fixes.size() == 1);
  REQUIRE(unused.fixes[0].edits.size() == 1);
  CHECK(doc.slice(unused.fixes[0].edits[0].span) == "<!-- histlint-disable test/beta -->\n");
  CHECK(unused.fixes[0].edits[0].replacement.empty());
}

TEST_CASE("a selector naming no known rule is reported as such") {
  Options options;
  options.report_unused_disables = true;
  const Document doc("<!-- histlint-disable-next-line test/alpah -->\nALPHA\n", Language::Markdown);
  const Analysis analysis(doc, options, bundled_knowledge_base(), "test.md");
  const auto findings = run_rules(analysis, test_registry());
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].message ==
        "\"test/alpah\" in this histlint-disable-next-line comment names no known rule.");
  CHECK(findings[1].rule == "test/alpha");
}

TEST_CASE("a misspelt directive is reported when unused disables are") {
  const std::string text = "<!-- histlint-disabel test/alpha -->\n\nALPHA\n";
  CHECK(run(text) == Lines{"test/alpha@3"});
  CHECK(run(text, true) == Lines{"histlint/unused-disable@1", "test/alpha@3"});
}

TEST_CASE("the unused-disable rule follows the configured severity and can be turned off") {
  Options options;
  options.report_unused_disables = true;
  options.rules.emplace_back("histlint/unused-disable", "error");
  const Document doc("<!-- histlint-disable test/beta -->\n\nALPHA\n", Language::Markdown);
  {
    const Analysis analysis(doc, options, bundled_knowledge_base(), "test.md");
    const auto findings = run_rules(analysis, test_registry());
    REQUIRE(findings.size() == 2);
    CHECK(findings[0].severity == Severity::Error);
  }
  options.rules.back().second = "off";
  const Analysis analysis(doc, options, bundled_knowledge_base(), "test.md");
  CHECK(run_rules(analysis, test_registry()).size() == 1);
}

TEST_CASE("parse_suppressions reads kinds and selectors in document order") {
  const Document doc(
      "<!-- histlint-disable a/b, c -->\n\n<!--histlint-enable-->\n\n"
      "<!-- histlint-disable-next-line -->\nx\n",
      Language::Markdown);
  const auto directives = parse_suppressions(doc);
  REQUIRE(directives.size() == 3);
  CHECK(directives[0].kind == DirectiveKind::Disable);
  CHECK(directives[0].selectors == std::vector<std::string>{"a/b", "c"});
  CHECK(directives[1].kind == DirectiveKind::Enable);
  CHECK(directives[1].selectors.empty());
  CHECK(directives[2].kind == DirectiveKind::DisableNextLine);
}

}  // namespace
}  // namespace histlint

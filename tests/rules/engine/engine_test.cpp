#include <doctest/doctest.h>

#include "rules/engine.h"
#include "rules/kb/knowledge_base.h"
#include "server/kb_files.h"

using namespace histlint;

namespace {

// Test rules with fixed outputs, to exercise what the engine does around rules.
void flag_whole_text(const Analysis& a, std::vector<Finding>& out) {
  out.push_back({"", Severity::Warning, {0, a.doc().text().size()}, "garbled", {}, {}});
}
void flag_word(const Analysis& a, std::vector<Finding>& out) {
  const size_t at = a.doc().text().find("1942");
  if (at != std::string::npos) out.push_back({"", Severity::Information, {at, 4}, "late", {}, {}});
}

RuleRegistry test_registry(bool with_garble) {
  RuleRegistry r;
  if (with_garble)
    r.add({{"garble/spun-text", "s", "e", "x", Severity::Warning, true}, flag_whole_text});
  r.add({{"date/after-death", "s", "e", "x", Severity::Warning, true}, flag_word});
  return r;
}

std::vector<Finding> run(const std::string& text, const Options& options, bool with_garble) {
  const Document doc(text, Language::PlainText);
  const Analysis analysis(doc, options, bundled_knowledge_base());
  return run_rules(analysis, test_registry(with_garble));
}

}  // namespace

TEST_CASE("the most specific selector decides a rule's severity") {
  RuleInfo rule{"source/weasel-words", "", "", "", Severity::Warning, true};
  Options o;
  CHECK(effective_severity(o, rule) == Severity::Warning);
  o.rules = {{"*", "error"}};
  CHECK(effective_severity(o, rule) == Severity::Error);
  o.rules = {{"source/weasel-words", "off"}, {"source/*", "hint"}, {"*", "error"}};
  CHECK(effective_severity(o, rule) == std::nullopt);
  o.rules = {{"source", "hint"}, {"*", "error"}};
  CHECK(effective_severity(o, rule) == Severity::Hint);
  o.rules = {{"date/*", "off"}};
  CHECK(effective_severity(o, rule) == Severity::Warning);
  RuleInfo off_by_default{"source/peacock-terms", "", "", "", Severity::Hint, false};
  CHECK(effective_severity(Options{}, off_by_default) == std::nullopt);
  o.rules = {{"source/peacock-terms", "on"}};
  CHECK(effective_severity(o, off_by_default) == Severity::Hint);
}

TEST_CASE("configured severities override the rule's own; ids are filled in") {
  Options o;
  auto plain = run("In 1942 he wrote.", o, false);
  REQUIRE(plain.size() == 1);
  CHECK(plain[0].rule == "date/after-death");
  CHECK(plain[0].severity == Severity::Information);
  o.rules = {{"date", "error"}};
  auto configured = run("In 1942 he wrote.", o, false);
  REQUIRE(configured.size() == 1);
  CHECK(configured[0].severity == Severity::Error);
  o.rules = {{"date/*", "on"}};
  auto enabled = run("In 1942 he wrote.", o, false);
  REQUIRE(enabled.size() == 1);
  CHECK(enabled[0].severity == Severity::Information);  // "on" keeps the rule's own grading
}

TEST_CASE("date and source findings inside a garbled span are dropped") {
  auto findings = run("In 1942 he wrote.", Options{}, true);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].rule == "garble/spun-text");
}

TEST_CASE("a cancelled analysis stops before the next rule") {
  const Document doc("In 1942 he wrote.", Language::PlainText);
  const Options options;
  Analysis analysis(doc, options, bundled_knowledge_base());
  std::atomic<bool> cancelled{false};
  analysis.set_cancellation(&cancelled);
  CHECK(run_rules(analysis, test_registry(false)).size() == 1);
  cancelled = true;
  CHECK(analysis.cancelled());
  CHECK(run_rules(analysis, test_registry(false)).empty());
}

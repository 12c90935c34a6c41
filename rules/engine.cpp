#include "rules/engine.h"

#include <algorithm>

#include "rules/kb/knowledge_base.h"
#include "rules/suppressions.h"

namespace histlint {

namespace {

// How specific a selector is for a rule id, or -1 when it does not match.
// "*" < "date" == "date/*" < "date/age-mismatch".
int selector_rank(std::string_view selector, std::string_view id) {
  if (selector == "*") return 0;
  if (selector == id) return 3;
  const auto slash = id.find('/');
  const std::string_view family = id.substr(0, slash);
  if (selector == family) return 1;
  if (selector.size() == family.size() + 2 && selector.substr(0, family.size()) == family &&
      selector.substr(family.size()) == "/*") {
    return 2;
  }
  return -1;
}

// Text that is not prose (spun salad, scraped page furniture) makes no claims and states no
// facts: date and source findings inside a span a garble rule flagged would be noise on noise.
void drop_findings_inside_garble(std::vector<Finding>& findings) {
  std::vector<Span> garbled;
  for (const auto& f : findings) {
    if (f.rule == "garble/spun-text" || f.rule == "garble/boilerplate") garbled.push_back(f.span);
  }
  if (garbled.empty()) return;
  std::erase_if(findings, [&](const Finding& f) {
    if (f.rule.starts_with("garble/")) return false;
    return std::any_of(garbled.begin(), garbled.end(), [&](const Span& g) {
      return f.span.offset >= g.offset && f.span.end() <= g.end();
    });
  });
}

// What the options say about one rule: whether it runs, and the severity a configured entry
// forces on all its findings. "on" enables a rule without forcing a severity, so a rule that
// grades its own findings (a hint for an unused footnote, a warning for a missing one) keeps
// doing so.
struct RuleSetting {
  bool enabled = false;
  std::optional<Severity> forced;
};

RuleSetting resolve(const Options& options, const RuleInfo& rule) {
  int best_rank = -1;
  std::string_view setting;
  for (const auto& [selector, value] : options.rules) {
    const int rank = selector_rank(selector, rule.id);
    if (rank >= best_rank && rank >= 0) {  // later entries win ties, as in a merged config
      best_rank = rank;
      setting = value;
    }
  }
  if (best_rank < 0) return {rule.enabled_by_default, std::nullopt};
  if (setting == "off") return {false, std::nullopt};
  if (setting == "on") return {true, std::nullopt};
  const auto severity = parse_severity(setting);
  return {severity.has_value(), severity};
}

}  // namespace

std::optional<Severity> effective_severity(const Options& options, const RuleInfo& rule) {
  const RuleSetting setting = resolve(options, rule);
  if (!setting.enabled) return std::nullopt;
  return setting.forced.value_or(rule.default_severity);
}

std::vector<Finding> run_rules(const Analysis& analysis, const RuleRegistry& registry) {
  std::vector<Finding> findings;
  for (const auto& rule : registry.rules()) {
    if (analysis.cancelled()) return {};
    const RuleSetting setting = resolve(analysis.options(), rule.info);
    if (!setting.enabled) continue;
    const size_t first = findings.size();
    rule.check(analysis, findings);
    for (size_t i = first; i < findings.size(); ++i) {
      findings[i].rule = std::string(rule.info.id);
      if (setting.forced) findings[i].severity = *setting.forced;
    }
  }
  drop_findings_inside_garble(findings);
  apply_suppressions(analysis.doc(), analysis.options(), registry, findings);
  std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
    if (a.span.offset != b.span.offset) return a.span.offset < b.span.offset;
    return a.rule < b.rule;
  });
  return findings;
}

std::vector<Finding> analyze_text(std::string_view path, std::string text, const Options& options,
                                  const KnowledgeBase& kb) {
  const Document doc(std::move(text), language_for_path(path));
  const Analysis analysis(doc, options, kb, std::string(path));
  return run_rules(analysis);
}

}  // namespace histlint

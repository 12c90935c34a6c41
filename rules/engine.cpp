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

}  // namespace

std::optional<Severity> effective_severity(const Options& options, const RuleInfo& rule) {
  int best_rank = -1;
  std::string_view setting;
  for (const auto& [selector, value] : options.rules) {
    const int rank = selector_rank(selector, rule.id);
    if (rank >= best_rank && rank >= 0) {  // later entries win ties, as in a merged config
      best_rank = rank;
      setting = value;
    }
  }
  if (best_rank < 0) {
    if (!rule.enabled_by_default) return std::nullopt;
    return rule.default_severity;
  }
  if (setting == "off") return std::nullopt;
  if (setting == "on") return rule.default_severity;
  return parse_severity(setting);
}

std::vector<Finding> run_rules(const Analysis& analysis, const RuleRegistry& registry) {
  std::vector<Finding> findings;
  for (const auto& rule : registry.rules()) {
    const auto severity = effective_severity(analysis.options(), rule.info);
    if (!severity) continue;
    const size_t first = findings.size();
    rule.check(analysis, findings);
    // A configured severity overrides the rule's own; otherwise the rule's choice stands.
    const bool configured = std::any_of(
        analysis.options().rules.begin(), analysis.options().rules.end(),
        [&](const auto& entry) { return selector_rank(entry.first, rule.info.id) >= 0; });
    for (size_t i = first; i < findings.size(); ++i) {
      findings[i].rule = std::string(rule.info.id);
      if (configured) findings[i].severity = *severity;
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

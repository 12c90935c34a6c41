#include "rules/rule.h"

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

}  // namespace

const RuleRegistry& RuleRegistry::builtin() {
  static const RuleRegistry registry = [] {
    RuleRegistry r;
    register_date_rules(r);
    register_source_rules(r);
    register_garble_rules(r);
    return r;
  }();
  return registry;
}

const RuleDef* RuleRegistry::find(std::string_view id) const {
  for (const auto& rule : rules_) {
    if (rule.info.id == id) return &rule;
  }
  return nullptr;
}

RuleSetting rule_setting(const Options& options, const RuleInfo& rule) {
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

std::optional<Severity> effective_severity(const Options& options, const RuleInfo& rule) {
  const RuleSetting setting = rule_setting(options, rule);
  if (!setting.enabled) return std::nullopt;
  return setting.forced.value_or(rule.default_severity);
}

}  // namespace histlint

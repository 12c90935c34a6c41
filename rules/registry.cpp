#include "rules/rule.h"

namespace histlint {

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

}  // namespace histlint

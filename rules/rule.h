// A rule: an id, its documentation, and a check over one analysed document.
#pragma once

#include <string_view>
#include <vector>

#include "rules/analysis.h"
#include "rules/finding.h"

namespace histlint {

struct RuleInfo {
  std::string_view id;           // "family/name"
  std::string_view summary;      // one line, for `histlint rules`
  std::string_view explanation;  // a paragraph, for `histlint explain`
  std::string_view example;      // a short text the rule flags
  Severity default_severity = Severity::Warning;
  bool enabled_by_default = true;
};

using CheckFn = void (*)(const Analysis&, std::vector<Finding>&);

struct RuleDef {
  RuleInfo info;
  CheckFn check = nullptr;  // appends findings with rule = info.id
};

class RuleRegistry {
 public:
  // Every built-in rule, registered once on first use.
  static const RuleRegistry& builtin();

  void add(const RuleDef& rule) { rules_.push_back(rule); }
  const std::vector<RuleDef>& rules() const { return rules_; }
  const RuleDef* find(std::string_view id) const;

 private:
  std::vector<RuleDef> rules_;
};

// Each family registers its rules; defined in rules/<family>/register.cpp.
void register_date_rules(RuleRegistry& registry);
void register_source_rules(RuleRegistry& registry);
void register_garble_rules(RuleRegistry& registry);

}  // namespace histlint

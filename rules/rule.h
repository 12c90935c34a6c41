// A rule: an id, its documentation, and a check over one analysed document.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "rules/analysis.h"
#include "rules/finding.h"

namespace histlint {

// What a rule's findings depend on. A paragraph-scope rule reads one block at a time: its
// findings depend only on that block's text, masked prose, kind, heading level and reference
// section flag, the options, the document date and the knowledge base, so the engine may run it
// on one block alone and reuse its findings while the block is unchanged. A rule that reads
// other blocks (citations, footnote definitions, reference sections, people introduced earlier,
// document-wide facts, runs of sentences across blocks) is document scope.
enum class RuleScope { Paragraph, Document };

struct RuleInfo {
  std::string_view id;           // "family/name"
  std::string_view summary;      // one line, for `histlint rules`
  std::string_view explanation;  // a paragraph, for `histlint explain`
  std::string_view example;      // a short text the rule flags
  Severity default_severity = Severity::Warning;
  bool enabled_by_default = true;
  RuleScope scope = RuleScope::Document;
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

// What the options say about one rule: whether it runs, and the severity a configured entry
// forces on all its findings. "on" enables a rule without forcing a severity, so a rule that
// grades its own findings (a hint for an unused footnote, a warning for a missing one) keeps
// doing so. The most specific selector wins: "*" < "date" == "date/*" < "date/age-mismatch".
struct RuleSetting {
  bool enabled = false;
  std::optional<Severity> forced;
};
RuleSetting rule_setting(const Options& options, const RuleInfo& rule);

// The severity a rule runs at under these options, or nullopt when it is off.
std::optional<Severity> effective_severity(const Options& options, const RuleInfo& rule);

// Each family registers its rules; defined in rules/<family>/register.cpp.
void register_date_rules(RuleRegistry& registry);
void register_source_rules(RuleRegistry& registry);
void register_garble_rules(RuleRegistry& registry);

}  // namespace histlint

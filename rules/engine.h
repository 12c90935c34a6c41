// The one analysis engine shared by `histlint check` and `histlint lsp`.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rules/analysis.h"
#include "rules/finding.h"
#include "rules/rule.h"

namespace histlint {

// The severity a rule runs at under these options, or nullopt when it is off.
std::optional<Severity> effective_severity(const Options& options, const RuleInfo& rule);

// Runs every enabled rule over the analysis, applies configured severities and inline
// suppressions, and returns the findings sorted by position. Returns early, with findings that
// mean nothing, once the analysis is cancelled: callers that cancel check Analysis::cancelled().
std::vector<Finding> run_rules(const Analysis& analysis,
                               const RuleRegistry& registry = RuleRegistry::builtin());

// Convenience for a whole text: builds the Document and Analysis, then run_rules.
std::vector<Finding> analyze_text(std::string_view path, std::string text, const Options& options,
                                  const KnowledgeBase& kb);

}  // namespace histlint

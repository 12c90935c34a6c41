// Inline suppressions written as HTML comments in a document:
//   <!-- histlint-disable [RULE…] -->            silences until a matching histlint-enable
//   <!-- histlint-enable [RULE…] -->             ends a disable (all of them without RULE)
//   <!-- histlint-disable-next-line [RULE…] -->  silences the line after the comment
//   <!-- histlint-disable-line [RULE…] -->       silences the comment's own line(s)
// RULE is a rule id, a family ("source"), a glob ("date/*", "garble/*-text") or "*"; several are
// separated by spaces or commas, and none means every rule.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "rules/finding.h"
#include "rules/options.h"
#include "rules/rule.h"
#include "rules/text/document.h"

namespace histlint {

// The pseudo-rule for a suppression that silences nothing; reported only when
// Options::report_unused_disables is set. It is configurable like any rule.
const RuleInfo& unused_disable_rule();

// True when a suppression selector names the rule id.
bool suppression_selector_matches(std::string_view selector, std::string_view rule_id);

enum class DirectiveKind { Disable, Enable, DisableNextLine, DisableLine };

struct SuppressionDirective {
  DirectiveKind kind = DirectiveKind::Disable;
  Span comment;                        // the whole <!-- … --> comment
  std::vector<std::string> selectors;  // empty: every rule
};

// The histlint directives among the document's HTML comments, in document order. A comment that
// starts with "histlint-" but is no known directive is returned in `malformed`.
std::vector<SuppressionDirective> parse_suppressions(const Document& doc,
                                                     std::vector<Span>* malformed = nullptr);

// Removes the findings that the document's suppression comments silence. With
// Options::report_unused_disables, then appends a histlint/unused-disable finding for each
// selector (or whole directive) that silenced nothing, or that names no known rule.
void apply_suppressions(const Document& doc, const Options& options, const RuleRegistry& registry,
                        std::vector<Finding>& findings);

}  // namespace histlint

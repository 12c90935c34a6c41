// Runs one built-in rule over a text and tells whether it flagged a passage, for the tests of the
// rule families that look their rules up by id.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "rules/analysis.h"
#include "rules/finding.h"
#include "rules/kb/knowledge_base.h"
#include "rules/rule.h"
#include "rules/text/document.h"

namespace histlint::test {

// The findings of the built-in rule `rule_id` on `text`, read as the file `path`; none when no
// rule has that id.
inline std::vector<Finding> run_builtin_rule(std::string_view rule_id, const std::string& text,
                                             const KnowledgeBase& kb, std::string_view path,
                                             const Options& options) {
  const Document doc(text, language_for_path(path));
  const Analysis analysis(doc, options, kb, std::string(path));
  const RuleDef* rule = RuleRegistry::builtin().find(rule_id);
  std::vector<Finding> out;
  if (rule) rule->check(analysis, out);
  return out;
}

// True when some finding overlaps the first occurrence of `needle`.
inline bool flags(const std::vector<Finding>& findings, const std::string& text,
                  std::string_view needle) {
  const size_t at = text.find(needle);
  if (at == std::string::npos) return false;
  for (const auto& f : findings) {
    if (f.span.offset < at + needle.size() && f.span.end() > at) return true;
  }
  return false;
}

}  // namespace histlint::test

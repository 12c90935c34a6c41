// Runs one garble/ rule over a text, for the garble rule tests.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "rules/analysis.h"
#include "rules/finding.h"
#include "rules/kb/knowledge_base.h"
#include "rules/rule.h"
#include "rules/text/document.h"

namespace histlint::garble_test {

inline std::vector<Finding> run_rule(std::string_view rule_id, const std::string& text,
                                     std::string_view path = "doc.md", Options options = {}) {
  static const KnowledgeBase kb;
  const Document doc(text, language_for_path(path));
  const Analysis analysis(doc, options, kb, std::string(path));
  const RuleDef* rule = RuleRegistry::builtin().find(rule_id);
  std::vector<Finding> out;
  if (rule) rule->check(analysis, out);
  return out;
}

// The text a finding covers.
inline std::string covered(const std::string& text, const Finding& f) {
  return text.substr(f.span.offset, f.span.length);
}

// Applies the first fix of a finding.
inline std::string apply_fix(std::string text, const Finding& f) {
  const auto& edits = f.fixes.at(0).edits;
  for (auto it = edits.rbegin(); it != edits.rend(); ++it) {
    text.replace(it->span.offset, it->span.length, it->replacement);
  }
  return text;
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

}  // namespace histlint::garble_test

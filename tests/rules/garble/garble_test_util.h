// Runs one garble/ rule over a text, for the garble rule tests.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "rules/finding.h"
#include "rules/kb/knowledge_base.h"
#include "rules/options.h"
#include "support/builtin_rule.h"

namespace histlint::garble_test {

inline std::vector<Finding> run_rule(std::string_view rule_id, const std::string& text,
                                     std::string_view path = "doc.md",
                                     const Options& options = {}) {
  static const KnowledgeBase kb;
  return test::run_builtin_rule(rule_id, text, kb, path, options);
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

using test::flags;

}  // namespace histlint::garble_test

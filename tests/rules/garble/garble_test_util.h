// Runs one garble/ rule over a text, for the garble rule tests.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "rules/engine.h"
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

// One rule run the way the language server runs it, through a paragraph cache whose per-block
// facts outlive each run: for tests that an edit recomputes the facts of the edited block only.
class CachedRule {
 public:
  explicit CachedRule(std::string_view rule_id) {
    registry_.add(*RuleRegistry::builtin().find(rule_id));
  }
  // The findings on `text` through the cache, or from scratch.
  std::vector<Finding> run(const std::string& text, bool cached = true) {
    static const KnowledgeBase kb;
    static const Options options;  // Analysis keeps a reference: no temporary
    const Document doc(text, Language::Markdown);
    const Analysis analysis(doc, options, kb, "doc.md");
    return run_rules(analysis, registry_, cached ? &cache_ : nullptr);
  }
  // Block facts computed so far (not found in the cache).
  size_t facts_computed() const { return cache_.block_facts().computed(); }

 private:
  RuleRegistry registry_;
  ParagraphCache cache_;
};

// The spans and messages of findings, to compare two runs.
inline std::vector<std::string> describe(const std::vector<Finding>& findings) {
  std::vector<std::string> out;
  for (const Finding& f : findings) {
    out.push_back(std::to_string(f.span.offset) + "+" + std::to_string(f.span.length) + " " +
                  f.message);
  }
  return out;
}

}  // namespace histlint::garble_test

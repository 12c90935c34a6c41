// Runs one source/ rule over a text and returns what it flags.
#pragma once

#include <string>
#include <vector>

#include "rules/analysis.h"
#include "rules/engine.h"
#include "rules/kb/knowledge_base.h"
#include "rules/rule.h"
#include "rules/source/source_rules.h"
#include "rules/text/document.h"

namespace histlint::test {

// The flagged texts, as tests spell the expected ones: Strings{"273 times"}.
using Strings = std::vector<std::string>;

struct RuleRun {
  std::string text;
  std::vector<Finding> findings;

  // The flagged text of each finding, in order.
  std::vector<std::string> flagged() const {
    std::vector<std::string> out;
    for (const auto& f : findings) out.push_back(text.substr(f.span.offset, f.span.length));
    return out;
  }
};

inline RuleRun run_rule(const RuleDef& rule, const std::string& text,
                        Language language = Language::Markdown, Options options = {}) {
  RuleRegistry registry;
  registry.add(rule);
  // Rules that are off by default run at their own severities once switched on.
  if (!rule.info.enabled_by_default) {
    options.rules.insert(options.rules.begin(), {std::string(rule.info.id), "on"});
  }
  const Document doc(text, language);
  const KnowledgeBase kb;
  const Analysis analysis(doc, options, kb);
  return {text, run_rules(analysis, registry)};
}

inline std::vector<std::string> flagged(const RuleDef& rule, const std::string& text,
                                        Language language = Language::Markdown,
                                        Options options = {}) {
  return run_rule(rule, text, language, std::move(options)).flagged();
}

}  // namespace histlint::test

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

// An article in the shape of an encyclopedia's: a lead that sums up, then sections whose text
// cites. `lead` is the lead's one paragraph; `cited` says whether the body cites.
inline std::string article_with_lead(const std::string& lead, bool cited) {
  const std::string note = cited ? "[^1]" : "";
  return "# The Tollbridge Riot\n\n" + lead +
         "\n\n## Background\n\nThe toll on the new bridge was raised twice in the spring of "
         "1822, and carters from the hill farms paid it every market day on the way down to "
         "the town." +
         note +
         " The trustees met in the Swan and refused every petition that the carters sent "
         "them.\n\n## The riot\n\nOn the first Saturday of June a crowd of some forty carters "
         "broke the gate, threw the toll board into the river and marched to the Swan, where "
         "the trustees had taken refuge in an upstairs room until the yeomanry came." +
         note + "\n" + (cited ? "\n## Notes\n\n[^1]: Borough quarter sessions rolls, 1822.\n" : "");
}

}  // namespace histlint::test

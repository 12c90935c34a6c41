#include "rules/rule.h"
#include "rules/source/source_rules.h"

namespace histlint {

void register_source_rules(RuleRegistry& registry) {
  registry.add(source_rules::unsourced_statistic());
  registry.add(source_rules::unsourced_quotation());
  registry.add(source_rules::unsourced_superlative());
  registry.add(source_rules::weasel_words());
  registry.add(source_rules::peacock_terms());
  registry.add(source_rules::missing_footnote());
  registry.add(source_rules::likely_needs_citation());
}

}  // namespace histlint

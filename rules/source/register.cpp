#include "rules/rule.h"

namespace histlint {

void register_source_rules(RuleRegistry& registry) {
  (void)registry;
}

}  // namespace histlint

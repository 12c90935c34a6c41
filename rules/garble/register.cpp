#include "rules/rule.h"

namespace histlint {

void register_garble_rules(RuleRegistry& registry) { (void)registry; }

}  // namespace histlint

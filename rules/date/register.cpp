#include "rules/rule.h"

namespace histlint {

void register_date_rules(RuleRegistry& registry) { (void)registry; }

}  // namespace histlint

#include "rules/date/rules.h"

namespace histlint {

void register_date_rules(RuleRegistry& registry) {
  registry.add(date_rules::impossible_date_rule());
  registry.add(date_rules::reversed_range_rule());
  registry.add(date_rules::calendar_offset_rule());
  registry.add(date_rules::weekday_mismatch_rule());
  registry.add(date_rules::duration_mismatch_rule());
  registry.add(date_rules::age_mismatch_rule());
  registry.add(date_rules::conflicting_dates_rule());
  registry.add(date_rules::after_death_rule());
  registry.add(date_rules::anniversary_mismatch_rule());
  registry.add(date_rules::life_dates_mismatch_rule());
}

}  // namespace histlint

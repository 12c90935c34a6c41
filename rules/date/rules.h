// The date/ rules, one per file, registered in rules/date/register.cpp.
#pragma once

#include "rules/rule.h"

namespace histlint::date_rules {

RuleDef impossible_date_rule();
RuleDef reversed_range_rule();
RuleDef calendar_offset_rule();
RuleDef weekday_mismatch_rule();
RuleDef duration_mismatch_rule();
RuleDef conflicting_dates_rule();
RuleDef age_mismatch_rule();
RuleDef after_death_rule();
RuleDef anniversary_mismatch_rule();
RuleDef life_dates_mismatch_rule();  // people knowledge base

}  // namespace histlint::date_rules

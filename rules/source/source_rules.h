// The source/ rules, one per file; rules/source/register.cpp adds them to the registry.
#pragma once

#include "rules/rule.h"

namespace histlint::source_rules {

const RuleDef& unsourced_statistic();
const RuleDef& unsourced_quotation();
const RuleDef& unsourced_superlative();
const RuleDef& weasel_words();
const RuleDef& peacock_terms();
const RuleDef& missing_footnote();
const RuleDef& likely_needs_citation();

}  // namespace histlint::source_rules

// The source/ rules, one per file; rules/source/register.cpp adds them to the registry.
#pragma once

#include <span>
#include <string_view>

#include "rules/rule.h"

namespace histlint::source_rules {

const RuleDef& unsourced_statistic();
const RuleDef& unsourced_quotation();
const RuleDef& unsourced_superlative();
const RuleDef& weasel_words();
const RuleDef& peacock_terms();
const RuleDef& missing_footnote();
const RuleDef& likely_needs_citation();

// The sentence scorer of source/likely-needs-citation, for the test that checks it against
// data/citation_need_model.json.
struct CitationNeedModel {
  std::span<const std::string_view> features;
  std::span<const double> weights;
  double bias;
  double threshold;
};
CitationNeedModel citation_need_model();

}  // namespace histlint::source_rules

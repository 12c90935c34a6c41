// The garble/ rules, one per file, registered in rules/garble/register.cpp.
#pragma once

#include "rules/rule.h"

namespace histlint::garble {

RuleDef spun_text_rule();
RuleDef ocr_noise_rule();
RuleDef ocr_paragraph_rule();
RuleDef mojibake_rule();
RuleDef spam_rule();
RuleDef boilerplate_rule();

}  // namespace histlint::garble

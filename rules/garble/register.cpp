#include "rules/garble/rules.h"

namespace histlint {

void register_garble_rules(RuleRegistry& registry) {
  registry.add(garble::spun_text_rule());
  registry.add(garble::ocr_noise_rule());
  registry.add(garble::ocr_paragraph_rule());
  registry.add(garble::mojibake_rule());
  registry.add(garble::spam_rule());
  registry.add(garble::boilerplate_rule());
}

}  // namespace histlint

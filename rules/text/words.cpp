#include "rules/text/words.h"

#include "rules/text/lexicon.h"

namespace histlint {

bool is_function_word(std::string_view w) {
  return (lex_classes(w) & kFunctionWord) != 0;
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace histlint

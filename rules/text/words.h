// Closed word classes shared by rules that read English prose.
#pragma once

#include <string>
#include <string_view>

namespace histlint {

// Articles, pronouns, prepositions, conjunctions and auxiliaries ("the", "of", "and", "was"),
// given in lower case.
bool is_function_word(std::string_view lower_word);

// ASCII letters lowered; other bytes (accents, Cyrillic) kept, so the result is still UTF-8.
std::string lower_ascii(std::string_view s);

}  // namespace histlint

// Closed word classes shared by rules that read English prose.
#pragma once

#include <string_view>

namespace histlint {

// Articles, pronouns, prepositions, conjunctions and auxiliaries ("the", "of", "and", "was"),
// given in lower case.
bool is_function_word(std::string_view lower_word);

}  // namespace histlint

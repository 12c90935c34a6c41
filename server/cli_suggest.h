// "Did you mean …?" for mistyped rule ids, options and configuration keys.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace histlint {

// The candidate closest to `word` by edit distance, if it is close enough to be a likely typo.
std::optional<std::string> closest_match(std::string_view word,
                                         const std::vector<std::string_view>& candidates);

}  // namespace histlint

#include "rules/extract/citation_matching.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace histlint::citation_matching {

std::string join(std::initializer_list<std::string_view> parts) {
  std::string out;
  for (auto part : parts) out += part;
  return out;
}

bool is_time_name(std::string_view word) {
  static constexpr std::array<std::string_view, 38> kNames = {
      "january",   "february", "march",     "april",    "may",       "june",     "july",   "august",
      "september", "october",  "november",  "december", "jan",       "feb",      "mar",    "apr",
      "jun",       "jul",      "aug",       "sep",      "sept",      "oct",      "nov",    "dec",
      "monday",    "tuesday",  "wednesday", "thursday", "friday",    "saturday", "sunday", "spring",
      "summer",    "autumn",   "fall",      "winter",   "christmas", "easter"};
  if (word.empty() || word.size() > 10) return false;
  std::string lower = lower_ascii(word);
  std::erase(lower, '.');
  return std::find(kNames.begin(), kNames.end(), lower) != kNames.end();
}

}  // namespace histlint::citation_matching

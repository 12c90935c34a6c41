#include "rules/extract/citation_matching.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace histlint::citation_matching {

bool is_time_name(std::string_view word) {
  static constexpr std::array<std::string_view, 38> kNames = {
      "january",   "february", "march",     "april",    "may",       "june",     "july",   "august",
      "september", "october",  "november",  "december", "jan",       "feb",      "mar",    "apr",
      "jun",       "jul",      "aug",       "sep",      "sept",      "oct",      "nov",    "dec",
      "monday",    "tuesday",  "wednesday", "thursday", "friday",    "saturday", "sunday", "spring",
      "summer",    "autumn",   "fall",      "winter",   "christmas", "easter"};
  if (word.empty() || word.size() > 10) return false;
  std::string lower;
  for (char c : word) {
    if (c == '.') continue;
    lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return std::find(kNames.begin(), kNames.end(), lower) != kNames.end();
}

}  // namespace histlint::citation_matching

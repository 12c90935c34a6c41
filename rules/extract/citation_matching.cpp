#include "rules/extract/citation_matching.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <utility>

namespace histlint::citation_matching {

ScreenedPattern::ScreenedPattern(std::string pattern, const re2::RE2::Options& options)
    : pattern_(std::move(pattern)), options_(options) {}

const re2::RE2& ScreenedPattern::exact() const {
  std::call_once(exact_once_, [this] { exact_ = std::make_unique<re2::RE2>(pattern_, options_); });
  return *exact_;
}

bool ScreenedPattern::may_match(std::string_view text, size_t begin, size_t end,
                                re2::RE2::Anchor anchor) const {
  std::call_once(screen_once_, [this] {
    const std::string widened = widen(pattern_);
    if (!widened.empty()) screen_ = std::make_unique<re2::RE2>(widened, options_);
    if (screen_ && !screen_->ok()) screen_.reset();
  });
  if (!screen_) return true;
  const re2::StringPiece context(text.data(), text.size());
  return screen_->Match(context, begin, end, anchor, nullptr, 0);
}

std::string ScreenedPattern::widen(std::string_view pattern) {
  static constexpr std::string_view kWide = "a-zA-Z\\x{80}-\\x{10FFFF}";
  std::string out;
  out.reserve(pattern.size());
  bool in_class = false, negated_class = false;
  size_t class_start = 0;  // where the members of the current class begin
  bool widened = false;
  for (size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '\\' && i + 1 < pattern.size()) {
      const std::string_view rest = pattern.substr(i);
      size_t length = 0;
      for (std::string_view name : {"\\p{L}", "\\p{Lu}", "\\p{Ll}"}) {
        if (rest.substr(0, name.size()) == name) length = name.size();
      }
      if (length != 0) {
        // A widened negated class would match less, not more.
        if (negated_class) return "";
        out += in_class ? std::string(kWide) : "[" + std::string(kWide) + "]";
        widened = true;
        i += length - 1;
        continue;
      }
      if (pattern[i + 1] == 'p' || pattern[i + 1] == 'P') return "";  // another class
      out += c;
      out += pattern[++i];
      continue;
    }
    if (in_class && c == '[' && i + 1 < pattern.size() && pattern[i + 1] == ':') return "";
    // A bounded repetition X{m,n} or X{m} becomes X{m,}: RE2 spells out n copies of X.
    if (!in_class && c == '{') {
      size_t j = i + 1;
      while (j < pattern.size() && std::isdigit(static_cast<unsigned char>(pattern[j]))) ++j;
      const size_t min_end = j;
      if (j < pattern.size() && pattern[j] == ',') {
        ++j;
        while (j < pattern.size() && std::isdigit(static_cast<unsigned char>(pattern[j]))) ++j;
      }
      if (min_end > i + 1 && j < pattern.size() && pattern[j] == '}') {
        out.append(pattern.substr(i, min_end - i));
        out += ",}";
        widened = true;
        i = j;
        continue;
      }
    }
    out += c;
    if (!in_class && c == '[') {
      in_class = true;
      negated_class = i + 1 < pattern.size() && pattern[i + 1] == '^';
      class_start = i + (negated_class ? 2 : 1);
    } else if (in_class && c == ']' && i > class_start) {
      in_class = false;
      negated_class = false;
    }
  }
  return widened ? out : "";
}

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

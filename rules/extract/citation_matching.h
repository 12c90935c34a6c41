// Pattern helpers shared by citation recognition and the source/ claim rules: re2 match
// iteration with byte offsets, and small word-level checks on UTF-8 prose.
#pragma once

#include <re2/re2.h>

#include <array>
#include <initializer_list>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "rules/finding.h"
#include "rules/text/words.h"

namespace histlint::citation_matching {

inline constexpr int kMaxGroups = 8;
using Groups = std::array<re2::StringPiece, kMaxGroups>;

// Calls fn(groups) for each non-overlapping match of `re` in text[begin, end). The whole text
// stays the match context, so \b and ^ see the characters around the range. groups[0] is the
// whole match; a group that did not take part has data() == nullptr.
template <class Fn>
void for_each_match(const re2::RE2& re, std::string_view text, size_t begin, size_t end, Fn&& fn) {
  const int count = std::min(re.NumberOfCapturingGroups() + 1, kMaxGroups);
  Groups groups{};
  const re2::StringPiece context(text.data(), text.size());
  size_t pos = begin;
  while (pos < end && re.Match(context, pos, end, re2::RE2::UNANCHORED, groups.data(), count)) {
    fn(groups);
    const size_t match_end = static_cast<size_t>(groups[0].data() - text.data()) + groups[0].size();
    pos = match_end > pos ? match_end : pos + 1;
  }
}

// The byte span of a match group inside `text` (empty when the group did not take part).
inline Span span_in(std::string_view text, const re2::StringPiece& piece) {
  if (piece.data() == nullptr) return {};
  return {static_cast<size_t>(piece.data() - text.data()), piece.size()};
}

inline std::string_view view(const re2::StringPiece& piece) {
  return piece.data() == nullptr ? std::string_view()
                                 : std::string_view(piece.data(), piece.size());
}

// Options for long alternations over Unicode classes, whose DFA outgrows RE2's default budget
// (RE2 would then log and fall back to a slower matcher).
inline re2::RE2::Options large_pattern_options() {
  re2::RE2::Options options;
  options.set_max_mem(64 << 20);
  return options;
}

// A long pattern, compiled only when a cheap screen finds that the text may hold a match. The
// screen is the same pattern widened: \p{L}, \p{Lu} and \p{Ll} become "an ASCII letter or any
// non-ASCII character" and bounded repetitions X{m,n} become X{m,}. It matches wherever the
// pattern does, and RE2 compiles it many times faster (Unicode classes and spelled-out
// repetitions make most of a program), so a short text without a match, such as a one-line file,
// never pays for the full pattern.
class ScreenedPattern {
 public:
  ScreenedPattern(std::string pattern, const re2::RE2::Options& options);

  // The pattern itself, compiled on first use.
  const re2::RE2& exact() const;
  // False only when the pattern has no match in text[begin, end) (context as for_each_match);
  // with ANCHOR_BOTH, no match of the whole range.
  bool may_match(std::string_view text, size_t begin, size_t end,
                 re2::RE2::Anchor anchor = re2::RE2::UNANCHORED) const;

  // The widened pattern, or "" when there is nothing to widen or the pattern uses a letter class
  // the screen cannot widen (a negated one): then may_match() is always true.
  static std::string widen(std::string_view pattern);

 private:
  std::string pattern_;
  re2::RE2::Options options_;
  mutable std::once_flag exact_once_, screen_once_;
  mutable std::unique_ptr<re2::RE2> exact_, screen_;
};

// for_each_match over a screened pattern: the full pattern is compiled and run only when the
// screen matches.
template <class Fn>
void for_each_match(const ScreenedPattern& pattern, std::string_view text, size_t begin, size_t end,
                    Fn&& fn) {
  if (pattern.may_match(text, begin, end)) {
    for_each_match(pattern.exact(), text, begin, end, std::forward<Fn>(fn));
  }
}

// Concatenates pattern pieces spelled once and shared by several patterns.
std::string join(std::initializer_list<std::string_view> parts);

// Month, weekday and season names: a capitalised word that names a time, never a work or author.
bool is_time_name(std::string_view word);

}  // namespace histlint::citation_matching

// The globs of `.histlint.json` compiled to a nondeterministic automaton over the bytes of a
// path, so that matching costs at most (pattern length) x (path length) steps: "{a,b}" groups
// are alternatives inside the automaton, never expanded into one pattern per combination.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace histlint {

class PathGlob {
 public:
  // `pattern` as written, matched against a whole "/"-separated path: "*" and "?" stay within one
  // segment ("?" is one UTF-8 character), "[a-z]" and "[!a-z]" are classes, "{a,b}" are
  // alternatives (nested, possibly holding "/"), and "**" standing for whole segments spans any
  // number of them, none included. An unbalanced brace is a literal character.
  explicit PathGlob(std::string_view pattern);

  // `steps`, when given, is increased by the automaton states visited.
  bool matches(std::string_view path, size_t* steps = nullptr) const;
  size_t state_count() const { return states_.size(); }

 private:
  enum class Kind {
    Byte,          // one given byte
    AnyInSegment,  // any byte but "/" ("*" loops on it)
    CharStart,     // the first byte of a character, not "/" ("?")
    Continuation,  // a UTF-8 continuation byte (the rest of "?"'s character)
    Class,         // one byte other than "/" in the class text_[class_begin, class_end)
    AnyByte,       // any byte ("**")
    Split,         // consumes nothing: goes on to `next` and `alternative`
    Match,
  };
  struct State {
    Kind kind = Kind::Split;
    unsigned char byte = 0;
    size_t class_begin = 0, class_end = 0;
    size_t next = kNone, alternative = kNone;
  };
  static constexpr size_t kNone = static_cast<size_t>(-1);

  // A piece of automaton under construction: its entry and the states whose `next` is unset.
  struct Fragment {
    size_t start = kNone;
    std::vector<size_t> exits;
  };
  Fragment compile(size_t begin, size_t end);
  Fragment compile_globstar(bool followed_by_slash, bool after_slash);
  size_t add(State state);
  Fragment single(State state);
  void append(Fragment& sequence, Fragment piece);
  bool consumes(const State& state, unsigned char byte) const;
  bool class_matches(const State& state, unsigned char byte) const;

  std::string text_;
  std::vector<size_t> matching_brace_;  // per position of text_: its brace's partner, or kNone
  std::vector<State> states_;
  size_t start_ = kNone;
};

}  // namespace histlint

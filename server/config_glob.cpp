#include "server/config_glob.h"

#include <utility>

namespace histlint {

namespace {

// Deeper brace groups are taken literally: nothing real needs them, and the compiler recurses
// once per level.
constexpr size_t kMaxBraceDepth = 16;

bool is_continuation(unsigned char byte) {
  return (byte & 0xC0) == 0x80;
}

// Where the "[...]" class starting at `open` ends (its "]"), or npos when it is not closed.
size_t class_close(std::string_view text, size_t open) {
  size_t i = open + 1;
  if (i < text.size() && (text[i] == '!' || text[i] == '^')) ++i;
  if (i < text.size() && text[i] == ']') ++i;  // a leading "]" is a member
  return text.find(']', i);
}

}  // namespace

PathGlob::PathGlob(std::string_view pattern)
    : text_(pattern), matching_brace_(pattern.size(), kNone) {
  std::vector<size_t> open_braces;
  for (size_t i = 0; i < text_.size(); ++i) {
    if (text_[i] == '{') {
      open_braces.push_back(i);
    } else if (text_[i] == '}' && !open_braces.empty()) {
      const size_t open = open_braces.back();
      open_braces.pop_back();
      if (open_braces.size() < kMaxBraceDepth) {
        matching_brace_[open] = i;
        matching_brace_[i] = open;
      }
    }
  }
  Fragment whole = compile(0, text_.size());
  const size_t match = add({.kind = Kind::Match});
  append(whole, {match, {}});
  start_ = whole.start;
}

size_t PathGlob::add(State state) {
  states_.push_back(state);
  return states_.size() - 1;
}

// Exits are encoded as state * 2 + (1 when it is the state's `alternative`).
PathGlob::Fragment PathGlob::single(State state) {
  const size_t index = add(state);
  return {index, {index * 2}};
}

void PathGlob::append(Fragment& sequence, Fragment piece) {
  if (sequence.start == kNone) {
    sequence = std::move(piece);
    return;
  }
  for (const size_t exit : sequence.exits) {
    State& state = states_[exit / 2];
    (exit % 2 ? state.alternative : state.next) = piece.start;
  }
  sequence.exits = std::move(piece.exits);
}

PathGlob::Fragment PathGlob::compile_globstar(bool followed_by_slash, bool after_slash) {
  // "**/" is "(anything ending in /)?"; "/**" at the end is "(/ anything)?"; a lone "**" is
  // "anything". Each matches whole segments only, none included.
  const size_t loop = add({.kind = Kind::Split});
  const size_t any = add({.kind = Kind::AnyByte, .next = loop});
  states_[loop].next = any;
  if (followed_by_slash) {
    const size_t slash = add({.kind = Kind::Byte, .byte = '/'});
    states_[loop].alternative = slash;
    const size_t skip = add({.kind = Kind::Split, .next = loop});
    return {skip, {slash * 2, skip * 2 + 1}};
  }
  if (after_slash) {
    const size_t slash = add({.kind = Kind::Byte, .byte = '/', .next = loop});
    const size_t skip = add({.kind = Kind::Split, .next = slash});
    return {skip, {loop * 2 + 1, skip * 2 + 1}};
  }
  return {loop, {loop * 2 + 1}};
}

PathGlob::Fragment PathGlob::compile(size_t begin, size_t end) {
  Fragment sequence;
  // Whether "**" at `at` stands for whole segments: nothing but "/" or a brace around it.
  const auto is_globstar = [&](size_t at) {
    if (at + 1 >= end || text_[at] != '*' || text_[at + 1] != '*') return false;
    const bool starts_segment =
        at == 0 || text_[at - 1] == '/' || text_[at - 1] == '{' || text_[at - 1] == ',';
    const size_t after = at + 2;
    const bool ends_segment =
        after == text_.size() || text_[after] == '/' || text_[after] == '}' || text_[after] == ',';
    return starts_segment && ends_segment;
  };
  const auto at_end_of_alternative = [&](size_t at) {
    return at == end || at == text_.size() || text_[at] == '}' || text_[at] == ',';
  };
  for (size_t i = begin; i < end;) {
    const char c = text_[i];
    if (c == '/' && is_globstar(i + 1) && at_end_of_alternative(i + 3)) {
      append(sequence, compile_globstar(false, true));
      i += 3;
    } else if (is_globstar(i)) {
      const bool followed_by_slash = i + 2 < end && text_[i + 2] == '/';
      append(sequence, compile_globstar(followed_by_slash, false));
      i += followed_by_slash ? 3 : 2;
    } else if (c == '*') {
      const size_t loop = add({.kind = Kind::Split});
      states_[loop].next = add({.kind = Kind::AnyInSegment, .next = loop});
      append(sequence, {loop, {loop * 2 + 1}});
      ++i;
    } else if (c == '?') {
      const size_t loop = add({.kind = Kind::Split});
      states_[loop].next = add({.kind = Kind::Continuation, .next = loop});
      append(sequence, {add({.kind = Kind::CharStart, .next = loop}), {loop * 2 + 1}});
      ++i;
    } else if (c == '[' && class_close(text_, i) < end) {
      const size_t close = class_close(text_, i);
      append(sequence, single({.kind = Kind::Class, .class_begin = i + 1, .class_end = close}));
      i = close + 1;
    } else if (c == '{' && matching_brace_[i] != kNone && matching_brace_[i] < end) {
      const size_t close = matching_brace_[i];
      Fragment alternatives;
      std::vector<size_t> splits;
      size_t from = i + 1;
      for (size_t k = i + 1; k <= close; ++k) {
        if (text_[k] == '{' && matching_brace_[k] != kNone) {
          k = matching_brace_[k];
        } else if (text_[k] == ',' || k == close) {
          Fragment option = compile(from, k);
          if (option.start == kNone) option = single({.kind = Kind::Split});  // "{,a}"
          const size_t split = add({.kind = Kind::Split, .next = option.start});
          if (!splits.empty()) states_[splits.back()].alternative = split;
          splits.push_back(split);
          if (alternatives.start == kNone) alternatives.start = split;
          alternatives.exits.insert(alternatives.exits.end(), option.exits.begin(),
                                    option.exits.end());
          from = k + 1;
        }
      }
      append(sequence, std::move(alternatives));
      i = close + 1;
    } else {
      append(sequence, single({.kind = Kind::Byte, .byte = static_cast<unsigned char>(c)}));
      ++i;
    }
  }
  if (sequence.start == kNone) sequence = single({.kind = Kind::Split});
  return sequence;
}

bool PathGlob::class_matches(const State& state, unsigned char byte) const {
  size_t i = state.class_begin;
  const bool negated = text_[i] == '!' || text_[i] == '^';
  if (negated) ++i;
  bool matched = false;
  for (; i < state.class_end; ++i) {
    const auto low = static_cast<unsigned char>(text_[i]);
    if (i + 2 < state.class_end && text_[i + 1] == '-') {
      if (low <= byte && byte <= static_cast<unsigned char>(text_[i + 2])) matched = true;
      i += 2;
    } else if (low == byte) {
      matched = true;
    }
  }
  return matched != negated;
}

bool PathGlob::consumes(const State& state, unsigned char byte) const {
  switch (state.kind) {
    case Kind::Byte:
      return byte == state.byte;
    case Kind::AnyInSegment:
      return byte != '/';
    case Kind::CharStart:
      return byte != '/' && !is_continuation(byte);
    case Kind::Continuation:
      return is_continuation(byte);
    case Kind::Class:
      return byte != '/' && class_matches(state, byte);
    case Kind::AnyByte:
      return true;
    case Kind::Split:
    case Kind::Match:
      return false;
  }
  return false;
}

bool PathGlob::matches(std::string_view path, size_t* steps) const {
  // The classic simulation: the set of states reachable after each byte, each state once.
  std::vector<size_t> current, next, pending;
  std::vector<size_t> seen(states_.size(), kNone);  // the byte position a state was added at
  size_t visited = 0;
  const auto add_closure = [&](size_t first, size_t position, std::vector<size_t>& into) {
    pending.push_back(first);
    while (!pending.empty()) {
      const size_t index = pending.back();
      pending.pop_back();
      if (index == kNone || seen[index] == position) continue;
      seen[index] = position;
      ++visited;
      const State& state = states_[index];
      if (state.kind == Kind::Split) {
        pending.push_back(state.alternative);
        pending.push_back(state.next);
      } else {
        into.push_back(index);
      }
    }
  };
  add_closure(start_, 0, current);
  for (size_t position = 0; position < path.size() && !current.empty(); ++position) {
    const auto byte = static_cast<unsigned char>(path[position]);
    next.clear();
    for (const size_t index : current) {
      ++visited;
      if (consumes(states_[index], byte)) add_closure(states_[index].next, position + 1, next);
    }
    std::swap(current, next);
  }
  if (steps) *steps += visited;
  if (current.empty()) return false;
  for (const size_t index : current) {
    if (states_[index].kind == Kind::Match) return true;
  }
  return false;
}

}  // namespace histlint

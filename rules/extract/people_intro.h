// Life dates a text states beside a name: "Leon Trotsky (1879–1940)", "(born 1952)",
// "(7 November [O.S. 26 October] 1879 – 21 August 1940)", "Trotsky was born … on 7 November 1879".
// A deliberately small date reader: only the forms that introduce a person.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rules/finding.h"
#include "rules/kb/knowledge_base.h"

namespace histlint::people_intro {

struct StatedDate {
  PartialDate date;
  Span span;
  bool approximate = false;  // "c. 1879", "circa 1879", "about 1879"
};

// Reads one date at `pos` (after spaces): "7 November 1879", "7 November [O.S. 26 October] 1879",
// "24th May 1940", "November 7, 1879", "November 1879", "1879-11-07", "1879", "c. 1879".
// Never reads past `limit`.
std::optional<StatedDate> read_date(std::string_view text, size_t pos, size_t limit);

struct StatedLife {
  std::optional<StatedDate> birth;
  std::optional<StatedDate> death;
  std::vector<std::string> aliases;  // name-only parentheses: "(Lev Davidovich Bronshtein)"
  bool explicit_keyword = false;     // "born", "b.", "died", "d." or "aged" was written
  size_t end = 0;                    // just past what was read
};

// Reads the life dates that follow a name ending at `pos`: parenthesised groups (footnote markers
// such as "[2]" skipped; parts split on ';'), then an unbracketed "DATE … – DATE" range.
// Nullopt when neither a birth nor a death date is stated. Stops at `limit` (the sentence end).
std::optional<StatedLife> read_life_after_name(std::string_view text, size_t pos, size_t limit);

// "was born … on 7 November 1879" or "died … in 1940" right after a name ending at `pos`
// (at most a few words between the verb and the date). Nullopt when absent.
std::optional<StatedLife> read_life_verb(std::string_view text, size_t pos, size_t limit);

// An appositive that says what a person was, right after a name or its life dates ending at
// `pos`: ", a seamstress from Tver" gives "a seamstress from Tver". Only when one of its first
// words names a kind of person ("a city on the Volga" is no person). Nullopt when absent.
std::optional<Span> read_apposition(std::string_view text, size_t pos, size_t limit);

}  // namespace histlint::people_intro

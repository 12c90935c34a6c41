// The spelling dictionaries' accepted words, compiled at build time (data/tools/build_word_set.cpp)
// and embedded in the binary, so that "is this a known word?" needs no Hunspell at start-up.
//
// The set holds every word Hunspell accepts among the affix expansions of the installed en_US and
// en_GB dictionaries and their case variants (each one checked with Hunspell at build time), so a
// word found in it is a word Hunspell accepts. For words in the set's complete class (see
// is_complete_for: letters, apostrophes, inner commas and dots, or punctuation no dictionary word
// holds) a missing word is also Hunspell's "no"; other words (digits, hyphens, final dots, rarer
// scripts) still go to Hunspell.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace histlint {

// The .aff and .dic files of en_US and en_GB, each from the first of `dirs` that has both: the
// files the runtime loads and the files the word set is built from.
std::vector<std::pair<std::string, std::string>> find_dictionary_files(
    const std::vector<std::string>& dirs);
// The folders searched when no environment variable names one.
std::vector<std::string> system_dictionary_dirs();

// The embedded form: this header, then the accepted words, sorted bytewise, each ending in '\n'.
struct WordSetHeader {
  static constexpr char kMagic[8] = {'H', 'L', 'W', 'O', 'R', 'D', 'S', '2'};
  // Both dictionaries convert a typographic apostrophe to an ASCII one before looking a word up
  // (ICONV ’ '), so "don’t" is answered as "don't".
  static constexpr uint32_t kFoldsCurlyApostrophe = 1u << 0;
  // No accepted word has a Cyrillic letter, so no Cyrillic word is accepted.
  static constexpr uint32_t kNoCyrillic = 1u << 1;
  // The dictionaries use nothing that accepts a letter-only word outside the expansion (compound
  // flags on letter stems, IGNORE, BREAK on letters, two-level affixes): without it the set only
  // says yes, never no.
  static constexpr uint32_t kComplete = 1u << 2;
  // punctuation_in_words lists every punctuation mark an accepted word holds.
  static constexpr uint32_t kPunctuationListed = 1u << 3;
  static constexpr uint32_t kMaxDictionaries = 2;
  static constexpr uint32_t kMaxPunctuation = 32;

  char magic[8];
  uint32_t flags;
  uint32_t dictionaries;
  // The files the set was built from: the set answers only for the same files (names and sizes).
  struct File {
    char name[16];
    uint64_t aff_size;
    uint64_t dic_size;
  } files[kMaxDictionaries];
  // Zero-terminated when shorter.
  uint32_t punctuation_in_words[kMaxPunctuation];
  uint64_t words_size;
};

// Punctuation Hunspell gives no meaning of its own (unlike the dots of abbreviations, the
// separators of numbers and the hyphens it breaks words at) and no case: a word holding one that
// no dictionary word holds is not accepted.
bool is_plain_punctuation(char32_t c);

// A read-only view of an embedded word set.
class WordSet {
 public:
  WordSet() = default;
  // `bytes` holds a header and its words; a malformed or empty one gives an empty set.
  explicit WordSet(std::string_view bytes);

  // The set embedded in this binary (empty when the build found no dictionaries).
  static const WordSet& embedded();

  bool empty() const { return words_.empty(); }
  const WordSetHeader& header() const { return header_; }
  // The words, one a line, sorted bytewise.
  std::string_view lines() const { return words_; }
  // Whether the set was built from these dictionary files (as find_dictionary_files returns).
  bool built_from(const std::vector<std::pair<std::string, std::string>>& files) const;

  // Whether Hunspell accepts the word as written (after the apostrophe fold): true means yes;
  // false means no only when is_complete_for(word).
  bool contains(std::string_view word) const;
  // Whether every word like this one that Hunspell accepts is in the set.
  bool is_complete_for(std::string_view word) const;
  // The word with typographic apostrophes made ASCII, when the dictionaries do that themselves.
  std::string_view fold_apostrophes(std::string_view word, std::string& buffer) const;

 private:
  WordSetHeader header_{};
  std::string_view words_;
};

}  // namespace histlint

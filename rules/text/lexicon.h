// The lexicon: every word the analysis meets, interned once, with its word classes.
//
// A word is folded (lower-cased, letters of any case-bearing script) and interned to a LexemeId;
// its closed classes (function word, month, weekday, number word…) are computed once, and the
// spelling dictionaries' answer is memoised per lexeme. Rules reach the lexicon through Analysis.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace histlint {

class Dictionary;

using LexemeId = uint32_t;
// Words the lexicon holds no entry for (it is full, or the word is empty): classes are still
// answered, nothing is memoised.
inline constexpr LexemeId kNoLexeme = 0;

// Closed word classes, as bits.
enum LexClass : uint32_t {
  kFunctionWord = 1u << 0,  // "the", "of", "and", "was"
  kMonth = 1u << 1,         // "january", "jan", "sept"
  kWeekday = 1u << 2,       // "monday", "mon"
  kNumberWord = 1u << 3,    // "one" … "twenty", "hundred", "thousand"
  kOrdinalWord = 1u << 4,   // "first" … "twentieth"
  // Words Title Case capitalises without making them part of a name: the function words that
  // join names and titles ("of", "the", "and", "his"), and "versus", "vs".
  kTitleCaseJoiner = 1u << 5,
};

// Lower-cases ASCII, Latin-1, Latin Extended-A, Greek and Cyrillic capitals; other bytes are
// kept, so the result is UTF-8 and has the same letters in the same order.
void append_lower(std::string& out, std::string_view word);
std::string to_lower(std::string_view word);

// The classes of a folded word, without interning it.
uint32_t lex_classes(std::string_view folded);

class Lexicon {
 public:
  // `dictionary` answers is_english(); null (or an unavailable dictionary) answers false.
  explicit Lexicon(const Dictionary* dictionary);
  ~Lexicon();
  Lexicon(const Lexicon&) = delete;
  Lexicon& operator=(const Lexicon&) = delete;

  // The lexicon of this process, over the shared spelling dictionaries: what an Analysis uses
  // unless its caller gives another.
  static Lexicon& standard();

  // The id of a word in any case ("The", "THE" and "the" share one). Thread-safe; locks only the
  // shard of the word, so threads interning different words rarely wait.
  LexemeId intern(std::string_view word);

  // The folded form and classes of an interned word.
  std::string_view folded(LexemeId id) const;
  uint32_t classes(LexemeId id) const;
  bool is(LexemeId id, LexClass c) const { return (classes(id) & c) != 0; }

  // Whether the spelling dictionaries accept the word as written in `surface` (its case matters
  // to Hunspell: "London" is a word, "london" is not). Memoised per lexeme and case shape.
  bool is_english(LexemeId id, std::string_view surface) const;

  // How many distinct words are interned, and how many dictionary look-ups were made: for tests
  // and benchmarks.
  size_t size() const;
  size_t dictionary_lookups() const { return lookups_.load(std::memory_order_relaxed); }

 private:
  struct Entry;
  struct Shard;
  static constexpr size_t kShardBits = 6;
  static constexpr size_t kShards = size_t{1} << kShardBits;

  const Entry* entry(LexemeId id) const;

  const Dictionary* dictionary_;
  std::array<std::unique_ptr<Shard>, kShards> shards_;
  mutable std::atomic<size_t> lookups_{0};
};

}  // namespace histlint

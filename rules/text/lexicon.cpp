#include "rules/text/lexicon.h"

#include <algorithm>
#include <bit>
#include <iterator>

#include "rules/text/dictionary.h"
#include "rules/text/utf8.h"

namespace histlint {

namespace {

char32_t lower(char32_t c) {
  if (!utf8::is_upper(c)) return c;
  if (c < 0x80 || (c >= 0xC0 && c <= 0xDE) || (c >= 0x391 && c <= 0x3A9) ||
      (c >= 0x410 && c <= 0x42F)) {
    return c + 0x20;
  }
  if (c >= 0x400 && c <= 0x40F) return c + 0x50;  // Ѐ…Џ
  return c + 1;                                   // Latin Extended-A pairs
}

constexpr std::string_view kFunctionWords[] = {
    "a",       "about",  "above",  "after", "against", "all",     "also",  "among",  "an",
    "and",     "any",    "are",    "as",    "at",      "be",      "been",  "before", "being",
    "between", "both",   "but",    "by",    "can",     "could",   "did",   "do",     "does",
    "during",  "each",   "either", "for",   "from",    "had",     "has",   "have",   "he",
    "her",     "hers",   "him",    "his",   "how",     "i",       "if",    "in",     "into",
    "is",      "it",     "its",    "may",   "me",      "might",   "must",  "my",     "neither",
    "no",      "nor",    "not",    "of",    "on",      "onto",    "or",    "our",    "shall",
    "she",     "should", "since",  "so",    "than",    "that",    "the",   "their",  "them",
    "then",    "these",  "they",   "this",  "those",   "through", "to",    "under",  "until",
    "upon",    "us",     "was",    "we",    "were",    "what",    "when",  "where",  "which",
    "while",   "who",    "whom",   "whose", "will",    "with",    "would", "you"};

constexpr std::string_view kMonths[] = {
    "january",   "february", "march",    "april",    "may",  "june", "july", "august",
    "september", "october",  "november", "december", "jan",  "feb",  "mar",  "apr",
    "jun",       "jul",      "aug",      "sep",      "sept", "oct",  "nov",  "dec"};

constexpr std::string_view kWeekdays[] = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue",
    "tues",   "wed",     "thu",       "thur",     "thurs",  "fri",      "sat",    "sun"};

constexpr std::string_view kNumberWords[] = {
    "one",      "two",     "three",     "four",     "five",     "six",      "seven",
    "eight",    "nine",    "ten",       "eleven",   "twelve",   "thirteen", "fourteen",
    "fifteen",  "sixteen", "seventeen", "eighteen", "nineteen", "twenty",   "thirty",
    "forty",    "fifty",   "sixty",     "seventy",  "eighty",   "ninety",   "hundred",
    "thousand", "million", "billion",   "dozen",    "score"};

constexpr std::string_view kOrdinalWords[] = {
    "first",      "second",     "third",     "fourth",    "fifth",       "sixth",
    "seventh",    "eighth",     "ninth",     "tenth",     "eleventh",    "twelfth",
    "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth",
    "nineteenth", "twentieth",  "thirtieth", "fortieth",  "fiftieth",    "sixtieth",
    "seventieth", "eightieth",  "ninetieth", "hundredth", "thousandth"};

// The function words name recognition lets stand inside a capitalised run ("Society of the
// Friends", "Smith versus Jones"): most are function words, "versus" and "vs" are not.
constexpr std::string_view kTitleCaseJoiners[] = {
    "and",     "or",   "of", "the", "in",   "on",  "at",  "to",  "for", "with",  "versus", "vs",
    "against", "from", "by", "was", "is",   "are", "but", "a",   "an",  "as",    "after",  "before",
    "than",    "i",    "he", "she", "they", "we",  "it",  "his", "her", "their", "this"};

// How a word is written, for memoising Hunspell's case-sensitive answer.
enum class CaseShape : uint8_t { Lower, Title, Upper, Mixed };

CaseShape case_shape(std::string_view s) {
  bool first = true, first_upper = false, any_upper_after = false, any_lower = false;
  size_t letters = 0;
  for (size_t pos = 0, len = 0; pos < s.size(); pos += len) {
    const char32_t c = utf8::decode(s, pos, len);
    const bool upper = utf8::is_upper(c);
    if (utf8::is_lower(c)) any_lower = true;
    if (upper || utf8::is_lower(c)) ++letters;
    if (first && (upper || utf8::is_lower(c))) {
      first_upper = upper;
      first = false;
    } else if (upper) {
      any_upper_after = true;
    }
  }
  if (!any_upper_after && !first_upper) return CaseShape::Lower;
  if (!any_lower && letters > 1) return CaseShape::Upper;
  if (first_upper && !any_upper_after) return CaseShape::Title;
  return CaseShape::Mixed;
}

// Per lexeme and case shape: bit 2·shape says "asked", bit 2·shape+1 the answer.
constexpr uint8_t asked_bit(CaseShape s) {
  return static_cast<uint8_t>(1u << (2 * static_cast<unsigned>(s)));
}
constexpr uint8_t answer_bit(CaseShape s) {
  return static_cast<uint8_t>(1u << (2 * static_cast<unsigned>(s) + 1));
}

// Bounds what a long-running server keeps of the distinct words it has met (OCR noise is mostly
// distinct words): beyond this a word gets no id, and its classes are computed on each call.
constexpr size_t kEntriesPerShard = 16384;
// A shard's entries live in chunks of 64, 128, 256… entries, so a process that meets few words
// (a one-line file) allocates and touches little.
constexpr size_t kFirstChunkBits = 6;
constexpr size_t kChunksPerShard = 9;  // 64 · (2⁹ − 1) ≥ kEntriesPerShard
static_assert(((size_t{1} << (kFirstChunkBits + kChunksPerShard)) -
               (size_t{1} << kFirstChunkBits)) >= kEntriesPerShard);

struct ChunkPlace {
  size_t chunk, offset;
};

ChunkPlace place_of(size_t index) {
  const size_t shifted = index + (size_t{1} << kFirstChunkBits);
  const size_t chunk = std::bit_width(shifted) - 1 - kFirstChunkBits;
  return {chunk, shifted - (size_t{1} << (chunk + kFirstChunkBits))};
}

}  // namespace

void append_lower(std::string& out, std::string_view word) {
  for (size_t pos = 0, len = 0; pos < word.size(); pos += len) {
    const char c = word[pos];
    if (static_cast<unsigned char>(c) < 0x80) {
      len = 1;
      out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
      continue;
    }
    const char32_t cp = utf8::decode(word, pos, len);
    if (utf8::is_upper(cp)) {
      utf8::append(out, lower(cp));
    } else {
      out.append(word.substr(pos, len));
    }
  }
}

std::string to_lower(std::string_view word) {
  std::string out;
  out.reserve(word.size());
  append_lower(out, word);
  return out;
}

uint32_t lex_classes(std::string_view w) {
  // One hash look-up for every class: rules ask per word of the text.
  static const auto* const kClassesOf = [] {
    auto* classes_of = new std::unordered_map<std::string_view, uint32_t>;
    auto add = [&](const auto& words, LexClass c) {
      for (std::string_view word : words) (*classes_of)[word] |= c;
    };
    add(kFunctionWords, kFunctionWord);
    add(kMonths, kMonth);
    add(kWeekdays, kWeekday);
    add(kNumberWords, kNumberWord);
    add(kOrdinalWords, kOrdinalWord);
    add(kTitleCaseJoiners, kTitleCaseJoiner);
    return classes_of;
  }();
  const auto it = kClassesOf->find(w);
  return it == kClassesOf->end() ? 0 : it->second;
}

struct Lexicon::Entry {
  std::string folded;
  uint32_t classes = 0;
  mutable std::atomic<uint8_t> english{0};
};

struct Lexicon::Shard {
  std::mutex mutex;
  std::unordered_map<std::string_view, uint32_t> index;  // keys view the entries' strings
  std::array<std::atomic<Entry*>, kChunksPerShard> chunks{};
  size_t count = 0;  // guarded by mutex

  ~Shard() {
    for (auto& chunk : chunks) delete[] chunk.load();
  }
};

Lexicon::Lexicon(const Dictionary* dictionary) : dictionary_(dictionary) {
  for (auto& shard : shards_) shard = std::make_unique<Shard>();
  // The closed classes always have ids, however full the lexicon gets.
  for (auto w : kFunctionWords) intern(w);
  for (auto w : kMonths) intern(w);
  for (auto w : kWeekdays) intern(w);
  for (auto w : kNumberWords) intern(w);
  for (auto w : kOrdinalWords) intern(w);
  for (auto w : kTitleCaseJoiners) intern(w);
}

Lexicon::~Lexicon() = default;

Lexicon& Lexicon::standard() {
  static Lexicon lexicon(&Dictionary::shared());
  return lexicon;
}

LexemeId Lexicon::intern(std::string_view word) {
  if (word.empty()) return kNoLexeme;
  std::string folded;
  folded.reserve(word.size());
  append_lower(folded, word);
  const size_t hash = std::hash<std::string_view>{}(folded);
  const size_t shard_index = hash & (kShards - 1);
  Shard& shard = *shards_[shard_index];
  std::lock_guard<std::mutex> lock(shard.mutex);
  if (auto it = shard.index.find(folded); it != shard.index.end()) return it->second;
  if (shard.count == kEntriesPerShard) return kNoLexeme;
  const ChunkPlace place = place_of(shard.count);
  Entry* entries = shard.chunks[place.chunk].load(std::memory_order_relaxed);
  if (entries == nullptr) {
    entries = new Entry[size_t{1} << (place.chunk + kFirstChunkBits)];
    shard.chunks[place.chunk].store(entries, std::memory_order_release);
  }
  Entry& entry = entries[place.offset];
  entry.classes = lex_classes(folded);
  entry.folded = std::move(folded);
  const auto id = static_cast<LexemeId>(((shard.count << kShardBits) | shard_index) + 1);
  ++shard.count;
  shard.index.emplace(entry.folded, id);
  return id;
}

const Lexicon::Entry* Lexicon::entry(LexemeId id) const {
  if (id == kNoLexeme) return nullptr;
  const size_t raw = id - 1;
  const Shard& shard = *shards_[raw & (kShards - 1)];
  const size_t index = raw >> kShardBits;
  const ChunkPlace place = place_of(index);
  const Entry* entries = shard.chunks[place.chunk].load(std::memory_order_acquire);
  return entries + place.offset;
}

std::string_view Lexicon::folded(LexemeId id) const {
  const Entry* e = entry(id);
  return e ? std::string_view(e->folded) : std::string_view();
}

uint32_t Lexicon::classes(LexemeId id) const {
  const Entry* e = entry(id);
  return e ? e->classes : 0;
}

bool Lexicon::is_english(LexemeId id, std::string_view surface) const {
  if (dictionary_ == nullptr || !dictionary_->available()) return false;
  const Entry* e = entry(id);
  const CaseShape shape = case_shape(surface);
  if (e == nullptr || shape == CaseShape::Mixed) {
    lookups_.fetch_add(1, std::memory_order_relaxed);
    return dictionary_->knows(surface);
  }
  const uint8_t memo = e->english.load(std::memory_order_acquire);
  if (memo & asked_bit(shape)) return (memo & answer_bit(shape)) != 0;
  lookups_.fetch_add(1, std::memory_order_relaxed);
  const bool known = dictionary_->knows(surface);
  e->english.fetch_or(static_cast<uint8_t>(asked_bit(shape) | (known ? answer_bit(shape) : 0)),
                      std::memory_order_acq_rel);
  return known;
}

size_t Lexicon::size() const {
  size_t total = 0;
  for (const auto& shard : shards_) {
    std::lock_guard<std::mutex> lock(shard->mutex);
    total += shard->count;
  }
  return total;
}

}  // namespace histlint

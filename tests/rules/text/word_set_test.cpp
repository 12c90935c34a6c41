#include "rules/text/word_set.h"

#include <doctest/doctest.h>
#include <hunspell/hunspell.hxx>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "rules/text/dictionary.h"

using namespace histlint;

namespace {

// Hunspell itself, over the files the embedded set was built from: the answer the set must give.
struct Reference {
  std::vector<std::unique_ptr<Hunspell>> spellers;
  bool knows(const std::string& word) const {
    for (const auto& s : spellers) {
      if (s->spell(word)) return true;
    }
    return false;
  }
};

// The words the set is checked on: written here for the kinds of word prose holds.
const std::vector<std::string> kHandWords = {
    "the",
    "The",
    "THE",
    "tHe",
    "revolution",
    "Revolution",
    "REVOLUTION",
    "London",
    "london",
    "LONDON",
    "lONDON",
    "Paris",
    "paris",
    "don't",
    "don\u2019t",
    "Don't",
    "DON'T",
    "won\u2019t",
    "o'clock",
    "O'Clock",
    "ne'er",
    "'tis",
    "Smith's",
    "smiths'",
    "rock'n'roll",
    "well-known",
    "Well-Known",
    "self-evident",
    "to-day",
    "-ish",
    "anti-",
    "café",
    "Café",
    "CAFÉ",
    "cafe",
    "naïve",
    "NAÏVE",
    "résumé",
    "fiancée",
    "Ångström",
    "Москва",
    "москва",
    "Ελλάδα",
    "μm",
    "straße",
    "STRASSE",
    "über",
    "Über",
    "1st",
    "21st",
    "1917",
    "1,000",
    "3rd",
    "e.g",
    "etc",
    "etc.",
    "Mr",
    "Mr.",
    "St.",
    "colour",
    "color",
    "COLOUR",
    "Colour",
    "organisation",
    "organization",
    "tlio",
    "tbe",
    "wiih",
    "thc",
    "qwzx",
    "Napoleon",
    "NAPOLEON",
    "napoleon",
    "McDonald",
    "MCDONALD",
    "iPhone",
    "IPHONE",
    "USA",
    "usa",
    "Usa",
    "NASA",
    "nasa",
    "I",
    "i",
    "a",
    "A",
    "x",
    "X",
    "'",
    "''",
    "a'",
    "ain't",
    "AIN'T",
    "Ain\u2019t",
    "Œuvre",
    "œuvre",
    "coöperate",
    "Zürich",
    "zurich",
    "Kraków",
    "Dvořák",
    "façade",
    "FAÇADE",
    "Façade",
    "\u212Aing",  // KELVIN SIGN: Hunspell's case tables fold it to "king"
    "ſtate",
    "İstanbul",
    "ıt",
    "ÿes",
    "ŸES"};

// Variants of a word that Hunspell may or may not accept: other cases, a letter changed, lost
// or added, an apostrophe.
std::vector<std::string> variants(const std::string& w) {
  std::vector<std::string> out;
  std::string lower, upper, title;
  for (char c : w) {
    const bool ascii_upper = c >= 'A' && c <= 'Z', ascii_lower = c >= 'a' && c <= 'z';
    lower += ascii_upper ? static_cast<char>(c + 32) : c;
    upper += ascii_lower ? static_cast<char>(c - 32) : c;
  }
  title = lower;
  if (!title.empty() && title[0] >= 'a' && title[0] <= 'z')
    title[0] = static_cast<char>(title[0] - 32);
  out = {lower,    upper,   title,   w + "s", w + "'s", w + "\u2019s", w + "ed",
         "un" + w, w + "'", w + ".", w + ",", "." + w,  w + ".," + w};
  if (w.size() > 2) {
    out.push_back(w.substr(0, w.size() - 1));
    std::string swapped = w;
    std::swap(swapped[1], swapped[2]);
    out.push_back(swapped);
    out.push_back(w.substr(0, 1) + "h" + w.substr(1));
  }
  return out;
}

// Checks the set and the Dictionary against Hunspell on each word; returns how many of them the
// set answered by itself.
size_t check_against_hunspell(const WordSet& set, const Reference& reference,
                              const std::vector<std::string>& words) {
  Dictionary dictionary(system_dictionary_dirs());
  size_t answered_by_set = 0;
  for (const auto& w : words) {
    const bool expected = reference.knows(w);
    std::string buffer;
    const std::string_view folded = set.fold_apostrophes(w, buffer);
    if (set.contains(folded)) {
      ++answered_by_set;
      CHECK_MESSAGE(expected, w);
    } else if (set.is_complete_for(folded)) {
      ++answered_by_set;
      CHECK_MESSAGE(!expected, w);
    }
    CHECK_MESSAGE(dictionary.knows(w) == expected, w);
  }
  return answered_by_set;
}

// The reference over the files the embedded set was built from, or none when those files are
// not installed.
std::unique_ptr<Reference> reference_for(const WordSet& set) {
  const auto files = find_dictionary_files(system_dictionary_dirs());
  if (files.empty() || !set.built_from(files)) return nullptr;
  auto reference = std::make_unique<Reference>();
  for (const auto& [aff, dic] : files) {
    reference->spellers.push_back(std::make_unique<Hunspell>(aff.c_str(), dic.c_str()));
  }
  return reference;
}

}  // namespace

TEST_CASE("word set: the same answer as Hunspell for every sampled word") {
  const WordSet& set = WordSet::embedded();
  const auto reference = reference_for(set);
  if (!reference) {
    MESSAGE("SKIP: the dictionaries are not the ones the word set was built from");
    return;
  }
  CHECK((set.header().flags & WordSetHeader::kComplete) != 0);
  std::vector<std::string> words = kHandWords;
  for (const auto& w : kHandWords) {
    for (auto& v : variants(w)) words.push_back(std::move(v));
  }
  // Every 251st word of the set, with its variants: a sample of the whole dictionary.
  const std::string_view all = set.lines();
  size_t line = 0, sampled = 0;
  for (size_t start = 0; start < all.size(); ++line) {
    const size_t end = all.find('\n', start);
    if (line % 251 == 0) {
      const std::string w(all.substr(start, end - start));
      words.push_back(w);
      for (auto& v : variants(w)) words.push_back(std::move(v));
      ++sampled;
    }
    start = end + 1;
  }
  CHECK(sampled > 1000);

  const size_t answered_by_set = check_against_hunspell(set, *reference, words);
  // Most words never reach Hunspell.
  CHECK(answered_by_set * 10 > words.size() * 9);
}

TEST_CASE("word set: the same answer as Hunspell for every word of the shared texts") {
  const WordSet& set = WordSet::embedded();
  const auto reference = reference_for(set);
  const std::filesystem::path shared(HISTLINT_SHARED_DIR);
  if (!reference || !std::filesystem::is_directory(shared / "realtext")) {
    MESSAGE("SKIP: no ../shared texts, or other dictionaries than the word set's");
    return;
  }
  // Each space-separated piece of text as it stands and without the punctuation around it.
  std::set<std::string> unique;
  for (const char* folder : {"realtext", "seeds"}) {
    for (const auto& file : std::filesystem::recursive_directory_iterator(shared / folder)) {
      const auto ext = file.path().extension();
      if (ext != ".txt" && ext != ".md") continue;
      std::ifstream in(file.path());
      for (std::string piece; in >> piece;) {
        unique.insert(piece);
        const size_t first = piece.find_first_not_of("\"'([{*_");
        const size_t last = piece.find_last_not_of("\"'.,;:!?)]}*_");
        if (first != std::string::npos && last != std::string::npos && first <= last) {
          unique.insert(piece.substr(first, last - first + 1));
        }
      }
    }
  }
  const std::vector<std::string> words(unique.begin(), unique.end());
  CHECK(words.size() > 1000);
  CHECK(check_against_hunspell(set, *reference, words) * 2 > words.size());
}

TEST_CASE("word set: sorted lines, binary search, and a malformed blob is empty") {
  WordSetHeader header{};
  std::memcpy(header.magic, WordSetHeader::kMagic, sizeof header.magic);
  const std::string words = "Alpha\nalpha\nbeta\ndon't\ngamma\n";
  header.words_size = words.size();
  header.flags = WordSetHeader::kComplete | WordSetHeader::kFoldsCurlyApostrophe;
  std::string bytes(reinterpret_cast<const char*>(&header), sizeof header);
  bytes += words;
  const WordSet set(bytes);
  for (const char* w : {"Alpha", "alpha", "beta", "don't", "gamma"}) CHECK(set.contains(w));
  for (const char* w : {"", "alph", "alphaa", "Beta", "delta", "zeta", "a", "beta\ngamma"}) {
    CHECK_FALSE(set.contains(w));
  }
  std::string buffer;
  CHECK(set.contains(set.fold_apostrophes("don\u2019t", buffer)));
  CHECK(set.is_complete_for("Résumé's"));
  CHECK_FALSE(set.is_complete_for("well-known"));
  CHECK_FALSE(set.is_complete_for("1st"));
  CHECK(set.is_complete_for("e.g"));
  CHECK(set.is_complete_for("said,that"));
  CHECK_FALSE(set.is_complete_for("e.g."));
  CHECK_FALSE(set.is_complete_for("said."));
  CHECK_FALSE(set.is_complete_for("straße"));
  CHECK_FALSE(set.is_complete_for("1,000"));
  // Without the list of punctuation in dictionary words, a comma's meaning is not known.
  CHECK_FALSE(set.is_complete_for("1917;"));

  header.flags |= WordSetHeader::kPunctuationListed;
  header.punctuation_in_words[0] = '&';
  bytes.replace(0, sizeof header, reinterpret_cast<const char*>(&header), sizeof header);
  const WordSet listed(bytes);
  CHECK(listed.is_complete_for("1917;"));
  CHECK(listed.is_complete_for("well-known\u2014as"));
  CHECK_FALSE(listed.is_complete_for("AT&T"));
  CHECK_FALSE(listed.is_complete_for("1,000.5"));

  CHECK(WordSet(bytes.substr(0, bytes.size() - 1)).empty());  // size does not match the header
  CHECK(WordSet("not a word set").empty());
  CHECK_FALSE(WordSet(bytes).built_from({{"/nonexistent/en_US.aff", "/nonexistent/en_US.dic"}}));
}

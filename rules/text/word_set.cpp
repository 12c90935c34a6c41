#include "rules/text/word_set.h"

#include <algorithm>
#include <cstring>
#include <filesystem>

#include "rules/text/utf8.h"

namespace histlint {

std::vector<std::pair<std::string, std::string>> find_dictionary_files(
    const std::vector<std::string>& dirs) {
  namespace fs = std::filesystem;
  std::vector<std::pair<std::string, std::string>> files;
  for (const char* name : {"en_US", "en_GB"}) {
    for (const auto& dir : dirs) {
      const fs::path aff = fs::path(dir) / (std::string(name) + ".aff");
      const fs::path dic = fs::path(dir) / (std::string(name) + ".dic");
      std::error_code ec;
      if (!fs::is_regular_file(aff, ec) || !fs::is_regular_file(dic, ec)) continue;
      files.emplace_back(aff.string(), dic.string());
      break;
    }
  }
  return files;
}

std::vector<std::string> system_dictionary_dirs() {
  return {"/usr/share/hunspell", "/usr/local/share/hunspell", "/usr/share/myspell/dicts",
          "/usr/share/myspell", "/opt/homebrew/share/hunspell"};
}

bool is_plain_punctuation(char32_t c) {
  if (c < 0x80) {
    return c > ' ' && c < 0x7F && !(c >= '0' && c <= '9') && !(c >= 'A' && c <= 'Z') &&
           !(c >= 'a' && c <= 'z') && c != '.' && c != ',' && c != '-' && c != '\'';
  }
  // Latin-1 signs (not the soft hyphen, µ, ª, º) and general punctuation (not its spaces,
  // joiners and separators).
  if (c >= 0xA1 && c <= 0xBF) return c != 0xAD && c != 0xB5 && c != 0xAA && c != 0xBA;
  return (c >= 0x2010 && c <= 0x2027) || (c >= 0x2030 && c <= 0x205E);
}

WordSet::WordSet(std::string_view bytes) {
  if (bytes.size() < sizeof(WordSetHeader)) return;
  std::memcpy(&header_, bytes.data(), sizeof header_);
  if (std::memcmp(header_.magic, WordSetHeader::kMagic, sizeof header_.magic) != 0 ||
      header_.dictionaries > WordSetHeader::kMaxDictionaries ||
      header_.words_size != bytes.size() - sizeof header_) {
    header_ = {};
    return;
  }
  words_ = bytes.substr(sizeof header_);
  if (!words_.empty() && words_.back() != '\n') words_ = {};
}

bool WordSet::built_from(const std::vector<std::pair<std::string, std::string>>& files) const {
  if (empty() || files.size() != header_.dictionaries) return false;
  namespace fs = std::filesystem;
  for (size_t i = 0; i < files.size(); ++i) {
    const auto& built = header_.files[i];
    std::error_code ec;
    const std::string stem = fs::path(files[i].first).stem().string();
    if (stem != std::string_view(built.name, strnlen(built.name, sizeof built.name)) ||
        fs::file_size(files[i].first, ec) != built.aff_size || ec ||
        fs::file_size(files[i].second, ec) != built.dic_size || ec) {
      return false;
    }
  }
  return true;
}

bool WordSet::contains(std::string_view word) const {
  if (word.empty() || word.find('\n') != std::string_view::npos) return false;
  // Binary search over the sorted lines: probe the line around the middle of [lo, hi), where
  // lo and hi are always line starts.
  size_t lo = 0, hi = words_.size();
  while (lo < hi) {
    size_t start = lo + (hi - lo) / 2;
    while (start > lo && words_[start - 1] != '\n') --start;
    const size_t end = words_.find('\n', start);
    const int order = words_.substr(start, end - start).compare(word);
    if (order == 0) return true;
    if (order < 0) {
      lo = end + 1;
    } else {
      hi = start;
    }
  }
  return false;
}

std::string_view WordSet::fold_apostrophes(std::string_view word, std::string& buffer) const {
  static constexpr std::string_view kCurly = "\u2019";
  if (!(header_.flags & WordSetHeader::kFoldsCurlyApostrophe) ||
      word.find(kCurly) == std::string_view::npos) {
    return word;
  }
  buffer.clear();
  for (size_t pos = 0; pos < word.size();) {
    if (word.substr(pos, kCurly.size()) == kCurly) {
      buffer += '\'';
      pos += kCurly.size();
    } else {
      buffer += word[pos++];
    }
  }
  return buffer;
}

bool WordSet::is_complete_for(std::string_view word) const {
  if (!(header_.flags & WordSetHeader::kComplete)) return false;
  if (header_.flags & WordSetHeader::kPunctuationListed) {
    for (size_t pos = 0, len = 0; pos < word.size(); pos += len) {
      const char32_t c = utf8::decode(word, pos, len);
      if (!is_plain_punctuation(c)) continue;
      const auto* listed = header_.punctuation_in_words;
      if (std::find(listed, listed + WordSetHeader::kMaxPunctuation, c) ==
          listed + WordSetHeader::kMaxPunctuation) {
        return true;
      }
    }
  }
  // Hunspell accepts a word when one of its case variants (as written, lower case, capitalised)
  // is an affix form of the dictionary; the set holds those variants for every letter our case
  // mapping shares with Hunspell's. Digits (numbers, ordinals by compounding), hyphens (words
  // broken at '-'), final dots (abbreviations) and other letters still need Hunspell; commas and
  // inner dots mean nothing to it without digits.
  if (word.empty() || word.back() == '.') return false;
  for (size_t pos = 0, len = 0; pos < word.size(); pos += len) {
    const char32_t c = utf8::decode(word, pos, len);
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '\'' || c == ',' || c == '.') {
      continue;
    }
    // Latin-1 letters whose case partner is a Latin-1 letter (not ß, ÿ, µ).
    if (c >= 0xC0 && c <= 0xFE && c != 0xD7 && c != 0xDF && c != 0xF7) continue;
    if (c >= 0x400 && c <= 0x45F && (header_.flags & WordSetHeader::kNoCyrillic)) continue;
    return false;
  }
  return true;
}

}  // namespace histlint

// Builds the word set the binary embeds (rules/text/word_set.h): every word the installed en_US
// and en_GB Hunspell dictionaries accept among their affix expansions and those forms' case
// variants. Each candidate is checked with Hunspell itself, so the set never says yes where
// Hunspell says no; the expansion covers what Hunspell can accept of a letter-only word for these
// dictionaries (one prefix and one suffix, no compounding of letter stems), or the set is marked
// incomplete and the runtime asks Hunspell for every word it does not hold.
//
// usage: build_word_set OUTPUT
#include <hunspell/hunspell.hxx>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <unordered_set>
#include <vector>

#include "rules/text/utf8.h"
#include "rules/text/word_set.h"

using namespace histlint;

namespace {

std::u32string decode(std::string_view s) {
  std::u32string out;
  for (size_t pos = 0, len = 0; pos < s.size(); pos += len) out += utf8::decode(s, pos, len);
  return out;
}

std::string encode(std::u32string_view s) {
  std::string out;
  for (char32_t c : s) utf8::append(out, c);
  return out;
}

// The case mapping the runtime's complete class relies on: ASCII, Latin-1 and basic Cyrillic.
char32_t upper(char32_t c) {
  if (c >= 'a' && c <= 'z') return c - 0x20;
  if (c >= 0xE0 && c <= 0xFE && c != 0xF7) return c - 0x20;
  if (c >= 0x430 && c <= 0x44F) return c - 0x20;
  if (c >= 0x450 && c <= 0x45F) return c - 0x50;
  return c;
}
bool is_lower(char32_t c) {
  return upper(c) != c;
}

std::vector<std::string> split(const std::string& line) {
  std::istringstream in(line);
  std::vector<std::string> fields;
  for (std::string f; in >> f;) fields.push_back(f);
  return fields;
}

// One element of an affix condition: any character, or a set (possibly negated).
struct CondElem {
  bool any = false;
  bool negated = false;
  std::u32string chars;
  bool matches(char32_t c) const {
    if (any) return true;
    return (chars.find(c) != std::u32string::npos) != negated;
  }
};

std::vector<CondElem> parse_condition(const std::u32string& cond) {
  std::vector<CondElem> elems;
  for (size_t i = 0; i < cond.size(); ++i) {
    CondElem e;
    if (cond[i] == U'.') {
      e.any = true;
    } else if (cond[i] == U'[') {
      size_t j = i + 1;
      if (j < cond.size() && cond[j] == U'^') {
        e.negated = true;
        ++j;
      }
      while (j < cond.size() && cond[j] != U']') e.chars += cond[j++];
      i = j;
    } else {
      e.chars = cond[i];
    }
    elems.push_back(e);
  }
  return elems;
}

struct AffixEntry {
  std::u32string strip, add;
  std::vector<CondElem> condition;
};

struct AffixClass {
  bool prefix = false;
  bool cross = false;
  std::vector<AffixEntry> entries;
};

struct Affixes {
  std::map<char32_t, AffixClass> classes;
  std::set<char32_t> compound_flags;
  bool complete = true;
  bool folds_curly = false;
  std::string why_incomplete;

  void incomplete(const std::string& why) {
    complete = false;
    if (why_incomplete.empty()) why_incomplete = why;
  }
};

Affixes read_affixes(const std::string& path) {
  Affixes a;
  std::ifstream in(path);
  std::vector<std::pair<std::string, std::string>> iconv;
  bool compound_rule_count_read = false;
  static const std::set<std::string> kUnsupported = {"IGNORE",
                                                     "BREAK",
                                                     "COMPLEXPREFIXES",
                                                     "CIRCUMFIX",
                                                     "COMPOUNDFLAG",
                                                     "COMPOUNDBEGIN",
                                                     "COMPOUNDMIDDLE",
                                                     "COMPOUNDEND",
                                                     "COMPOUNDLAST",
                                                     "COMPOUNDPERMITFLAG",
                                                     "FLAG",
                                                     "AF",
                                                     "CHECKSHARPS"};
  for (std::string line; std::getline(in, line);) {
    const auto f = split(line);
    if (f.empty() || f[0][0] == '#') continue;
    const std::string& key = f[0];
    if (key == "SET") {
      if (f.size() < 2 || f[1] != "UTF-8") a.incomplete("not UTF-8");
    } else if (key == "LANG") {
      if (f.size() >= 2 && (f[1].rfind("tr", 0) == 0 || f[1].rfind("az", 0) == 0)) {
        a.incomplete("Turkic case rules");
      }
    } else if (kUnsupported.count(key)) {
      a.incomplete(key);
    } else if (key == "ICONV" && f.size() == 3) {
      iconv.emplace_back(f[1], f[2]);
    } else if (key == "COMPOUNDRULE" && f.size() == 2) {
      if (!compound_rule_count_read) {  // the first line gives how many rules follow
        compound_rule_count_read = true;
        continue;
      }
      for (char32_t c : decode(f[1])) {
        if (c != U'*' && c != U'?' && c != U'(' && c != U')') a.compound_flags.insert(c);
      }
    } else if ((key == "PFX" || key == "SFX") && f.size() >= 4) {
      const char32_t flag = decode(f[1])[0];
      const bool first_line = a.classes.count(flag) == 0;
      AffixClass& cls = a.classes[flag];
      if (first_line) {  // "SFX flag cross-product count"
        cls.prefix = key == "PFX";
        cls.cross = f[2] == "Y";
        continue;
      }
      AffixEntry e;
      e.strip = f[2] == "0" ? U"" : decode(f[2]);
      std::string add = f[3];
      if (const size_t slash = add.find('/'); slash != std::string::npos) {
        a.incomplete("two-level affixes");
        add.resize(slash);
      }
      e.add = add == "0" ? U"" : decode(add);
      e.condition = parse_condition(decode(f.size() >= 5 ? f[4] : "."));
      cls.entries.push_back(std::move(e));
    }
  }
  a.folds_curly = iconv.size() == 1 && iconv[0].first == "\u2019" && iconv[0].second == "'";
  if (!iconv.empty() && !a.folds_curly) a.incomplete("ICONV");
  return a;
}

bool condition_holds(const std::vector<CondElem>& cond, const std::u32string& word, bool prefix) {
  if (cond.size() > word.size()) return false;
  const size_t offset = prefix ? 0 : word.size() - cond.size();
  for (size_t i = 0; i < cond.size(); ++i) {
    if (!cond[i].matches(word[offset + i])) return false;
  }
  return true;
}

bool apply(const AffixEntry& e, bool prefix, const std::u32string& root, std::u32string& out) {
  if (e.strip.size() > root.size()) return false;
  if (prefix) {
    if (root.compare(0, e.strip.size(), e.strip) != 0) return false;
    if (!condition_holds(e.condition, root, true)) return false;
    out = e.add + root.substr(e.strip.size());
  } else {
    if (root.compare(root.size() - e.strip.size(), e.strip.size(), e.strip) != 0) return false;
    if (!condition_holds(e.condition, root, false)) return false;
    out = root.substr(0, root.size() - e.strip.size()) + e.add;
  }
  return true;
}

// Every form of one dictionary: stems, stems with a suffix or a prefix, and both when the two
// affix classes combine.
void expand(const std::string& dic_path, Affixes& affixes, std::unordered_set<std::string>& forms) {
  std::ifstream in(dic_path);
  std::string line;
  std::getline(in, line);  // the word count
  std::u32string form;
  while (std::getline(in, line)) {
    const size_t end = line.find_first_of(" \t");
    std::string entry = line.substr(0, end);
    if (entry.empty()) continue;
    size_t slash = std::string::npos;
    for (size_t i = 1; i < entry.size(); ++i) {
      if (entry[i] == '/' && entry[i - 1] != '\\') {
        slash = i;
        break;
      }
    }
    const std::u32string root = decode(entry.substr(0, slash));
    const std::u32string flags = slash == std::string::npos ? U"" : decode(entry.substr(slash + 1));
    forms.insert(encode(root));
    const bool has_digit =
        std::any_of(root.begin(), root.end(), [](char32_t c) { return c >= '0' && c <= '9'; });
    std::vector<std::pair<const AffixClass*, std::u32string>> suffixed;
    for (char32_t flag : flags) {
      if (affixes.compound_flags.count(flag) && !has_digit) {
        affixes.incomplete("compounding of letter stems");
      }
      const auto it = affixes.classes.find(flag);
      if (it == affixes.classes.end() || it->second.prefix) continue;
      for (const auto& e : it->second.entries) {
        if (!apply(e, false, root, form)) continue;
        forms.insert(encode(form));
        if (it->second.cross) suffixed.emplace_back(&it->second, form);
      }
    }
    for (char32_t flag : flags) {
      const auto it = affixes.classes.find(flag);
      if (it == affixes.classes.end() || !it->second.prefix) continue;
      for (const auto& e : it->second.entries) {
        if (apply(e, true, root, form)) forms.insert(encode(form));
        if (!it->second.cross) continue;
        for (const auto& [cls, word] : suffixed) {
          // Over-generates on purpose (Hunspell tests the prefix condition on the suffixed
          // word): every candidate is checked by Hunspell below.
          if (apply(e, true, word, form)) forms.insert(encode(form));
          std::u32string unconditioned = e.add + word.substr(std::min(e.strip.size(), word.size()));
          forms.insert(encode(unconditioned));
        }
      }
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: build_word_set OUTPUT\n";
    return 2;
  }
  const auto files = find_dictionary_files(system_dictionary_dirs());
  WordSetHeader header{};
  std::memcpy(header.magic, WordSetHeader::kMagic, sizeof header.magic);
  header.dictionaries = static_cast<uint32_t>(files.size());
  bool complete = !files.empty(), folds_curly = !files.empty();
  std::unordered_set<std::string> forms;
  std::vector<std::unique_ptr<Hunspell>> spellers;
  for (size_t i = 0; i < files.size(); ++i) {
    const auto& [aff, dic] = files[i];
    const std::string name = std::filesystem::path(aff).stem().string();
    std::strncpy(header.files[i].name, name.c_str(), sizeof header.files[i].name - 1);
    header.files[i].aff_size = std::filesystem::file_size(aff);
    header.files[i].dic_size = std::filesystem::file_size(dic);
    Affixes affixes = read_affixes(aff);
    expand(dic, affixes, forms);
    if (!affixes.complete) {
      std::cerr << "build_word_set: " << name << " uses " << affixes.why_incomplete
                << ": words the set lacks will be asked of Hunspell\n";
    }
    complete = complete && affixes.complete;
    folds_curly = folds_curly && affixes.folds_curly;
    spellers.push_back(std::make_unique<Hunspell>(aff.c_str(), dic.c_str()));
  }

  // The case variants Hunspell may accept of a form: as written, capitalised, all capitals.
  std::unordered_set<std::string> candidates;
  for (const std::string& form : forms) {
    std::u32string word = decode(form);
    candidates.insert(form);
    if (!word.empty() && is_lower(word[0])) {
      std::u32string capitalised = word;
      capitalised[0] = upper(capitalised[0]);
      candidates.insert(encode(capitalised));
    }
    for (char32_t& c : word) c = upper(c);
    candidates.insert(encode(word));
  }
  std::vector<std::string> accepted;
  bool cyrillic = false;
  std::set<char32_t> punctuation;
  for (const std::string& word : candidates) {
    const bool known = std::any_of(spellers.begin(), spellers.end(),
                                   [&](const auto& speller) { return speller->spell(word); });
    if (!known) continue;
    accepted.push_back(word);
    for (char32_t c : decode(word)) {
      cyrillic = cyrillic || (c >= 0x400 && c <= 0x4FF);
      if (is_plain_punctuation(c)) punctuation.insert(c);
    }
  }
  const bool punctuation_listed = punctuation.size() <= WordSetHeader::kMaxPunctuation;
  if (punctuation_listed)
    std::copy(punctuation.begin(), punctuation.end(), header.punctuation_in_words);
  std::sort(accepted.begin(), accepted.end());

  std::string words;
  for (const auto& w : accepted) {
    if (w.find('\n') != std::string::npos) continue;
    words += w;
    words += '\n';
  }
  header.words_size = words.size();
  header.flags = (complete ? WordSetHeader::kComplete : 0) |
                 (folds_curly ? WordSetHeader::kFoldsCurlyApostrophe : 0) |
                 (cyrillic ? 0 : WordSetHeader::kNoCyrillic) |
                 (punctuation_listed ? WordSetHeader::kPunctuationListed : 0);
  const std::string tmp = std::string(argv[1]) + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary);
    out.write(reinterpret_cast<const char*>(&header), sizeof header);
    out.write(words.data(), static_cast<std::streamsize>(words.size()));
    if (!out) {
      std::cerr << "build_word_set: cannot write " << tmp << "\n";
      return 1;
    }
  }
  std::filesystem::rename(tmp, argv[1]);
  std::cerr << "build_word_set: " << accepted.size() << " words from " << forms.size() << " forms, "
            << files.size() << " dictionaries" << (complete ? "" : " (incomplete)") << "\n";
  return 0;
}

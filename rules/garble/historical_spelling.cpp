#include "rules/garble/historical_spelling.h"

#include <algorithm>
#include <unordered_set>
#include <vector>

namespace histlint::garble {

namespace {

constexpr size_t kMaxLength = 24;       // longer tokens are not early-modern words
constexpr size_t kMaxCandidates = 400;  // bounds the work per word whatever its letters

bool is_vowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

bool ends_with(const std::string& w, std::string_view tail) {
  return w.size() > tail.size() + 1 && w.compare(w.size() - tail.size(), tail.size(), tail) == 0;
}

// `w` with its last `drop` letters replaced by `with`.
std::string reending(const std::string& w, size_t drop, std::string_view with) {
  return w.substr(0, w.size() - drop) + std::string(with);
}

// Every form one spelling change away from `w`, towards modern English.
void modernise_once(const std::string& w, std::vector<std::string>& out) {
  // Endings.
  if (ends_with(w, "e")) out.push_back(reending(w, 1, ""));        // hee, seene, ruine
  if (ends_with(w, "es")) out.push_back(reending(w, 2, "s"));      // bowes, dayes
  if (ends_with(w, "ely")) out.push_back(reending(w, 3, "ly"));    // onely
  if (ends_with(w, "ie")) out.push_back(reending(w, 2, "y"));      // citie, mercie
  if (ends_with(w, "ck")) out.push_back(reending(w, 2, "c"));      // publick, musick
  if (ends_with(w, "t")) out.push_back(reending(w, 1, "ed"));      // knockt, dropt
  if (ends_with(w, "'d")) out.push_back(reending(w, 2, "ed"));     // lov'd
  if (ends_with(w, "ey")) out.push_back(reending(w, 2, "y"));      // countrey
  if (ends_with(w, "es")) out.push_back(w + "s");                  // busines, lawles
  if (ends_with(w, "in")) out.push_back(reending(w, 2, "en"));     // kitchin
  if (ends_with(w, "or")) out.push_back(reending(w, 2, "er"));     // fomentor
  if (ends_with(w, "er")) out.push_back(reending(w, 2, "ar"));     // scholler, begger
  if (ends_with(w, "ers")) out.push_back(reending(w, 3, "ars"));   // schollers
  if (ends_with(w, "fes")) out.push_back(reending(w, 3, "ves"));   // wifes, lifes
  if (ends_with(w, "st")) out.push_back(reending(w, 1, "sed"));    // tost, blest
  if (ends_with(w, "ishe")) out.push_back(reending(w, 4, "ish"));  // englishe, folishe
  if (ends_with(w, "l")) out.push_back(w + "l");                   // fal, wel, shal
  if (ends_with(w, "ell")) out.push_back(reending(w, 3, "le"));    // candell, kettell
  // A possessive with no apostrophe, "husbandmans"; short stems would reach abbreviations.
  if (w.size() >= 7 && w.back() == 's') out.push_back(reending(w, 1, ""));
  if (ends_with(w, "y") && !is_vowel(w[w.size() - 2])) {
    out.push_back(reending(w, 1, "ey"));  // hony, mony
  }
  // A syncopated e before r or n: entred, threatned, thundring, wandred.
  for (std::string_view tail : {"red", "ned", "ring", "ning", "rest"}) {
    if (ends_with(w, tail) && !is_vowel(w[w.size() - tail.size() - 1])) {
      std::string v = w;
      v.insert(w.size() - tail.size(), "e");
      out.push_back(std::move(v));
    }
  }
  for (std::string_view verb : {"eth", "est"}) {  // cometh, knowest
    if (!ends_with(w, verb) || w.size() < 5) continue;
    out.push_back(reending(w, 3, ""));
    out.push_back(reending(w, 3, "e"));
    out.push_back(reending(w, 3, "s"));
  }
  if (w.size() > 5 && w.compare(0, 2, "de") == 0) out.push_back("di" + w.substr(2));  // devided
  // Letters anywhere in the word.
  for (size_t i = 0; i < w.size(); ++i) {
    const char c = w[i];
    auto swapped = [&](std::string_view with, size_t len = 1) {
      std::string v = w;
      v.replace(i, len, with);
      out.push_back(std::move(v));
    };
    if (c == 'u') swapped("v");  // haue, euer
    if (c == 'v') swapped("u");  // vpon, vnto
    if (c == 'i') swapped("j");  // iudge, maiesty
    if (c == 'y') swapped("i");  // tyme, dayly
    if (i + 1 < w.size()) {
      const char d = w[i + 1];
      if (c == d && !is_vowel(c)) swapped("", 1);  // sonne, shippe, joyfull
      if (c == 'v' && d == 'v') swapped("w", 2);   // vvhich
      if (c == 'o' && d == 'u') {                  // bloud, shoulde
        swapped("oo", 2);
        swapped("o", 2);
      }
      if (c == 'a' && d == 'u') swapped("a", 2);   // chaunce
      if (c == 'a' && d == 'i') swapped("a", 2);   // maister
      if (c == 'a' && d == 'y') swapped("ey", 2);  // convay
      // A doubled vowel before another vowel is no old spelling ("beeause").
      const bool before_vowel = i + 2 < w.size() && is_vowel(w[i + 2]);
      if (c == 'e' && d == 'e' && !before_vowel) {  // heere, theeves
        swapped("e", 2);
        swapped("ie", 2);
      }
      if (c == 'e' && d == 'a') swapped("ee", 2);                  // cheare
      if (c == 'o' && d == 'o' && !before_vowel) swapped("o", 2);  // foorth
      if (c == 'o' && d == 'a') swapped("o", 2);                   // hoast
      if (c == 'a' && d == 'u') swapped("aw", 2);                  // braule
      if (c == 'i' && d == 'e') swapped("ei", 2);                  // percieve
      if (c == 'e' && d == 'i' && i + 2 < w.size() && w[i + 2] == 'l') {
        swapped("e", 2);  // marveilous
      }
      if (c == 'e' && d == 'u' && i + 2 < w.size() && !is_vowel(w[i + 2])) {
        swapped("ew", 2);  // leudly
      }
      if (c == 's' && i > 0 && is_vowel(w[i - 1]) && is_vowel(d)) swapped("z");  // grasing
    }
    // A single vowel where modern spelling doubles it: bokes, folishe, slepe.
    if ((c == 'o' || c == 'e') && i > 0 && i + 1 < w.size() && !is_vowel(w[i - 1]) &&
        !is_vowel(w[i + 1])) {
      swapped(c == 'o' ? "oo" : "ee");
    }
  }
}

// A modern form worth trusting: dictionaries also hold abbreviations ("tb", "st", "mr") that
// would make any misreading ending in "e" look like an old spelling of them.
bool is_plausible_modern_form(const std::string& w) {
  if (w.size() == 2) {
    for (std::string_view short_word : {"he", "we", "me", "be", "do", "go", "so", "no", "to"}) {
      if (w == short_word) return true;
    }
    return false;
  }
  return w.size() >= 3 && std::any_of(w.begin(), w.end(), is_vowel);
}

}  // namespace

bool is_historical_spelling(std::string_view word,
                            const std::function<bool(const std::string&)>& knows) {
  return historical_spelling_changes(word, knows) > 0;
}

int historical_spelling_changes(std::string_view word,
                                const std::function<bool(const std::string&)>& knows) {
  if (word.size() < 3 || word.size() > kMaxLength) return 0;
  std::unordered_set<std::string> seen{std::string(word)};
  std::vector<std::string> frontier{std::string(word)};
  for (int depth = 0; depth < 2; ++depth) {
    std::vector<std::string> next;
    for (const auto& form : frontier) modernise_once(form, next);
    std::vector<std::string> fresh;
    for (auto& form : next) {
      if (form.size() < 2 || !seen.insert(form).second) continue;
      if (seen.size() > kMaxCandidates) return 0;
      if (is_plausible_modern_form(form) && knows(form)) return depth + 1;
      fresh.push_back(std::move(form));
    }
    frontier = std::move(fresh);
  }
  return 0;
}

}  // namespace histlint::garble

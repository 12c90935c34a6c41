// Name normalisation and word splitting shared by the knowledge-base index and name recognition,
// so that a name in the data and the same name in a text produce the same key.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace histlint {

// Appends `word` lower-cased with Latin diacritics removed ("Ramón" -> "ramon", "Łukasz" ->
// "lukasz", "Hồ" -> "ho"), Cyrillic and Greek lower-cased ("Троцкий" -> "троцкий", ё -> е),
// and typographic apostrophes and hyphens made ASCII.
void append_folded(std::string& out, std::string_view word);
std::string fold_name(std::string_view text);  // folds every word, joined by one space

// Letters of any script a name may be written in (wider than utf8::is_letter: adds Arabic,
// Hebrew, Indic, CJK and Hangul).
bool is_name_letter(char32_t c);

// Lower-case words inside names: "de Gaulle", "van Gogh", "Peter the Great" (folded form).
bool is_name_particle(std::string_view folded);
// Words that stand before a name without being part of it: "Tsar", "Comrade", "Mrs" (folded).
bool is_name_title(std::string_view folded);
// Titles that tell the person's sex: +1 male ("Mr", "King"), -1 female ("Mrs", "Queen"), 0 neither.
int title_sex(std::string_view folded);

struct NameWord {
  size_t offset = 0;  // byte range of the word itself, without a possessive ending
  size_t length = 0;
  bool capitalised = false;  // first letter upper case, or a script without case
  bool possessive = false;   // followed by ’s or 's, which is not part of the word
  size_t end() const { return offset + length; }
};

// Splits text into words: runs of letters joined by inner hyphens and apostrophes ("Jean-Paul",
// "O'Brien"); a final ’s or 's is split off as a possessive.
std::vector<NameWord> split_name_words(std::string_view text);
// The word starting at or after `pos`; false at the end of the text. Sets `next` past it.
bool next_name_word(std::string_view text, size_t pos, NameWord& word, size_t& next);

}  // namespace histlint

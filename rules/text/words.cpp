#include "rules/text/words.h"

#include <algorithm>
#include <iterator>

namespace histlint {

bool is_function_word(std::string_view w) {
  static constexpr std::string_view kWords[] = {
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
  return std::find(std::begin(kWords), std::end(kWords), w) != std::end(kWords);
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace histlint

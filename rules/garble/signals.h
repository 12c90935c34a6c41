// Helpers shared by the garble/ rules: word splitting, word classes, block shapes, the evidence
// list that messages are built from, and the "delete this span" code action.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "rules/finding.h"
#include "rules/text/document.h"
#include "rules/text/words.h"

namespace re2 {
class RE2;
}

namespace histlint::garble {

// A white-space-delimited chunk of text and the word inside it: the chunk without the quotes,
// brackets and punctuation around it ("“(revolution),”" -> "revolution").
struct Word {
  Span chunk;
  Span core;  // empty (length 0) when the chunk holds no letter or digit
};

// The words of `range` in `text`, in order. Linear in the range length.
std::vector<Word> split_words(std::string_view text, Span range);

// True when the range holds a letter outside ASCII (accented Latin, Greek, Cyrillic).
bool has_non_ascii_letter(std::string_view s);

// True when a block is laid out line by line rather than as running prose: verse and song lyrics,
// lists and timelines, plain-text tables. Such blocks are never judged as sentences.
bool is_line_structured(const Document& doc, const Block& block);

// Counted kinds of evidence, named in a message in order of weight:
// "12 sentence fragments, 3 repeated phrases and a phone number".
class Evidence {
 public:
  // `one` is the phrase for a single item ("a phone number"), `many` the plural noun
  // ("phone numbers"); counts of the same `many` accumulate. `example` (optional) is quoted
  // after the plural: "10 lines of comment-form text, such as “Leave a Reply”".
  void add(std::string_view one, std::string_view many, size_t count = 1,
           std::string_view example = {});
  void merge(const Evidence& other);
  bool empty() const { return items_.empty(); }
  // The `limit` largest kinds, joined with commas and a final "and".
  std::string describe(size_t limit = 3) const;

 private:
  struct Item {
    std::string one;
    std::string many;
    size_t count = 0;
    std::string example;
  };
  std::vector<Item> items_;
};

// Calls `found` with the span (offset into `s`) of every non-overlapping match of `re`.
void for_each_match(const re2::RE2& re, std::string_view s, const std::function<void(Span)>& found);

// A fix deleting `span` and the white space on one side of it, so no double space is left.
Fix delete_fix(std::string_view text, Span span, std::string title);

// `s` cut to at most `max_chars` characters (on a UTF-8 boundary) with "…" when cut, and with
// line breaks shown as spaces: for quoting evidence in a message.
std::string quote_excerpt(std::string_view s, size_t max_chars = 40);

}  // namespace histlint::garble

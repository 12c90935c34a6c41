// Helpers shared by the date rules: which dates count as evidence, how elapsed time compares
// with a stated amount, and how it reads in a message.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "rules/extract/dates.h"
#include "rules/text/document.h"

namespace histlint::date_rules {

struct DayInterval {
  int64_t first = 0;  // Julian day numbers, both included
  int64_t last = 0;
};

// The days a knowledge-base or text-stated partial date may stand for.
DayInterval interval_of(const PartialDate& date);

// The ages a person born within `birth` can have on a day within [first, last]: the smallest and
// the largest, counting birthdays in either calendar when the birth date has an Old Style form.
struct AgeRange {
  int min = 0;
  int max = 0;
};
AgeRange age_range(const PartialDate& birth, int64_t first, int64_t last);
// "60", "25 or 26", "between 25 and 28".
std::string age_text(const AgeRange& r);

// "he", "she" or "they" for a person of the knowledge base (null: unknown).
std::string_view pronoun_for(const Person* person);
// "on 7 November 1879", "in November 1879", "in 1879".
std::string dated(const PartialDate& date);

// A date the author states in running prose: not quoted, not in a heading, a reference list or
// a footnote, not marked [sic]. Only such dates are evidence for consistency checks.
bool is_narrative(const DateMention& d);

// Whether an elapsed time of [min_days, max_days] fits a stated amount and its hedge ("within
// six months", "about ten years"), allowing the rounding people use when they speak of time.
bool elapsed_fits(const Quantity& q, double min_days, double max_days);

// "about 9 months", "between 6 and 8 years", "less than 2 years", in the amount's unit.
std::string describe_elapsed(double min_days, double max_days, TimeUnit unit);

// The text of a span with its first letter lower-cased when it opens a sentence ("Within six
// months" -> "within six months"), for quoting inside a message.
std::string quoted_phrase(const Document& doc, Span span);

// True when some word of `text` (a run of letters) satisfies `matches`.
bool has_word(std::string_view text, const std::function<bool(std::string_view)>& matches);

// True when the sentence has a word that reads as a finite verb (was, had, died, an -ed form).
// Word salad without one is no ground for linking an age or an event to a person.
bool has_finite_verb(const Document& doc, const Sentence& sentence);

// The word of prose ending just before `offset` (white space and punctuation skipped).
std::string_view previous_word(const Document& doc, size_t offset);

// Number of words in the prose between two offsets, or SIZE_MAX when a sentence or clause
// boundary (. ; : ! ?) lies between them.
size_t words_between(const Document& doc, size_t from, size_t to);

}  // namespace histlint::date_rules

// date/duration-mismatch: a stated length of time that the dates beside it contradict: "after a
// decade in Vienna (1907–1914)", "for forty years, from 1929 to 1940", or "within six months"
// between August 1939 and 24 May 1940.
#include <algorithm>
#include <cctype>
#include <cmath>

#include "rules/date/rules.h"
#include "rules/date/support.h"

namespace histlint::date_rules {

namespace {

// How far back a relative expression may find the date it counts from.
constexpr uint32_t kAnchorSentences = 3;
// How many words may stand between a duration and the range or date it measures.
constexpr size_t kMaxGapWords = 6;

struct Elapsed {
  double min_days = 0;
  double max_days = 0;
};

// From the end of `from` to `to`, as an interval of possible lengths.
Elapsed between(int64_t from_first, int64_t from_last, int64_t to_first, int64_t to_last) {
  return Elapsed{static_cast<double>(std::max<int64_t>(0, to_first - from_last)),
                 static_cast<double>(to_last - from_first)};
}

std::string ends_text(const DateValue& a, const DateValue& b) {
  return a.display() + " to " + b.display();
}

void report(const Analysis& analysis, const RelativeMention& r, const std::string& ends,
            const Elapsed& e, Span evidence, std::string_view evidence_note,
            std::vector<Finding>& out) {
  Finding f;
  f.span = r.span;
  f.message = ends + " is " + describe_elapsed(e.min_days, e.max_days, r.amount.unit) +
              ", which does not fit \xE2\x80\x9C" + quoted_phrase(analysis.doc(), r.span) +
              "\xE2\x80\x9D.";
  f.related.push_back(Related{"", evidence, std::string(evidence_note)});
  out.push_back(std::move(f));
}

// True when the bracket before `offset` follows a capitalised word: "Ebury (1761–1830)".
bool after_name(const Document& doc, size_t offset) {
  const std::string_view prose = doc.prose();
  size_t k = offset;
  while (k > 0 && (prose[k - 1] == '(' || prose[k - 1] == '[')) --k;
  if (k == offset) return false;
  while (k > 0 && prose[k - 1] == ' ') --k;
  size_t word_start = k;
  while (word_start > 0 && std::isalpha(static_cast<unsigned char>(prose[word_start - 1]))) {
    --word_start;
  }
  return word_start < k && std::isupper(static_cast<unsigned char>(prose[word_start])) != 0;
}

// "after a decade in Vienna (1907–1914)", "for forty years, from 1929 to 1940", "for nearly 100
// years, since the end of the 1920s" (measured to the document's date).
void check_duration(const Analysis& analysis, const DateFacts& facts, const RelativeMention& r,
                    std::vector<Finding>& out) {
  const Document& doc = analysis.doc();
  const auto [lo, hi] = facts.dates_in_sentence(r.sentence);
  const DateMention* best = nullptr;
  size_t best_gap = SIZE_MAX;
  for (size_t i = lo; i < hi; ++i) {
    const DateMention& d = facts.dates[i];
    if (!is_narrative(d) || d.approximate) continue;
    const bool after = d.span.offset >= r.span.end();
    // "Thomas Ebury (1761–1830) served … for thirty years": a bracketed range after a name is a
    // lifespan or a reign, not what the duration measures.
    if (!after && d.is_range() && d.in_parentheses && after_name(doc, d.span.offset)) continue;
    const size_t gap = after ? words_between(doc, r.span.end(), d.span.offset)
                             : words_between(doc, d.span.end(), r.span.offset);
    if (gap <= kMaxGapWords && gap < best_gap) {
      best = &d;
      best_gap = gap;
    }
  }
  if (!best) return;
  if (best->range_end && best->range_form != RangeForm::Slash) {
    const DateValue& start = best->value;
    const DateValue& end = *best->range_end;
    if (start.year == 0 || end.year == 0 || end.last < start.first) return;
    const Elapsed e = between(start.first, start.last, end.first, end.last);
    if (!elapsed_fits(r.amount, e.min_days, e.max_days)) {
      report(analysis, r, ends_text(start, end), e, best->span, "the range it measures", out);
    }
    return;
  }
  if (best->lead != DateLead::Since || best->span.offset < r.span.end()) return;
  const auto today = analysis.document_date();
  if (!today || best->value.year == 0) return;
  const int first_month = today->month ? today->month : 1;
  const int last_month = today->month ? today->month : 12;
  const int64_t now_first = calendar::day_number_unchecked(
      today->year, first_month, today->day ? today->day : 1, Calendar::Gregorian);
  const int64_t now_last = calendar::day_number_unchecked(
      today->year, last_month,
      today->day ? today->day
                 : calendar::days_in_month(today->year, last_month, Calendar::Gregorian),
      Calendar::Gregorian);
  const Elapsed e = between(best->value.first, best->value.last, now_first, now_last);
  if (!elapsed_fits(r.amount, e.min_days, e.max_days)) {
    report(analysis, r,
           best->value.display() + " to the document's date (" + std::to_string(today->year) + ")",
           e, best->span, "the start it counts from", out);
  }
}

bool usable_anchor(const DateMention& d) {
  return is_narrative(d) && !d.is_range() && !d.approximate && d.value.year != 0 &&
         d.lead != DateLead::Until && d.lead != DateLead::Before && d.lead != DateLead::Since;
}

// A paragraph that opens with its step ("A decade later, at Poitiers in 1356") counts from the
// last date of the narrative before it, passing over quotations and headings, a few paragraphs
// back at most.
const DateMention* opening_step_anchor(const Analysis& analysis, const DateFacts& facts,
                                       const RelativeMention& r, const DateMention& target) {
  constexpr uint32_t kMaxBlocksBack = 4;
  constexpr size_t kMaxOpeningWords = 2;  // "And a decade later", "But two years later"
  const Document& doc = analysis.doc();
  const Block& block = doc.blocks()[target.block];
  // Only a word or two may come first, whatever the punctuation ("And.. a decade later").
  if (r.span.offset < block.span.offset) return nullptr;
  const std::string_view opening =
      std::string_view(doc.prose()).substr(block.span.offset, r.span.offset - block.span.offset);
  size_t words = 0;
  bool in_word = false;
  for (const char c : opening) {
    const bool letter = std::isalpha(static_cast<unsigned char>(c)) != 0;
    if (letter && !in_word) ++words;
    in_word = letter;
    if (!letter && c != ' ' && c != '.' && c != ',' && c != '\n') return nullptr;
  }
  if (words > kMaxOpeningWords) return nullptr;
  for (const DateMention* d = facts.last_date_before(r.span.offset); d;
       d = d > facts.dates.data() ? d - 1 : nullptr) {
    if (d->block == target.block) return nullptr;
    if (target.block - d->block > kMaxBlocksBack) return nullptr;
    if (d->in_quotation || d->in_heading || d->in_references) continue;
    return d;
  }
  return nullptr;
}

// "Within six months … on 24th May 1940" after "in August 1939"; "Two years later, in 1925".
void check_step(const Analysis& analysis, const DateFacts& facts, size_t index,
                std::vector<Finding>& out) {
  const RelativeMention& r = facts.relatives[index];
  const Document& doc = analysis.doc();
  // The target: the date of the clause the expression opens, after it in the same sentence. A
  // date before it in the sentence is more often its anchor ("captured in November 1899 and
  // escaped a month later").
  const auto [lo, hi] = facts.dates_in_sentence(r.sentence);
  const DateMention* target = nullptr;
  for (size_t i = lo; i < hi; ++i) {
    const DateMention& d = facts.dates[i];
    if (d.span.offset < r.span.end()) continue;
    // In the same clause: "Within six months the first attempt would take place on 24th May
    // 1940", "Two years later, in 1925"; not past a comma into the next clause.
    const size_t gap = words_between(doc, r.span.end(), d.span.offset);
    const bool comma = doc.prose().substr(r.span.end(), d.span.offset - r.span.end()).find(',') !=
                       std::string::npos;
    if (gap <= 12 && !(comma && gap > 2)) target = &d;
    break;
  }
  if (!target || !is_narrative(*target) || target->is_range() || target->approximate ||
      (target->lead != DateLead::In && target->lead != DateLead::None) || target->value.year == 0) {
    return;
  }
  // The anchor: the last date before the expression (and before the target), in the same
  // paragraph, with no other relative expression between them.
  const size_t before = std::min(r.span.offset, target->span.offset);
  const DateMention* anchor = facts.last_date_before(before);
  if (anchor == target) anchor = anchor > facts.dates.data() ? anchor - 1 : nullptr;
  bool across_paragraphs = false;
  if (anchor && anchor->block != target->block) {
    anchor = opening_step_anchor(analysis, facts, r, *target);
    across_paragraphs = anchor != nullptr;
  }
  if (!anchor || anchor->sentence == UINT32_MAX ||
      (!across_paragraphs && r.sentence - anchor->sentence > kAnchorSentences) ||
      !usable_anchor(*anchor)) {
    return;
  }
  // A chain of steps ("two years later … within six months") counts from the previous step; a
  // step inside a quotation between them belongs to the quoted text.
  const auto next_relative = std::upper_bound(
      facts.relatives.begin(), facts.relatives.end(), anchor->span.end(),
      [](size_t offset, const RelativeMention& m) { return offset < m.span.offset; });
  for (auto it = next_relative; it != facts.relatives.end() && it->span.end() <= before; ++it) {
    if (&*it != &r && !(across_paragraphs && it->in_quotation)) return;
  }
  const DateValue& from = r.kind == RelativeKind::Earlier ? target->value : anchor->value;
  const DateValue& to = r.kind == RelativeKind::Earlier ? anchor->value : target->value;
  if (to.last < from.first) return;  // the order itself disagrees: likely another reference
  Elapsed e = between(from.first, from.last, to.first, to.last);
  if (r.calendar_step && r.amount.unit == TimeUnit::Year) {
    // "the following year": the next year number, whatever the days.
    if (to.year - from.year == 1 || from.granularity != DateGranularity::Day) return;
  }
  // Across paragraphs the last date stated may not be what the step counts from; only a step of
  // years landing in the anchor's own year is plainly wrong ("in 1356 … a decade later … in
  // 1356").
  if (across_paragraphs &&
      (r.amount.unit != TimeUnit::Year || r.amount.low < 2 || e.max_days >= 366)) {
    return;
  }
  if (!elapsed_fits(r.amount, e.min_days, e.max_days)) {
    report(analysis, r, ends_text(from, to), e, anchor->span, "the date it counts from", out);
  }
}

void check(const Analysis& analysis, std::vector<Finding>& out) {
  const auto& facts = analysis.facts<DateFacts>();
  for (size_t i = 0; i < facts.relatives.size(); ++i) {
    const RelativeMention& r = facts.relatives[i];
    if (r.in_quotation || r.sentence == UINT32_MAX) continue;
    switch (r.kind) {
      case RelativeKind::Duration:
        check_duration(analysis, facts, r, out);
        break;
      case RelativeKind::Later:
      case RelativeKind::Earlier:
      case RelativeKind::Within:
        if (!r.names_anchor) check_step(analysis, facts, i, out);
        break;
      case RelativeKind::Ago:
        break;  // date/anniversary-mismatch
    }
  }
}

}  // namespace

RuleDef duration_mismatch_rule() {
  return RuleDef{
      RuleInfo{
          "date/duration-mismatch",
          "A stated length of time that the dates beside it contradict.",
          "Compares a stated duration with the dates it measures: a range beside it (\"after a "
          "decade in Vienna (1907–1914)\", \"for forty years, from 1929 to 1940\"), the document's "
          "own date for \"since\" (\"for a century, since 1929\"), or, for relative steps such as "
          "\"two years later\", \"the next day\" and \"within six months\", the last date stated "
          "before it in the same paragraph and the date of its own clause. Hedges are respected: "
          "\"about\" and \"some\" allow a quarter either way, \"within\" and \"less than\" set a "
          "ceiling, \"more than\" a floor, and exact amounts allow one unit of rounding. Dates in "
          "quotations, headings and reference lists are not used.",
          "Stalin signed the pact in August 1939. Within six months, on 24 May 1940, the first "
          "attempt was made.",
          Severity::Warning,
          true,
      },
      check,
  };
}

}  // namespace histlint::date_rules

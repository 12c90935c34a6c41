// Every temporal expression of a document, normalised: dates and ranges (with their calendar and
// precision), dual Old Style / New Style dates, durations and relative expressions, ages and
// anniversaries. Extracted once per analysis and shared by the date rules.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "rules/calendar/calendar.h"
#include "rules/finding.h"
#include "rules/kb/knowledge_base.h"

namespace histlint {

class Analysis;
class Document;
struct Block;

// How finely an expression pins its time down.
enum class DateGranularity : uint8_t { Day, Month, Season, Year, Decade, Century };
std::string_view granularity_name(DateGranularity g);  // "day", "month", ...
std::string year_text(int year);                       // "1879", "44 BC", "AD 79"

// A part of a period or a season, as in "early 1920s", "the end of 1928", "spring 1935".
enum class PeriodPart : uint8_t {
  None,
  Early,
  Mid,
  Late,
  Beginning,
  End,
  FirstHalf,
  SecondHalf,
  Spring,
  Summer,
  Autumn,
  Winter,
};

// One date as written, normalised to an interval of days.
struct DateValue {
  // Historical year: -44 is 44 BC; the first year of a decade or century; 0 when the text gives
  // no year ("7 November"), and then the interval is empty (first = last = 0).
  int year = 0;
  int month = 0;  // 1..12; 0 when not given
  int day = 0;    // as written, 1..31; 0 when not given
  DateGranularity granularity = DateGranularity::Year;
  PeriodPart part = PeriodPart::None;
  Calendar calendar = Calendar::Gregorian;  // the calendar the day and month count in
  // True when the text marks the calendar (O.S., N.S., Old Style) or gives both readings.
  bool calendar_stated = false;
  // False when the day does not exist in `calendar` (31 June, 29 February 1900 Gregorian); the
  // interval is then the whole month.
  bool exists = true;
  // The interval, as Julian day numbers (calendar-independent), both ends included.
  int64_t first = 0;
  int64_t last = 0;

  // "7 November 1879", "November 1879", "spring 1935", "1879", "44 BC", "1930s", "19th century".
  std::string display() const;
};

// Sets the calendar of an unmarked date (Julian before 15 October 1582), whether the day exists
// and the interval, from the year, month, day, granularity and part.
void normalise_date(DateValue& v);

// Where a date stands in its sentence: the word that introduces it.
enum class DateLead : uint8_t {
  None,
  In,      // in, on, at, during, of
  Since,   // since
  Until,   // until, till, by
  Before,  // before
  After,   // after
  From,    // from (a range's start)
  Other,
};

enum class RangeForm : uint8_t { None, Dash, FromTo, Between, Slash };

struct DateMention {
  Span span;  // the whole expression: "Tuesday, 20 August 1940", "(1918–20)" without brackets
  DateValue value;  // the date, or a range's start
  Span value_span;
  // Ranges: "1918–20", "7 November 1879 – 21 August 1940", "from 1905 to 1917".
  std::optional<DateValue> range_end;
  Span end_span;
  RangeForm range_form = RangeForm::None;
  bool end_abbreviated = false;  // "1918–20": the end gives only the last digits
  // The other calendar's reading written beside the date: "[O.S. 26 October]", "(7 November)".
  std::optional<DateValue> alternate;
  Span alternate_span;
  bool alternate_marked = false;  // O.S. or N.S. written, not inferred from the order
  // A weekday written with the date: "Tuesday, 20 August 1940".
  std::optional<calendar::Weekday> weekday;
  Span weekday_span;

  uint32_t sentence = UINT32_MAX;  // index into Document::sentences(); UINT32_MAX outside one
  uint32_t block = 0;              // index into Document::blocks()
  DateLead lead = DateLead::None;
  bool approximate = false;     // "c. 1900", "circa", "about 1900", "around"
  bool in_parentheses = false;  // "(1929)", "Trotsky (1879–1940)"
  bool in_quotation = false;    // inside a quotation or a block quote
  bool in_references = false;   // a reference section or footnote definition
  bool in_heading = false;      // a heading or title line
  bool sic = false;             // followed by "[sic]"

  bool is_range() const { return range_end.has_value(); }
  // The whole interval: a range's start to its end.
  int64_t first() const { return value.first; }
  int64_t last() const { return range_end ? range_end->last : value.last; }
};

enum class TimeUnit : uint8_t { Day, Week, Month, Year };
std::string_view unit_name(TimeUnit u, bool plural);
double days_per_unit(TimeUnit u);

// How a stated amount of time is hedged.
enum class Hedge : uint8_t {
  Exact,    // "six months", "two years later"
  About,    // "about", "some", "around", "roughly", "approximately"
  Almost,   // "almost", "nearly", "just under"
  AtMost,   // "within", "less than", "under", "up to", "no more than"
  AtLeast,  // "more than", "over", "at least", "upwards of"
};

struct Quantity {
  double low = 0;  // "three or four years": 3..4
  double high = 0;
  TimeUnit unit = TimeUnit::Year;
  Hedge hedge = Hedge::Exact;
};

enum class RelativeKind : uint8_t {
  Duration,  // "for thirty-two years", "after a decade in Vienna", "spent 12 years"
  Later,     // "two years later", "six months after", "the next day", "the following year"
  Earlier,   // "two years earlier", "the day before", "the previous year"
  Within,    // "within six months" (the next thing happens no later than that)
  Ago,       // "76 years ago"
};

struct RelativeMention {
  Span span;        // "Within six months", "two years later", "for forty years"
  Quantity amount;  // hedges folded in ("within" is AtMost)
  RelativeKind kind = RelativeKind::Duration;
  // "the following year" counts calendar years (the next year number), not 365 days.
  bool calendar_step = false;
  // Counted from something the phrase names: "fifty years after the murder", "within six months
  // of his arrival", rather than from the last date stated.
  bool names_anchor = false;
  uint32_t sentence = UINT32_MAX;
  bool in_quotation = false;
};

enum class AgeForm : uint8_t {
  AtAge,     // "at the age of 26", "at age 61"
  Aged,      // "aged 60", "(age 60)"
  YearsOld,  // "a 59-year-old", "59 years old"
  Birthday,  // "his sixtieth birthday" (the age reached that day)
};

struct AgeMention {
  Span span;
  int age = 0;
  AgeForm form = AgeForm::AtAge;
  // "a 20-year-old guard": the age belongs to the noun that follows, not to the sentence.
  bool attributive = false;
  uint32_t sentence = UINT32_MAX;
  bool in_quotation = false;
  bool in_parentheses = false;
};

// What an anniversary or "N years since" counts from.
enum class LifeEventKind : uint8_t { None, Birth, Death };

enum class AnniversaryForm : uint8_t {
  Ordinal,  // "the 50th anniversary of his assassination", "this 65th anniversary"
  Noun,     // "the bicentenary of his birth"
  Since,    // "Sixty-five years since Trotsky's death"
};

struct AnniversaryMention {
  Span span;  // "the bicentenary of his birth"
  int years = 0;
  AnniversaryForm form = AnniversaryForm::Ordinal;
  LifeEventKind event = LifeEventKind::None;
  // The words naming what is commemorated: "his birth", "Trotsky's Death"; empty when absent.
  Span object_span;
  uint32_t sentence = UINT32_MAX;
  bool in_quotation = false;
};

// An expression dated by when the text is written or by the date stated before it, not by
// itself: "yesterday", "last year", "Friday", "the third quarter", "now", "that summer",
// "the same day". `rules/extract/dates_anchored.h` gives each its date.
enum class DeicticKind : uint8_t {
  Step,     // `step` units from the anchor: "last year" (-1), "this month" (0), "tomorrow" (+1)
  Weekday,  // `index` 0..6 (Monday 0): "Friday", "last Monday"
  Month,    // `index` 1..12 with no year: "last April", "in January", "mid-November"
  Season,   // `part` Spring..Winter with no year: "this summer", "last fall"
  Quarter,  // `index` 1..4, 0 for the latest: "the third quarter", "the quarter"
  Weekend,  // `step` as for Step: "the weekend", "last weekend"
  YearEnd,  // "year-end", "the end of the year"
  Present,  // "now", "currently"
  Past,     // "recently", "in the past"
  Future,   // "the future", "soon"
};

enum class DeicticAnchor : uint8_t {
  Speech,     // counts from when the text is written: "yesterday", "last year", "now"
  Narrative,  // counts from the last date stated: "that summer", "the same day", "that year"
};

struct DeicticMention {
  Span span;
  DeicticKind kind = DeicticKind::Step;
  DeicticAnchor anchor = DeicticAnchor::Speech;
  TimeUnit unit = TimeUnit::Day;  // Step: the unit stepped
  int step = 0;                   // Step: -1 last, 0 this, +1 next; Weekday/Month/Season: the same
  int index = 0;                  // Weekday, Month, Quarter: see DeicticKind
  PeriodPart part = PeriodPart::None;  // Season; or early/mid/late of the period
  // A year written with it: "the third quarter of 1990", "fiscal 1989" (0 when none).
  int year = 0;
  // Quarter: `step` names its year relative to the anchor ("next year's first quarter").
  bool relative_year = false;
  // Weekend: the step was guessed from the tense ("the weekend"), not written ("last weekend").
  bool tense_step = false;
  uint32_t sentence = UINT32_MAX;
  bool in_quotation = false;
  bool future_tense = false;  // "will", "'ll" before it in its sentence: "Friday" is ahead
};

struct DateFacts {
  std::vector<DateMention> dates;  // every list in text order
  std::vector<RelativeMention> relatives;
  std::vector<AgeMention> ages;
  std::vector<AnniversaryMention> anniversaries;
  std::vector<DeicticMention> deictics;
  // The text speaks of Old Style / Julian dates somewhere, so an unmarked 29 February 1900 or
  // weekday may be Julian.
  bool mentions_old_style = false;

  // From the analysis's per-block facts (BlockDateFacts), so an edit re-reads only the blocks
  // it changed; the same facts as extract(doc).
  static DateFacts extract(const Analysis& analysis);
  static DateFacts extract(const Document& doc);

  // The date expression covering a byte offset, or null.
  const DateMention* date_at(size_t offset) const;
  // The last date expression that ends at or before `offset`, or null.
  const DateMention* last_date_before(size_t offset) const;
  // Indexes into `dates` of the mentions within one sentence.
  std::pair<size_t, size_t> dates_in_sentence(uint32_t sentence) const;
};

// The temporal expressions of one prose block, block-relative: spans count from the block's
// start, sentence indices from its first sentence, and `block` is 0. The cacheable half of
// DateFacts (Analysis::block_facts); DateFacts::extract places them in the document.
struct BlockDateFacts {
  DateFacts facts;
  static BlockDateFacts extract_block(const Analysis& analysis, const Block& block);
};

}  // namespace histlint

// date/weekday-mismatch: a weekday written with a date it does not fall on.
#include "rules/date/rules.h"
#include "rules/extract/dates.h"
#include "rules/extract/dates_anchored.h"
#include "rules/text/lexicon.h"

namespace histlint::date_rules {

namespace {

// The full date a page opens with or heads a section with: a newspaper's dateline
// ("SATURDAY, MARCH 4, 1911"), a diary entry's heading.
const DateMention* dateline_at(const DateFacts& facts, Span span) {
  const DateMention* d = facts.date_at(span.offset);
  if (!d || d->is_range() || d->value.granularity != DateGranularity::Day || d->value.year == 0 ||
      !d->value.exists) {
    return nullptr;
  }
  return d->block == 0 || d->in_heading ? d : nullptr;
}

// "Monday, March 3" in a dated page: the year of the document date or of the page's dateline,
// when the day falls within half a year of it; 0 otherwise. `source` says where it came from.
int dateline_year(const Analysis& analysis, const DateFacts& facts, const DateMention& d,
                  std::string& source) {
  const AnchoredDate* a = analysis.facts<AnchoredDates>().at(d.span.offset);
  if (!a || a->first == 0) return 0;
  std::optional<int64_t> day;
  if (a->source == AnchorSource::DocumentDate) {
    const auto written = analysis.document_date();
    if (!written) return 0;
    day = calendar::day_number(written->year, written->month ? written->month : 7,
                               written->day ? written->day : 1, Calendar::Gregorian);
    source = "the document's date";
  } else if (a->source == AnchorSource::Text) {
    if (const DateMention* line = dateline_at(facts, a->anchor_span)) {
      day = line->value.first;
      source = line->value.display();
    }
  }
  if (!day || a->first < *day - 183 || a->first > *day + 183) return 0;
  return calendar::civil_from_day_number(a->first, Calendar::Gregorian).year;
}

void check(const Analysis& analysis, std::vector<Finding>& out) {
  const auto& facts = analysis.facts<DateFacts>();
  const Document& doc = analysis.doc();
  for (const DateMention& d : facts.dates) {
    DateValue v = d.value;
    if (!d.weekday || d.sic || v.granularity != DateGranularity::Day || !v.exists) continue;
    std::string year_source;
    if (v.year == 0 && !(v.year = dateline_year(analysis, facts, d, year_source))) continue;
    normalise_date(v);
    if (!v.exists) continue;
    const calendar::Weekday actual = calendar::weekday_of(v.first);
    if (actual == *d.weekday) continue;
    // An unmarked date after 1582 is Gregorian, but where the text deals in Old Style dates it
    // may be Julian (in civil use until Greece changed in 1923); either reading is accepted.
    if (!v.calendar_stated && v.calendar == Calendar::Gregorian && facts.mentions_old_style &&
        v.year < 1924) {
      const auto julian = calendar::day_number(v.year, v.month, v.day, Calendar::Julian);
      if (julian && calendar::weekday_of(*julian) == *d.weekday) continue;
    }
    Finding f;
    f.span = d.span;
    std::string style;
    if (v.calendar_stated) style = v.calendar == Calendar::Julian ? " (Old Style)" : " (New Style)";
    f.message = v.display() + style + " was a " + calendar::weekday_name(actual) + ", not a " +
                calendar::weekday_name(*d.weekday) +
                (year_source.empty() ? "" : " (the year is that of " + year_source + ")") + ".";
    // Offer the right weekday when the written one is spelt out in full in English (a French
    // "lundi" or an abbreviated "Mon." would not take "Tuesday").
    const std::string_view written = doc.slice(d.weekday_span);
    if (to_lower(written) == to_lower(calendar::weekday_name(*d.weekday))) {
      f.fixes.push_back(Fix{std::string("Change to ") + calendar::weekday_name(actual),
                            {TextEdit{d.weekday_span, calendar::weekday_name(actual)}}});
    }
    out.push_back(std::move(f));
  }
}

}  // namespace

RuleDef weekday_mismatch_rule() {
  return RuleDef{
      RuleInfo{
          "date/weekday-mismatch",
          "A weekday that does not match its date, such as \"Monday, 20 August 1940\".",
          "Computes the weekday of dates written with one (\"Tuesday, 20 August 1940\", \"on "
          "Friday 24 May 1940\") in the date's calendar: Gregorian, or Julian for dates marked "
          "Old Style and for dates before 15 October 1582. Where a text speaks of Old Style "
          "dates, an unmarked date is accepted if its weekday fits either calendar.",
          "On Monday, 20 August 1940, Mercader struck.",
          Severity::Warning,
          true,
      },
      check,
  };
}

}  // namespace histlint::date_rules

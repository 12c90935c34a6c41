// date/impossible-date: a day its month never has (31 June, 30 February) or a 29 February in a
// year that was not a leap year in the calendar the date is written in.
#include "rules/date/rules.h"
#include "rules/extract/dates.h"

namespace histlint::date_rules {

namespace {

// The reason a date does not exist, or "" when it may exist.
std::string impossibility(const DateValue& v, bool old_style_context) {
  if (v.granularity != DateGranularity::Day || v.exists) return "";
  const std::string day_month = std::to_string(v.day) + " " + calendar::month_name(v.month);
  // Sweden kept a 30 February in 1712 to return to the Julian calendar.
  if (v.year == 1712 && v.month == 2 && v.day == 30) return "";
  const int longest = v.month == 2 ? 29 : calendar::days_in_month(2000, v.month, Calendar::Julian);
  if (v.day > longest) {
    return "There is no " + day_month + ": " + calendar::month_name(v.month) + " has " +
           (v.month == 2 ? "at most 29" : "only " + std::to_string(longest)) + " days.";
  }
  // 29 February in a common year.
  const std::string date = day_month + " " + year_text(v.year);
  if (calendar::is_leap_year(v.year, Calendar::Julian) && v.calendar == Calendar::Gregorian) {
    // 1700, 1800, 1900: leap years in the Julian calendar only. Unless the date is marked New
    // Style, a text that deals in Old Style dates may mean the Julian day.
    if (!v.calendar_stated && old_style_context && v.year < 1924) return "";
    return date + " did not exist in the Gregorian calendar: " + year_text(v.year) +
           " was a leap year only in the Julian calendar.";
  }
  return date + " did not exist: " + year_text(v.year) + " was not a leap year.";
}

void check(const Analysis& analysis, std::vector<Finding>& out) {
  const auto& facts = analysis.facts<DateFacts>();
  for (const DateMention& d : facts.dates) {
    if (d.sic) continue;
    auto report = [&](const DateValue& v, Span span) {
      std::string why = impossibility(v, facts.mentions_old_style);
      if (why.empty()) return;
      Finding f;
      f.span = span;
      f.message = std::move(why);
      out.push_back(std::move(f));
    };
    report(d.value, d.value_span);
    if (d.range_end) report(*d.range_end, d.end_span);
    if (d.alternate) report(*d.alternate, d.alternate_span);
  }
}

}  // namespace

RuleDef impossible_date_rule() {
  return RuleDef{
      RuleInfo{
          "date/impossible-date",
          "A date that never existed: 31 June, 30 February, 29 February in a common year.",
          "Flags days that their month never has and 29 February in years that were not leap "
          "years. The calendar matters: 1700, 1800 and 1900 were leap years in the Julian (Old "
          "Style) calendar but not in the Gregorian, so 29 February 1900 is flagged only when the "
          "date is Gregorian (marked N.S., or the text never speaks of Old Style dates). Dates "
          "before 15 October 1582 are read as Julian. Days skipped when a country changed "
          "calendars are not flagged, nor is Sweden's 30 February 1712. Add \"[sic]\" after a "
          "date quoted as written to silence it.",
          "The treaty was signed on 31 June 1920.",
          Severity::Warning,
          true,
      },
      check,
  };
}

}  // namespace histlint::date_rules

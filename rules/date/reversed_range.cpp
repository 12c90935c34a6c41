// date/reversed-range: a range whose end comes before its start ("1940–1879").
#include "rules/date/rules.h"
#include "rules/extract/dates.h"

namespace histlint::date_rules {

namespace {

void check(const Analysis& analysis, std::vector<Finding>& out) {
  const auto& facts = analysis.facts<DateFacts>();
  const Document& doc = analysis.doc();
  for (const DateMention& d : facts.dates) {
    // "Between 1917 and 1905" names two ends in no particular order; "1905/6" is one season.
    // Abbreviated ends are read forwards unless just behind the start ("1788-87").
    if (!d.range_end || d.sic || d.range_form == RangeForm::Between ||
        d.range_form == RangeForm::Slash) {
      continue;
    }
    const DateValue& start = d.value;
    const DateValue& end = *d.range_end;
    if (start.year == 0 || end.year == 0 || end.last >= start.first) continue;
    // Reference lists are full of bare number ranges (pages, issues) that only look like years.
    if (d.in_references && start.granularity == DateGranularity::Year &&
        end.granularity == DateGranularity::Year) {
      continue;
    }
    Finding f;
    f.span = d.span;
    f.message = "This range runs backwards: it starts in " + start.display() + " and ends in " +
                end.display() + ", which is earlier.";
    // Swapping the two ends is the likely repair when each end is a plain date.
    if (!d.alternate && !d.weekday && d.value_span.end() <= d.end_span.offset) {
      Fix fix;
      fix.title = "Swap the ends of the range";
      fix.edits.push_back({d.value_span, std::string(doc.slice(d.end_span))});
      fix.edits.push_back({d.end_span, std::string(doc.slice(d.value_span))});
      f.fixes.push_back(std::move(fix));
    }
    out.push_back(std::move(f));
  }
}

}  // namespace

RuleDef reversed_range_rule() {
  return RuleDef{
      RuleInfo{
          "date/reversed-range",
          "A date range whose end comes before its start, such as 1940–1879.",
          "Flags ranges written with a dash or \"from … to …\" whose second date is earlier than "
          "the first. Abbreviated ends (\"1918–20\", \"1924-27\") are read forwards unless they "
          "fall just behind the start (\"1788-87\" ends in 1787), BC ranges "
          "count down (\"490–479 BC\" is fine), page ranges (\"pp. 112–19\") and telephone "
          "numbers are not dates, and \"between X and Y\" is not read as ordered.",
          "Leon Trotsky (1940–1879) was a Russian revolutionary.",
          Severity::Warning,
          true,
      },
      check,
  };
}

}  // namespace histlint::date_rules

// date/life-dates-mismatch: a birth or death date the text states that the people knowledge base
// contradicts ("Leon Trotsky (1880–1940)" when he was born in 1879).
#include <algorithm>

#include "rules/date/rules.h"
#include "rules/extract/date_events.h"
#include "rules/extract/people.h"

namespace histlint::date_rules {

namespace {

// A birth or death dated by an event claim, at the precision the text gives (violent deaths at
// the year only: the attack may precede the death by days). Nullopt for decades and centuries.
std::optional<PartialDate> stated_life_date(const EventClaim& claim) {
  const DateValue& v = claim.date;
  if (v.year == 0 || v.granularity == DateGranularity::Decade ||
      v.granularity == DateGranularity::Century) {
    return std::nullopt;
  }
  PartialDate d;
  d.date = CivilDate{v.year, 0, 0};
  d.calendar = v.calendar;
  d.precision = DatePrecision::Year;
  if (!claim.violent_death && v.month != 0 &&
      (v.granularity == DateGranularity::Day || v.granularity == DateGranularity::Month)) {
    d.date.month = v.month;
    d.precision = DatePrecision::Month;
    if (v.granularity == DateGranularity::Day) {
      d.date.day = v.day;
      d.precision = DatePrecision::Day;
    }
  }
  return d;
}

void check(const Analysis& analysis, std::vector<Finding>& out) {
  const auto& people = analysis.facts<PeopleFacts>();
  std::vector<LifeDateConflict> conflicts = people.life_date_conflicts();
  // "Trotsky was murdered in 1939": births and deaths the text dates as events, unless the same
  // date was already compared as life dates.
  for (const EventClaim& claim : analysis.facts<EventFacts>().claims) {
    if (claim.kind != EventKind::Birth && claim.kind != EventKind::Death) continue;
    const auto stated = stated_life_date(claim);
    if (!stated) continue;
    auto conflict = people.kb_conflict(claim.person_id, claim.kind == EventKind::Birth, *stated,
                                       claim.date_span);
    const bool reported = std::any_of(conflicts.begin(), conflicts.end(), [&](const auto& c) {
      return c.text_span.offset < claim.date_span.end() &&
             claim.date_span.offset < c.text_span.end();
    });
    if (conflict && !reported) conflicts.push_back(std::move(*conflict));
  }
  for (const LifeDateConflict& conflict : conflicts) {
    const std::string name = people.display_name(conflict.person_id);
    const char* event = conflict.is_birth ? "birth" : "death";
    Finding f;
    f.span = conflict.text_span;
    f.message = "This gives " + name + "'s " + event + " as " + conflict.text_date.display() +
                ", but the people knowledge base has " + conflict.kb_date.display() + ".";
    if (auto evidence = people.kb_evidence(conflict.person_id,
                                           std::string(event) + " " + conflict.kb_date.display())) {
      f.related.push_back(std::move(*evidence));
    }
    out.push_back(std::move(f));
  }
}

}  // namespace

RuleDef life_dates_mismatch_rule() {
  return RuleDef{
      RuleInfo{
          "date/life-dates-mismatch",
          "A birth or death date in the text that the people knowledge base contradicts.",
          "When the text introduces a known person with life dates (\"Leon Trotsky (1879–1940)\", "
          "\"born 7 November 1879\", \"died in 1940\"), histlint compares them with the bundled "
          "and workspace knowledge base at the precision both give. Old Style dates match their "
          "Julian form, approximate dates (\"c. 1880\") are not compared, and a workspace "
          "knowledge base (.histlint/people.json) can correct an entry the bundled data gets "
          "wrong.",
          "Leon Trotsky (1880–1940) was a Russian revolutionary.",
          Severity::Warning,
          true,
      },
      check,
  };
}

}  // namespace histlint::date_rules

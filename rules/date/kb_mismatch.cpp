// date/life-dates-mismatch: a birth or death date the text states that the people knowledge base
// contradicts ("Leon Trotsky (1880–1940)" when he was born in 1879).
#include "rules/date/rules.h"
#include "rules/extract/people.h"

namespace histlint::date_rules {

namespace {

void check(const Analysis& analysis, std::vector<Finding>& out) {
  const auto& people = analysis.facts<PeopleFacts>();
  for (const LifeDateConflict& conflict : people.life_date_conflicts()) {
    const std::string name = people.display_name(conflict.person_id);
    const char* event = conflict.is_birth ? "birth" : "death";
    Finding f;
    f.span = conflict.text_span;
    f.message = "This gives " + name + "'s " + event + " as " + conflict.text_date.display() +
                ", but the people knowledge base has " + conflict.kb_date.display() + ".";
    if (!conflict.kb_file.empty()) {
      f.related.push_back(Related{
          conflict.kb_file, conflict.kb_span,
          "Knowledge-base entry for " + name + ": " + event + " " + conflict.kb_date.display()});
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

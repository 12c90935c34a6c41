// date/age-mismatch: a stated age that the person's birth date and the date of the event
// contradict: "assassinated at age 61" for someone born in November 1879 and killed in August
// 1940, or "(7 November 1879 – 21 August 1940) (aged 61)".

#include "rules/date/age_link.h"
#include "rules/date/rules.h"
#include "rules/date/support.h"
#include "rules/extract/date_tokens.h"
#include "rules/extract/people.h"

namespace histlint::date_rules {

namespace {

// "(7 November 1879 – 21 August 1940) (aged 60)": the age against the range just before it.
void check_lifespan_range(const DateMention& d, const AgeMention& age, std::vector<Finding>& out) {
  const DateValue& birth = d.value;
  const DateValue& death = *d.range_end;
  if (birth.year == 0 || death.year == 0 || death.last < birth.first) return;
  const int min_age = calendar::completed_years(birth.last, death.first, birth.calendar);
  const int max_age = calendar::completed_years(birth.first, death.last, birth.calendar);
  if (age.age >= min_age && age.age <= max_age) return;
  Finding f;
  f.span = age.span;
  f.message = "From " + birth.display() + " to " + death.display() + " is " +
              age_text(AgeRange{min_age, max_age}) + " years, so the age at death was not " +
              std::to_string(age.age) + ".";
  f.related.push_back(Related{"", d.span, "the life dates"});
  out.push_back(std::move(f));
}

void check(const Analysis& analysis, std::vector<Finding>& out) {
  const auto& facts = analysis.facts<DateFacts>();
  if (facts.ages.empty()) return;
  const auto& people = analysis.facts<PeopleFacts>();
  for (const AgeMention& age : facts.ages) {
    const auto link = link_age(analysis, age);
    if (!link) continue;
    if (link->lifespan) {
      check_lifespan_range(*link->lifespan, age, out);
      continue;
    }
    const std::string_view death_word = link->death_word;
    const DateMention* when = link->when;

    // Flag only when every candidate whose dates are known contradicts the age.
    std::optional<Finding> finding;
    bool consistent = false;
    for (std::string_view id : link->candidates) {
      const auto life = people.life(id);
      if (!life) continue;
      const auto range = age_by_dates(*life, *link);
      if (!range) continue;
      const AgeRange r = *range;
      if (age.age >= r.min && age.age <= r.max) {
        consistent = true;
        break;
      }
      if (finding) continue;
      const Person* person = people.person(id);
      const std::string name = people.display_name(id);
      Finding f;
      f.span = age.span;
      if (!death_word.empty()) {
        // "when assassinated", "when executed"; otherwise "at death".
        const bool verb = death_word.size() > 2 &&
                          death_word.substr(death_word.size() - 2) == "ed" &&
                          !date_parse::equals_folded(death_word, "died");
        f.message = name + " was born " + dated(*life->birth) + " and died " + dated(*life->death) +
                    ", so " + std::string(pronoun_for(person)) +
                    (pronoun_for(person) == "they" ? " were " : " was ") + age_text(r) + ", not " +
                    std::to_string(age.age) + ", " +
                    (verb ? "when " + std::string(death_word) : std::string("at death")) + ".";
      } else {
        f.message = name + " was born " + dated(*life->birth) + ", so " +
                    (when->value.granularity == DateGranularity::Day ? "on " : "in ") +
                    when->value.display() + " " + std::string(pronoun_for(person)) +
                    (pronoun_for(person) == "they" ? " were " : " was ") + age_text(r) + ", not " +
                    std::to_string(age.age) + ".";
        f.related.push_back(Related{"", when->span, "the date of the event"});
      }
      if (life->birth_from_text) {
        f.related.push_back(Related{"", life->birth_span, "the birth date"});
      }
      if (!death_word.empty() && life->death_from_text) {
        f.related.push_back(Related{"", life->death_span, "the death date"});
      }
      finding = std::move(f);
    }
    if (finding && !consistent) out.push_back(std::move(*finding));
  }
}

}  // namespace

RuleDef age_mismatch_rule() {
  return RuleDef{
      RuleInfo{
          "date/age-mismatch",
          "A stated age that the person's birth date and the date of the event contradict.",
          "Links each age (\"at the age of 26\", \"aged 60\", \"a 59-year-old\", \"dead at 60\") "
          "to the people of its sentence, pronouns included, and to the date it is measured at: "
          "a date in the same sentence, or the person's death when the age sits beside a verb "
          "such as \"died\" or \"assassinated\". Birth and death dates come from the text itself "
          "or from the knowledge base. When only years are known the age may be either of two "
          "values (someone born in November 1879 is 25 or 26 during 1905), and the rule flags "
          "only ages outside every value the dates allow, for every person the age may be about.",
          "Trotsky (7 November 1879 – 21 August 1940) was assassinated at age 61.",
          Severity::Warning,
          true,
      },
      check,
  };
}

}  // namespace histlint::date_rules

// date/conflicting-dates: one event given two different dates in one document, such as "Trotsky
// settled in Mexico in 1936" and "He and Natalya … arrived in Mexico in January 1937".
#include <unordered_map>

#include "rules/date/rules.h"
#include "rules/extract/date_events.h"
#include "rules/extract/people.h"

namespace histlint::date_rules {

namespace {

std::string event_name(const PeopleFacts& people, const EventClaim& c) {
  std::string out = people.display_name(c.person_id) + "\xE2\x80\x99s ";
  out += event_kind_phrase(c.kind);
  if (!c.object_text.empty()) out += " " + c.object_text;
  return out;
}

std::string possessive(const Person* person) {
  if (person && person->sex == Sex::Male) return "his";
  if (person && person->sex == Sex::Female) return "her";
  return "their";
}

// Claims that may be about one event share a key: person, kind (arrival and settling as one
// move) and object.
std::string claim_key(const EventClaim& c) {
  const EventKind kind = c.kind == EventKind::Settlement ? EventKind::Arrival : c.kind;
  return c.person_id + '\n' + std::to_string(static_cast<int>(kind)) + '\n' + c.object;
}

void check(const Analysis& analysis, std::vector<Finding>& out) {
  const auto& events = analysis.facts<EventFacts>();
  if (events.claims.size() < 2) return;
  const auto& people = analysis.facts<PeopleFacts>();
  std::unordered_map<std::string, std::vector<size_t>> seen;
  for (size_t j = 0; j < events.claims.size(); ++j) {
    const EventClaim& later = events.claims[j];
    if (later.kind == EventKind::Activity) continue;
    auto& same_key = seen[claim_key(later)];
    for (size_t i : same_key) {
      const EventClaim& earlier = events.claims[i];
      if (earlier.sentence == later.sentence || !claims_conflict(earlier, later)) continue;
      Finding f;
      f.span = later.claim_span;
      f.message = "This dates " + event_name(people, later) + " to " + later.date.display();
      if (earlier.kind == later.kind) {
        f.message += ", but an earlier sentence dates it to " + earlier.date.display() + ".";
      } else {
        // Settling before arriving, in either order of the text.
        const bool settled_later = later.kind == EventKind::Settlement;
        f.message += std::string(settled_later ? ", before " : ", after ") +
                     possessive(people.person(later.person_id)) +
                     (settled_later ? " arrival" : " settling") + " there in " +
                     earlier.date.display() + " as an earlier sentence says.";
      }
      f.related.push_back(Related{"", earlier.claim_span, "the other date for this event"});
      out.push_back(std::move(f));
      break;
    }
    same_key.push_back(j);
  }
}

}  // namespace

RuleDef conflicting_dates_rule() {
  return RuleDef{
      RuleInfo{
          "date/conflicting-dates",
          "One event given two different dates in the same document.",
          "Reads dated claims about people (born, died, arrived in, settled in, moved to, "
          "returned to, expelled from, exiled to, founded, married) with the person as the "
          "subject, pronouns resolved, and reports a claim whose date cannot be the date another "
          "sentence gives for the same event. Settling somewhere months after arriving is not a "
          "contradiction, nor are two dates one Old Style / New Style offset apart, nor "
          "repeatable events such as arrivals years apart. Negated, hypothetical and repeated "
          "(\"again\", \"first\") clauses are ignored.",
          "Trotsky arrived in Mexico in January 1937. … Trotsky settled in Mexico in 1936.",
          Severity::Warning,
          true,
      },
      check,
  };
}

}  // namespace histlint::date_rules

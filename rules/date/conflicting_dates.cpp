// date/conflicting-dates: one event given two different dates in one document, such as "Trotsky
// settled in Mexico in 1936" and "He and Natalya … arrived in Mexico in January 1937", or in two
// documents checked together (the files of one `histlint check`, the editor's open documents).
#include <algorithm>
#include <filesystem>
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

// "This dates Trotsky's arrival in Mexico to 1936, but an earlier sentence dates it to January
// 1937." `source` names where the other claim is: "an earlier sentence", "chapter2.md".
std::string conflict_message(const PeopleFacts& people, const EventClaim& claim,
                             const EventClaim& other, const std::string& source) {
  std::string message = "This dates " + event_name(people, claim) + " to " + claim.date.display();
  if (other.kind == claim.kind)
    return message + ", but " + source + " dates it to " + other.date.display() + ".";
  // Settling before arriving, in either order.
  const bool settled_here = claim.kind == EventKind::Settlement;
  return message + (settled_here ? ", before " : ", after ") +
         possessive(people.person(claim.person_id)) + (settled_here ? " arrival" : " settling") +
         " there in " + other.date.display() + " as " + source + " says.";
}

// `other_path` is empty when the other claim is in the same document.
Finding conflict_finding(const PeopleFacts& people, const EventClaim& claim,
                         const EventClaim& other, const std::string& other_path,
                         const std::string& source) {
  Finding finding;
  finding.span = claim.claim_span;
  finding.message = conflict_message(people, claim, other, source);
  finding.related.push_back(Related{other_path, other.claim_span, "the other date for this event"});
  return finding;
}

// The other document as a message names it: its file name.
std::string document_name(const std::string& path) {
  const auto name = std::filesystem::path(path).filename().string();
  return name.empty() ? path : name;
}

void check(const Analysis& analysis, std::vector<Finding>& out) {
  const auto& events = analysis.facts<EventFacts>();
  // 0 says the documents checked together are independent texts, not parts of one work.
  const bool across_documents =
      analysis.options().threshold("date/conflicting-dates.across-documents", 1) != 0;
  static const Analysis::OtherDocuments kNone;
  const auto& others = across_documents ? analysis.other_documents() : kNone;
  if (events.claims.empty() || (events.claims.size() < 2 && others.empty())) return;
  const auto& people = analysis.facts<PeopleFacts>();
  std::unordered_map<std::string, std::vector<size_t>> seen;
  for (size_t j = 0; j < events.claims.size(); ++j) {
    const EventClaim& claim = events.claims[j];
    if (claim.kind == EventKind::Activity) continue;
    const std::string key = event_key(claim);
    auto& same_key = seen[key];
    // Within the document, the later of two claims is the one reported.
    const auto earlier = std::find_if(same_key.begin(), same_key.end(), [&](size_t i) {
      return events.claims[i].sentence != claim.sentence &&
             claims_conflict(events.claims[i], claim);
    });
    const bool conflicts_here = earlier != same_key.end();
    if (conflicts_here) {
      const EventClaim& other = events.claims[*earlier];
      out.push_back(conflict_finding(people, claim, other, "", "an earlier sentence"));
    }
    same_key.push_back(j);
    if (conflicts_here) continue;
    // Across the workspace, each document reports its own side of the contradiction.
    for (const auto& document : others) {
      if (!document || document->path() == analysis.path()) continue;
      const EventClaim* other = nullptr;
      for (size_t i = 0; i < document->claims().size() && !other; ++i) {
        if (document->keys()[i] == key && claims_conflict(document->claims()[i], claim)) {
          other = &document->claims()[i];
        }
      }
      if (!other) continue;
      out.push_back(conflict_finding(people, claim, *other, document->path(),
                                     document_name(document->path())));
      break;
    }
  }
}

}  // namespace

RuleDef conflicting_dates_rule() {
  return RuleDef{
      RuleInfo{
          "date/conflicting-dates",
          "One event given two different dates in one document, or in two documents checked "
          "together.",
          "Reads dated claims about people (born, died, arrived in, settled in, moved to, "
          "returned to, expelled from, exiled to, founded, married) with the person as the "
          "subject, pronouns resolved, and reports a claim whose date cannot be the date another "
          "sentence gives for the same event. Settling somewhere months after arriving is not a "
          "contradiction, nor are two dates one Old Style / New Style offset apart, nor "
          "repeatable events such as arrivals years apart. Negated, hypothetical and repeated "
          "(\"again\", \"first\") clauses are ignored. `histlint check` also compares the files "
          "of one run, and the language server the documents open in the editor; each of two "
          "contradicting documents reports its own claim. Set the parameter "
          "`date/conflicting-dates.across-documents` to 0 when the files are independent texts "
          "rather than parts of one work (default 1: compare them).",
          "Trotsky arrived in Mexico in January 1937. … Trotsky settled in Mexico in 1936.",
          Severity::Warning,
          true,
      },
      check,
  };
}

}  // namespace histlint::date_rules

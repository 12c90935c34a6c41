// date/after-death: a person acting after their own death ("In 1942 Trotsky published …" when he
// died in 1940) or before their birth, but not posthumous events (published posthumously,
// rehabilitated, buried, commemorated).
#include "rules/date/rules.h"
#include "rules/date/support.h"
#include "rules/extract/date_events.h"
#include "rules/extract/date_tokens.h"
#include "rules/extract/people.h"

namespace histlint::date_rules {

namespace {

// Words that make a sentence about a person's afterlife or a counterfactual.
bool is_posthumous_word(std::string_view w) {
  return date_parse::equals_any_folded(
      w,
      {"posthumous", "posthumously", "death",         "dead",           "legacy",    "memory",
       "memorial",   "anniversary",  "rehabilitated", "rehabilitation", "tribute",   "buried",
       "reburied",   "commemorated", "commemoration", "remembered",     "honoured",  "honored",
       "spirit",     "ghost",        "alive",         "would",          "had",       "if",
       "unfinished", "manuscript",   "manuscripts",   "archive",        "archives",  "papers",
       "diary",      "diaries",      "letters",       "edition",        "reprinted", "translated",
       "film",       "novel",        "play",          "portrayed",      "depicted",  "character",
       "statue"});
}

bool mentions_afterlife(const Document& doc, uint32_t sentence) {
  return has_word(doc.prose_slice(doc.sentences()[sentence].span), is_posthumous_word);
}

void check(const Analysis& analysis, std::vector<Finding>& out) {
  const auto& events = analysis.facts<EventFacts>();
  if (events.claims.empty()) return;
  const Document& doc = analysis.doc();
  const auto& people = analysis.facts<PeopleFacts>();
  for (const EventClaim& c : events.claims) {
    if (c.kind == EventKind::Birth || c.kind == EventKind::Death) continue;
    if (!has_finite_verb(doc, doc.sentences()[c.sentence]) || mentions_afterlife(doc, c.sentence)) {
      continue;
    }
    const auto life = people.life(c.person_id);
    if (!life) continue;
    const Person* person = people.person(c.person_id);
    const std::string name = people.display_name(c.person_id);
    const std::string verb = (c.passive_voice ? "was " : "") + std::string(doc.slice(c.verb_span));
    Finding f;
    f.span = c.claim_span;
    if (life->death && c.date.first > interval_of(*life->death).last) {
      f.message = "This sentence says " + name + " " + verb + " in " + c.date.display() + ", but " +
                  std::string(pronoun_for(person)) + " died " + dated(*life->death) + ".";
      if (life->death_from_text) {
        f.related.push_back({"", life->death_span, "the death date"});
      } else if (auto evidence =
                     people.kb_evidence(c.person_id, "death " + life->death->display())) {
        f.related.push_back(std::move(*evidence));
      }
    } else if (life->birth && c.date.last < interval_of(*life->birth).first) {
      f.message = "This sentence says " + name + " " + verb + " in " + c.date.display() + ", but " +
                  std::string(pronoun_for(person)) + " was born " + dated(*life->birth) + ".";
      if (life->birth_from_text) {
        f.related.push_back({"", life->birth_span, "the birth date"});
      } else if (auto evidence =
                     people.kb_evidence(c.person_id, "birth " + life->birth->display())) {
        f.related.push_back(std::move(*evidence));
      }
    } else {
      continue;
    }
    out.push_back(std::move(f));
  }
}

}  // namespace

RuleDef after_death_rule() {
  return RuleDef{
      RuleInfo{
          "date/after-death",
          "A person acting after their own death or before their birth.",
          "Reads dated acts with a person as their subject (wrote, published, travelled, met, "
          "arrived in, settled in, was arrested, was elected …), pronouns resolved, and compares "
          "the date with the person's life dates from the text or the knowledge base. Sentences "
          "about an afterlife are left alone: posthumous publication, rehabilitation, burial, "
          "commemoration, anniversaries, legacy, films and novels, and counterfactuals (\"had he "
          "lived\", \"would\"). Passive forms such as \"was published in 1989\" are read as "
          "posthumous too.",
          "Trotsky died in 1940. In 1942 Trotsky published a history of the Red Army.",
          Severity::Warning,
          true,
      },
      check,
  };
}

}  // namespace histlint::date_rules

// date/anniversary-mismatch: an anniversary or "N years ago/since" that the dates contradict:
// "the bicentenary of his birth, celebrated in 2019" for a man born in 1818, "Sixty-five years
// since Trotsky's death" in a text dated 2008, or two anniversary statements that date the text
// differently.
#include <algorithm>
#include <cstdlib>

#include "rules/date/rules.h"
#include "rules/date/support.h"
#include "rules/extract/date_people.h"
#include "rules/extract/date_tokens.h"
#include "rules/extract/people.h"

namespace histlint::date_rules {

namespace {

// Astronomical years make differences across 1 BC / AD 1 come out right.
int astronomical(int year) {
  return year < 0 ? year + 1 : year;
}

struct Commemorated {
  DayInterval days;
  int year = 0;             // the event's year
  std::string description;  // "Leon Trotsky's death on 21 August 1940", "1917"
  Span evidence;            // where the text states the date, if it does
};

// What an anniversary counts from: a date inside its object ("of the 1917 revolution"), or the
// birth or death of the one person its object names ("of his birth", "Trotsky's death").
std::optional<Commemorated> commemorated(const Analysis& analysis, const DateFacts& facts,
                                         const AnniversaryMention& a) {
  if (a.object_span.length == 0) return std::nullopt;
  const auto [lo, hi] = facts.dates_in_sentence(a.sentence);
  for (size_t i = lo; i < hi; ++i) {
    const DateMention& d = facts.dates[i];
    if (d.span.offset >= a.object_span.offset && d.span.end() <= a.object_span.end() &&
        !d.is_range() && d.value.year != 0 && !d.approximate) {
      return Commemorated{{d.value.first, d.value.last}, d.value.year, d.value.display(), d.span};
    }
  }
  if (a.event == LifeEventKind::None) return std::nullopt;
  const auto& references = analysis.facts<SentencePeople>();
  std::string_view person;
  for (const PersonReference& r : references.in_sentence(a.sentence)) {
    if (r.span.offset < a.object_span.offset || r.span.end() > a.object_span.end()) continue;
    if (!person.empty() && person != r.person_id) return std::nullopt;  // two people: unclear
    person = r.person_id;
  }
  if (person.empty()) return std::nullopt;
  const auto& people = analysis.facts<PeopleFacts>();
  const auto life = people.life(person);
  if (!life) return std::nullopt;
  const bool birth = a.event == LifeEventKind::Birth;
  const auto& date = birth ? life->birth : life->death;
  if (!date) return std::nullopt;
  Commemorated c;
  c.days = interval_of(*date);
  c.year = date->date.year;
  c.description = people.display_name(person) + (birth ? " was born " : " died ") + dated(*date);
  if (birth ? life->birth_from_text : life->death_from_text) {
    c.evidence = birth ? life->birth_span : life->death_span;
  }
  return c;
}

// A date in the sentence, outside the object, that says when the anniversary was kept:
// "celebrated in 2019", "In 1990, the 50th anniversary of …".
const DateMention* celebration_date(const DateFacts& facts, const AnniversaryMention& a) {
  const auto [lo, hi] = facts.dates_in_sentence(a.sentence);
  const DateMention* found = nullptr;
  for (size_t i = lo; i < hi; ++i) {
    const DateMention& d = facts.dates[i];
    if (d.span.offset >= a.span.offset && d.span.end() <= a.span.end()) continue;
    if (!is_narrative(d) || d.is_range() || d.value.year == 0 || d.approximate ||
        (d.lead != DateLead::In && d.lead != DateLead::None)) {
      continue;
    }
    if (found && found->value.year != d.value.year) return nullptr;  // two candidates
    found = &d;
  }
  return found;
}

// "this 65th anniversary", "today's centenary", "N years since": counted to the text's date.
bool counts_to_now(const Document& doc, const AnniversaryMention& a) {
  if (a.form == AnniversaryForm::Since) return true;
  std::string_view w = previous_word(doc, a.span.offset);
  if (w == "s" || w == "S") {  // "today's"
    w = previous_word(doc, static_cast<size_t>(w.data() - doc.prose().data()));
  }
  return date_parse::equals_any_folded(w, {"this", "today", "present", "current"});
}

struct DocumentYear {
  int year = 0;
  Span evidence;  // the statement it was read from; empty for front matter or settings
  bool stated = false;
};

void check(const Analysis& analysis, std::vector<Finding>& out) {
  const auto& facts = analysis.facts<DateFacts>();
  const Document& doc = analysis.doc();
  DocumentYear now;
  if (const auto d = analysis.document_date()) {
    now.year = d->year;
    now.stated = true;
  }
  for (const AnniversaryMention& a : facts.anniversaries) {
    if (a.in_quotation || a.sentence == UINT32_MAX) continue;
    const auto event = commemorated(analysis, facts, a);
    if (!event) continue;
    const std::string phrase = quoted_phrase(doc, a.span);
    const int expected_year = astronomical(event->year) + a.years;
    auto related = [&](Finding& f) {
      if (event->evidence.length)
        f.related.push_back({"", event->evidence, "the date counted from"});
    };
    if (const DateMention* kept = celebration_date(facts, a)) {
      const int kept_year = astronomical(kept->value.year);
      // "N years since" may be said until the next anniversary.
      const bool fits = a.form == AnniversaryForm::Since
                            ? kept_year == expected_year || kept_year == expected_year + 1
                            : kept_year == expected_year;
      if (fits) continue;
      Finding f;
      f.span = a.span;
      f.message = event->description + ", so \xE2\x80\x9C" + phrase + "\xE2\x80\x9D fell in " +
                  year_text(expected_year <= 0 ? expected_year - 1 : expected_year) + ", not " +
                  kept->value.display() + ".";
      f.related.push_back({"", kept->span, "the year it is said to fall in"});
      related(f);
      out.push_back(std::move(f));
      continue;
    }
    if (!counts_to_now(doc, a)) continue;
    const int implied = expected_year;
    if (!now.year) {
      // The first statement that dates the text becomes the text's date.
      now.year = implied;
      now.evidence = a.span;
      continue;
    }
    const bool fits = a.form == AnniversaryForm::Since
                          ? now.year == implied || now.year == implied + 1
                          : now.year == implied;
    if (fits) continue;
    Finding f;
    f.span = a.span;
    if (now.stated) {
      f.message = event->description + ", so \xE2\x80\x9C" + phrase + "\xE2\x80\x9D points to " +
                  std::to_string(implied) + ", but the document is dated " +
                  std::to_string(now.year) + ".";
    } else {
      f.message = event->description + ", so \xE2\x80\x9C" + phrase +
                  "\xE2\x80\x9D dates the text to " + std::to_string(implied) +
                  ", but an earlier anniversary dates it to " + std::to_string(now.year) + ".";
      f.related.push_back({"", now.evidence, "the earlier anniversary"});
    }
    related(f);
    out.push_back(std::move(f));
  }

  // "76 years ago, in 1940, …": against the document's date.
  if (!now.year) return;
  for (const RelativeMention& r : facts.relatives) {
    if (r.kind != RelativeKind::Ago || r.in_quotation || r.amount.unit != TimeUnit::Year ||
        r.sentence == UINT32_MAX) {
      continue;
    }
    const auto [lo, hi] = facts.dates_in_sentence(r.sentence);
    const DateMention* when = nullptr;
    for (size_t i = lo; i < hi; ++i) {
      const DateMention& d = facts.dates[i];
      const size_t gap = d.span.offset >= r.span.end()
                             ? words_between(doc, r.span.end(), d.span.offset)
                             : words_between(doc, d.span.end(), r.span.offset);
      if (gap > 3 || !is_narrative(d) || d.is_range() || d.value.year == 0 ||
          (d.lead != DateLead::In && d.lead != DateLead::None)) {
        continue;
      }
      if (when) return;  // two candidates
      when = &d;
    }
    if (!when) continue;
    const int elapsed = now.year - astronomical(when->value.year);
    if (elapsed >= r.amount.low - 1 && elapsed <= r.amount.high + 1) continue;
    Finding f;
    f.span = r.span;
    f.message = when->value.display() + " was " + std::to_string(elapsed) +
                " years before the document's date (" + std::to_string(now.year) +
                "), not \xE2\x80\x9C" + quoted_phrase(doc, r.span) + "\xE2\x80\x9D.";
    f.related.push_back({"", when->span, "the date counted from"});
    if (now.evidence.length) f.related.push_back({"", now.evidence, "what dates the text"});
    out.push_back(std::move(f));
  }
}

}  // namespace

RuleDef anniversary_mismatch_rule() {
  return RuleDef{
      RuleInfo{
          "date/anniversary-mismatch",
          "An anniversary or \"N years ago\" that the dates contradict.",
          "Checks anniversaries (\"the 50th anniversary of his assassination\", \"the "
          "bicentenary of his birth\", \"sixty-five years since Trotsky's death\") against the "
          "date they count from (a date in the phrase, or the birth or death of the person it "
          "names, from the text or the knowledge base) and the year they are said to fall in: a "
          "date in the same sentence, or the document's own date for \"this anniversary\", "
          "\"N years since\" and \"N years ago\". The document's date comes from front matter "
          "`date:` or the configuration; without one, the first anniversary statement that can be "
          "resolved dates the text and later ones must agree with it.",
          "Karl Marx was born on 5 May 1818. The bicentenary of his birth was celebrated in 2019.",
          Severity::Warning,
          true,
      },
      check,
  };
}

}  // namespace histlint::date_rules

#include "rules/date/age_link.h"

#include <algorithm>

#include "rules/extract/date_people.h"
#include "rules/extract/date_tokens.h"
#include "rules/text/utf8.h"

namespace histlint::date_rules {

namespace {

// Words near an age that date it to the person's death: "assassinated at age 61", "died aged
// 60", "dead at the age of 60".
bool is_death_word(std::string_view w) {
  return date_parse::equals_any_folded(
      w, {"died", "dies", "dead", "death", "killed", "assassinated", "murdered", "executed", "shot",
          "perished", "succumbed", "hanged", "slain", "poisoned", "guillotined", "beheaded",
          "drowned"});
}

bool is_birth_word(std::string_view w) {
  return date_parse::equals_folded(w, "born") || date_parse::equals_folded(w, "birth");
}

struct Word {
  std::string_view text;
  size_t offset;
};

// Up to `count` words of the sentence before `offset` (nearest first) or after it.
std::vector<Word> words_near(std::string_view prose, Span sentence, size_t offset, int count,
                             bool backwards) {
  std::vector<Word> out;
  size_t pos = offset;
  while (static_cast<int>(out.size()) < count) {
    size_t len = 0;
    if (backwards) {
      while (pos > sentence.offset && !utf8::is_letter(utf8::decode_before(prose, pos, len))) {
        const char32_t c = utf8::decode_before(prose, pos, len);
        if (c == ',' || c == ';' || c == '.' || c == '(' || c == ')') return out;
        pos -= len;
      }
      if (pos <= sentence.offset) return out;
      const size_t end = pos;
      while (pos > sentence.offset && utf8::is_letter(utf8::decode_before(prose, pos, len))) {
        pos -= len;
      }
      out.push_back({prose.substr(pos, end - pos), pos});
    } else {
      while (pos < sentence.end() && !utf8::is_letter(utf8::decode(prose, pos, len))) {
        const char32_t c = utf8::decode(prose, pos, len);
        if (c == ',' || c == ';' || c == '.' || c == '(' || c == ')') return out;
        pos += len;
      }
      if (pos >= sentence.end()) return out;
      const size_t start = pos;
      while (pos < sentence.end() && utf8::is_letter(utf8::decode(prose, pos, len))) pos += len;
      out.push_back({prose.substr(start, pos - start), start});
    }
  }
  return out;
}

// Words that bring in another person between a name and an age: "Trotsky met a student who
// had joined at the age of 16", "Trotsky's son Sergei … at the age of 29".
bool mentions_someone_else(const Document& doc, size_t from, size_t to) {
  const std::string_view text = std::string_view(doc.prose()).substr(from, to - from);
  return has_word(text, [](std::string_view w) {
    return date_parse::equals_any_folded(
        w, {"who",       "whom",        "whose",      "which",      "that",          "son",
            "sons",      "daughter",    "daughters",  "wife",       "husband",       "father",
            "mother",    "brother",     "sister",     "grandson",   "granddaughter", "nephew",
            "niece",     "friend",      "secretary",  "guard",      "guards",        "student",
            "comrade",   "child",       "children",   "boy",        "girl",          "man",
            "woman",     "widow",       "assassin",   "agent",      "colleague",     "rival",
            "followers", "supporter",   "supporters", "bodyguard",  "lover",         "mistress",
            "successor", "predecessor", "heir",       "biographer", "grandfather",   "grandmother",
            "uncle",     "aunt",        "cousin",     "baby",       "infant",        "youth",
            "recruit"});
  });
}

// The death verb beside an age, if any ("assassinated"), else empty. Across "when" the age is
// another clause's: "His father died when he was three" is the son's age at the father's death.
std::string_view death_word_near(const Document& doc, const AgeMention& age) {
  const Sentence& s = doc.sentences()[age.sentence];
  // The age may itself open the clause: "when he was three".
  const std::string_view age_first_word = std::string_view(doc.prose()).substr(age.span.offset, 5);
  bool across_clause = date_parse::equals_folded(age_first_word.substr(0, 4), "when") ||
                       date_parse::equals_folded(age_first_word, "while");
  for (const Word& w : words_near(doc.prose(), s.span, age.span.offset, 5, true)) {
    if (is_birth_word(w.text)) return {};
    if (is_death_word(w.text)) {
      if (across_clause && mentions_someone_else(doc, s.span.offset, w.offset)) return {};
      return w.text;
    }
    across_clause = across_clause || date_parse::equals_any_folded(
                                         w.text, {"when", "while", "as", "after", "before"});
  }
  for (const Word& w : words_near(doc.prose(), s.span, age.span.end(), 3, false)) {
    if (is_death_word(w.text)) return w.text;
  }
  return {};
}

// True when nothing brings in another person between a reference and the age.
bool linked(const Document& doc, const PersonReference& r, const AgeMention& age) {
  // "when he was 23": the person is inside the age.
  if (r.span.offset >= age.span.offset && r.span.end() <= age.span.end()) return true;
  return r.span.end() <= age.span.offset
             ? !mentions_someone_else(doc, r.span.end(), age.span.offset)
             : !mentions_someone_else(doc, age.span.end(), r.span.offset);
}

// The date the age is measured at: the nearest date of the sentence, when there is one
// unambiguous candidate.
const DateMention* event_date(const Analysis& analysis, const DateFacts& facts,
                              const AgeMention& age) {
  const auto [lo, hi] = facts.dates_in_sentence(age.sentence);
  const DateMention* best = nullptr;
  size_t best_gap = SIZE_MAX;
  int years_seen = 0;
  int last_year = 0;
  for (size_t i = lo; i < hi; ++i) {
    const DateMention& d = facts.dates[i];
    if (!is_narrative(d) || d.is_range() || d.value.year == 0 || d.approximate ||
        d.lead == DateLead::Since || d.lead == DateLead::Until || d.lead == DateLead::Before ||
        d.lead == DateLead::After) {
      continue;
    }
    if (d.value.year != last_year) ++years_seen;
    last_year = d.value.year;
    const size_t gap = d.span.end() <= age.span.offset
                           ? words_between(analysis.doc(), d.span.end(), age.span.offset)
                           : words_between(analysis.doc(), age.span.end(), d.span.offset);
    const size_t weighted = gap == SIZE_MAX ? SIZE_MAX - 1 : gap;
    if (weighted < best_gap) {
      best = &d;
      best_gap = weighted;
    }
  }
  // Several different years in one sentence: only a date right beside the age will do.
  if (years_seen > 1 && best_gap > 6) return nullptr;
  return best;
}

// The life-dates range just before the age, within a word of it, or null.
const DateMention* lifespan_before(const Analysis& analysis, const DateFacts& facts,
                                   const AgeMention& age) {
  const auto [lo, hi] = facts.dates_in_sentence(age.sentence);
  for (size_t i = hi; i > lo; --i) {
    const DateMention& d = facts.dates[i - 1];
    if (d.span.end() > age.span.offset) continue;
    if (!d.range_end || words_between(analysis.doc(), d.span.end(), age.span.offset) > 1) {
      return nullptr;
    }
    return &d;
  }
  return nullptr;
}

}  // namespace

std::optional<AgeLink> link_age(const Analysis& analysis, const AgeMention& age) {
  const Document& doc = analysis.doc();
  if (age.in_quotation || age.sentence == UINT32_MAX ||
      !has_finite_verb(doc, doc.sentences()[age.sentence])) {
    return std::nullopt;
  }
  const auto& facts = analysis.facts<DateFacts>();
  AgeLink link;
  link.lifespan = lifespan_before(analysis, facts, age);
  if (link.lifespan) return link;
  link.death_word = death_word_near(doc, age);
  link.when = link.death_word.empty() ? event_date(analysis, facts, age) : nullptr;
  if (link.death_word.empty() && (!link.when || age.form == AgeForm::Birthday)) {
    return std::nullopt;
  }

  // Who the age is about: the people of the sentence, subjects first. A possessive names
  // someone else's relative ("Trotsky's son … at the age of 29") except in "his sixtieth
  // birthday". A sentence naming nobody takes the subject of the one before in its paragraph.
  auto& candidates = link.candidates;
  auto add = [&](std::string_view id) {
    if (std::find(candidates.begin(), candidates.end(), id) == candidates.end()) {
      candidates.push_back(id);
    }
  };
  const auto& references = analysis.facts<SentencePeople>();
  const auto in_sentence = references.in_sentence(age.sentence);
  if (age.attributive) {
    // "the 59-year-old Trotsky": only the person named right after the age.
    for (const PersonReference& r : in_sentence) {
      if (r.span.offset >= age.span.end() &&
          words_between(doc, age.span.end(), r.span.offset) == 0) {
        add(r.person_id);
      }
    }
  } else {
    for (const PersonReference* r : references.subjects(age.sentence)) {
      if (linked(doc, *r, age)) add(r->person_id);
    }
    for (const PersonReference& r : in_sentence) {
      if ((!r.possessive || age.form == AgeForm::Birthday) && linked(doc, r, age)) {
        add(r.person_id);
      }
    }
    if (in_sentence.empty() && age.sentence > 0 &&
        doc.sentences()[age.sentence - 1].block == doc.sentences()[age.sentence].block &&
        !mentions_someone_else(doc, doc.sentences()[age.sentence].span.offset, age.span.offset)) {
      for (const PersonReference* r : references.subjects(age.sentence - 1)) {
        add(r->person_id);
      }
    }
  }
  return link;
}

std::optional<AgeRange> age_by_dates(const LifeDates& life, const AgeLink& link) {
  if (!life.birth || link.lifespan) return std::nullopt;
  int64_t first = 0;
  int64_t last = 0;
  if (!link.death_word.empty()) {
    if (!life.death) return std::nullopt;
    const DayInterval d = interval_of(*life.death);
    first = d.first;
    last = d.last;
  } else {
    first = link.when->value.first;
    last = link.when->value.last;
    // A date outside the person's life is about something else; a year of birth or death
    // counts only the days lived.
    const DayInterval born = interval_of(*life.birth);
    if (last < born.first) return std::nullopt;
    first = std::max(first, born.first);
    if (life.death) {
      const DayInterval died = interval_of(*life.death);
      if (first > died.last) return std::nullopt;
      last = std::min(last, died.last);
    }
  }
  return age_range(*life.birth, first, last);
}

}  // namespace histlint::date_rules

#include "rules/extract/date_people.h"

#include <algorithm>

#include "rules/analysis.h"
#include "rules/extract/date_tokens.h"
#include "rules/extract/people.h"
#include "rules/text/utf8.h"

namespace histlint {

namespace {

// How many sentences back a pronoun may find the person it stands for.
constexpr uint32_t kPronounReach = 6;

enum class PronounCase : uint8_t { None, Nominative, Accusative, Possessive };

struct Pronoun {
  Sex sex = Sex::Unknown;
  PronounCase grammatical_case = PronounCase::None;
};

Pronoun pronoun_of(std::string_view w) {
  using date_parse::equals_folded;
  if (equals_folded(w, "he")) return {Sex::Male, PronounCase::Nominative};
  if (equals_folded(w, "him") || equals_folded(w, "himself")) {
    return {Sex::Male, PronounCase::Accusative};
  }
  if (equals_folded(w, "his")) return {Sex::Male, PronounCase::Possessive};
  if (equals_folded(w, "she")) return {Sex::Female, PronounCase::Nominative};
  if (equals_folded(w, "herself")) return {Sex::Female, PronounCase::Accusative};
  // "her" is accusative or possessive; either way it is not a subject.
  if (equals_folded(w, "her") || equals_folded(w, "hers")) {
    return {Sex::Female, PronounCase::Possessive};
  }
  return {};
}

// Words after which a name or pronoun opens a clause: "when he was assassinated".
bool opens_clause(std::string_view w) {
  return date_parse::equals_any_folded(
      w, {"when",    "while", "after",    "before", "because", "as",      "that",       "then",
          "so",      "but",   "although", "though", "once",    "until",   "where",      "since",
          "whereas", "if",    "yet",      "thus",   "later",   "finally", "eventually", "meanwhile",
          "today",   "still", "also",     "soon",   "whom",    "who",     "which"});
}

// What stands just before `offset` in the sentence: the previous word, or a punctuation mark,
// or nothing at the sentence start.
struct Before {
  std::string_view word;
  char32_t punct = 0;
  bool sentence_start = false;
};

Before before(std::string_view prose, size_t sentence_start, size_t offset) {
  size_t pos = offset;
  while (pos > sentence_start) {
    size_t len = 0;
    const char32_t c = utf8::decode_before(prose, pos, len);
    if (utf8::is_space(c)) {
      pos -= len;
      continue;
    }
    if (!utf8::is_letter(c)) return Before{{}, c, false};
    size_t start = pos;
    while (start > sentence_start) {
      const char32_t d = utf8::decode_before(prose, start, len);
      if (!utf8::is_letter(d)) break;
      start -= len;
    }
    return Before{prose.substr(start, pos - start), 0, false};
  }
  return Before{{}, 0, true};
}

struct Antecedent {
  std::string_view id;  // empty: a name the knowledge base could not resolve
  uint32_t sentence = UINT32_MAX;
  size_t offset = 0;
  bool set = false;
};

// The last person of each sex seen; people of unknown sex stand for either.
struct Recent {
  Antecedent male;
  Antecedent female;
  Antecedent unknown;

  void note(Sex sex, const Antecedent& a) {
    (sex == Sex::Male ? male : sex == Sex::Female ? female : unknown) = a;
  }
  const Antecedent* best(Sex sex) const {
    const Antecedent& same = sex == Sex::Male ? male : female;
    if (unknown.set && (!same.set || unknown.offset > same.offset)) return &unknown;
    return same.set ? &same : nullptr;
  }
};

}  // namespace

std::span<const PersonReference> SentencePeople::in_sentence(uint32_t sentence) const {
  if (sentence + 1 >= first_reference.size()) return {};
  return std::span<const PersonReference>(
      references.data() + first_reference[sentence],
      first_reference[sentence + 1] - first_reference[sentence]);
}

std::vector<const PersonReference*> SentencePeople::subjects(uint32_t sentence) const {
  std::vector<const PersonReference*> out;
  for (const PersonReference& r : in_sentence(sentence)) {
    if (r.subject) out.push_back(&r);
  }
  return out;
}

SentencePeople SentencePeople::extract(const Analysis& analysis) {
  const Document& doc = analysis.doc();
  const PeopleFacts& people = analysis.facts<PeopleFacts>();
  const std::string_view prose = doc.prose();
  const auto& sentences = doc.sentences();
  SentencePeople out;
  out.first_reference.assign(sentences.size() + 1, 0);

  Recent named;     // every person named
  Recent subjects;  // people named or referred to as the subject of a clause
  size_t next_mention = 0;
  struct Pending {
    Span span;
    std::string_view id;
    bool is_pronoun;
    Pronoun pronoun;
    bool possessive;
  };
  std::vector<Pending> pending;

  for (uint32_t s = 0; s < sentences.size(); ++s) {
    out.first_reference[s] = static_cast<uint32_t>(out.references.size());
    const Span sentence = sentences[s].span;
    pending.clear();
    while (next_mention < people.mentions.size() &&
           people.mentions[next_mention].span.offset < sentence.offset) {
      ++next_mention;
    }
    size_t m = next_mention;
    // Names and pronouns of the sentence, in text order.
    size_t pos = sentence.offset;
    while (pos < sentence.end()) {
      if (m < people.mentions.size() && people.mentions[m].span.offset <= pos) {
        const PersonMention& mention = people.mentions[m++];
        if (mention.span.end() > sentence.end()) break;
        pending.push_back({mention.span, mention.person_id, false, Pronoun{}, mention.possessive});
        pos = std::max(pos, mention.span.end());
        continue;
      }
      size_t len = 0;
      const char32_t c = utf8::decode(prose, pos, len);
      if (!utf8::is_letter(c)) {
        pos += len;
        continue;
      }
      size_t end = pos;
      while (end < sentence.end()) {
        size_t l = 0;
        if (!utf8::is_letter(utf8::decode(prose, end, l))) break;
        end += l;
      }
      const std::string_view w = prose.substr(pos, end - pos);
      const Pronoun p = pronoun_of(w);
      if (p.sex != Sex::Unknown) {
        pending.push_back(
            {Span{pos, end - pos}, {}, true, p, p.grammatical_case == PronounCase::Possessive});
      }
      pos = end;
    }
    next_mention = m;

    // "He and Natalya": a name after "and" shares the subject position of the one before,
    // resolved or not.
    bool previous_in_subject_position = false;
    for (const Pending& item : pending) {
      PersonReference ref;
      ref.span = item.span;
      ref.sentence = s;
      ref.pronoun = item.is_pronoun;
      ref.possessive = item.possessive;
      // The subject: a name or he/she opening the sentence or a clause.
      const bool nominative =
          !item.is_pronoun || item.pronoun.grammatical_case == PronounCase::Nominative;
      if (nominative && !ref.possessive) {
        const Before b = before(prose, sentence.offset, ref.span.offset);
        const bool after_subject_and =
            date_parse::equals_folded(b.word, "and") && previous_in_subject_position;
        ref.subject = b.sentence_start || b.punct == ',' || b.punct == ';' || b.punct == '(' ||
                      utf8::is_digit(b.punct) || b.punct == ')' || b.punct == 0x2013 ||
                      b.punct == 0x2014 || b.punct == ':' || b.punct == 0x201C || b.punct == '"' ||
                      after_subject_and || opens_clause(b.word);
      }
      previous_in_subject_position = ref.subject;
      Sex sex = item.pronoun.sex;
      if (item.is_pronoun) {
        // The last subject of that sex is preferred ("Trotsky was outmaneuvered by Stalin. In
        // 1927, he was thrown out"), unless another person was named since.
        const Antecedent* by_subject = subjects.best(sex);
        const Antecedent* by_name = named.best(sex);
        const Antecedent* a = by_name;
        if (by_subject && (!by_name || by_subject->sentence + 1 >= by_name->sentence)) {
          a = by_subject;
        }
        if (!a || a->id.empty() || s - a->sentence > kPronounReach) continue;
        ref.person_id = a->id;
      } else {
        const Person* person = item.id.empty() ? nullptr : people.person(item.id);
        sex = person ? person->sex : Sex::Unknown;
        named.note(sex, Antecedent{item.id, s, item.span.offset, true});
        if (item.id.empty()) {
          // An unknown name still takes the place of earlier people as an antecedent.
          if (ref.subject) subjects.note(sex, Antecedent{item.id, s, item.span.offset, true});
          continue;
        }
        ref.person_id = item.id;
      }
      if (ref.subject) subjects.note(sex, Antecedent{ref.person_id, s, ref.span.offset, true});
      out.references.push_back(ref);
    }
  }
  out.first_reference[sentences.size()] = static_cast<uint32_t>(out.references.size());
  return out;
}

}  // namespace histlint

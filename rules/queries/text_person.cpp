#include "rules/queries/text_person.h"

#include <algorithm>
#include <cctype>
#include <unordered_map>

#include "rules/extract/date_tokens.h"
#include "rules/extract/people.h"
#include "rules/extract/people_intro.h"
#include "rules/extract/people_words.h"
#include "rules/kb/name_fold.h"
#include "rules/text/utf8.h"

namespace histlint {

namespace {

bool word_is(std::string_view text, const NameWord& w, std::string_view lower) {
  if (w.length != lower.size()) return false;
  for (size_t i = 0; i < lower.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(text[w.offset + i])) != lower[i]) return false;
  }
  return true;
}

// Only spaces between `from` and `to`: the words are neighbours in one clause.
bool spaces_only(std::string_view text, size_t from, size_t to) {
  while (from < to) {
    size_t length = 0;
    if (!utf8::is_space(utf8::decode(text, from, length))) return false;
    from += length;
  }
  return true;
}

// "Tver", "Nizhny Novgorod" at word `i`: capitalised words, no month, no event ("Battle").
std::string read_place_name(std::string_view text, const std::vector<NameWord>& words, size_t i) {
  std::string place;
  for (size_t k = i; k < words.size() && k < i + 3; ++k) {
    const NameWord& w = words[k];
    if (!w.capitalised || (k > i && !spaces_only(text, words[k - 1].end(), w.offset))) break;
    const std::string_view word = text.substr(w.offset, w.length);
    std::string folded;
    append_folded(folded, word);
    if (date_parse::lookup_word(word).month != 0 || people_words::is_event_noun(folded) ||
        people_words::is_named_thing_noun(folded) || folded == "the") {
      break;
    }
    place += (place.empty() ? "" : " ") + std::string(word);
    if (w.possessive) break;
  }
  return place;
}

bool in_references(const Document& doc, size_t offset) {
  const Block* b = doc.block_at(offset);
  return b && (b->in_reference_section || b->kind == BlockKind::FootnoteDefinition);
}

size_t sentence_end(const Document& doc, size_t offset) {
  if (const Sentence* s = doc.sentence_at(offset)) return s->span.end();
  if (const Block* b = doc.block_at(offset)) return b->span.end();
  return std::min(doc.prose().size(), offset + 300);
}

// The words of a span as prose, one space between them: markup such as a wiki link's "]]" and
// line breaks left out ("Jodocus Hondius]] the Elder" reads "Jodocus Hondius the Elder").
std::string prose_words(const Document& doc, Span span) {
  std::string out;
  bool space = false;
  for (char c : doc.prose_slice(span)) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

// The appositive as the card shows it, with "…" when the reader stopped at its word limit inside
// the phrase ("a widow whose two former husbands had left her a small …").
std::string apposition_text(const Document& doc, Span apposition) {
  std::string out = prose_words(doc, apposition);
  const std::string_view text = doc.prose();
  size_t next = apposition.end();
  while (next < text.size() && (text[next] == ' ' || text[next] == '\n')) ++next;
  if (next < text.size() && std::isalpha(static_cast<unsigned char>(text[next]))) out += " …";
  return out;
}

// The mention's sentence, cut at word boundaries to a little before and after the mention.
std::string mention_context(const Document& doc, Span mention) {
  constexpr size_t kBefore = 60;
  constexpr size_t kAfter = 80;
  const Sentence* sentence = doc.sentence_at(mention.offset);
  const Span whole = sentence ? sentence->span : mention;
  const std::string_view text = doc.prose();
  size_t from = whole.offset;
  if (mention.offset > whole.offset + kBefore) {
    const size_t space = text.find(' ', mention.offset - kBefore);
    from = space < mention.offset ? space + 1 : mention.offset;
  }
  size_t to = whole.end();
  if (mention.end() + kAfter < whole.end()) {
    const size_t space = text.rfind(' ', mention.end() + kAfter);
    to = space != std::string_view::npos && space > mention.end() ? space : mention.end();
  }
  return (from > whole.offset ? "… " : "") + prose_words(doc, Span{from, to - from}) +
         (to < whole.end() ? " …" : "");
}

void take_dates(TextPerson& out, const people_intro::StatedLife& life) {
  if (!out.birth && life.birth && !life.birth->approximate) out.birth = life.birth->date;
  if (!out.death && life.death && !life.death->approximate) out.death = life.death->date;
}

}  // namespace

std::optional<StatedPlace> read_life_place(std::string_view text, size_t pos, size_t limit) {
  limit = std::min({limit, text.size(), pos + 200});
  std::vector<NameWord> words;
  NameWord word;
  for (size_t next = pos;
       words.size() < 14 && next_name_word(text, next, word, next) && word.end() <= limit;) {
    words.push_back(word);
  }
  size_t i = 0;
  auto follows = [&](size_t k) {
    return k < words.size() && spaces_only(text, k ? words[k - 1].end() : pos, words[k].offset);
  };
  // "was born", "had been born", "died": the verb right after the name.
  for (std::string_view auxiliary : {"was", "had", "been", "is"}) {
    if (follows(i) && word_is(text, words[i], auxiliary)) ++i;
  }
  if (!follows(i)) return std::nullopt;
  StatedPlace out;
  if (word_is(text, words[i], "born")) {
    out.is_birth = true;
  } else if (word_is(text, words[i], "died")) {
    out.is_birth = false;
  } else {
    return std::nullopt;
  }
  // "in Tver", "at Nice", also after a date: "died on 3 May 1881 at Nice". The clause ends at
  // a full stop, semicolon, bracket or an "and" that starts the next one.
  for (size_t k = i + 1; k + 1 < words.size() && k < i + 9; ++k) {
    const std::string_view between =
        text.substr(words[k - 1].end(), words[k].offset - words[k - 1].end());
    if (between.find_first_of(".;()") != std::string_view::npos) break;
    if (word_is(text, words[k], "and")) break;
    if (!word_is(text, words[k], "in") && !word_is(text, words[k], "at")) continue;
    if (!spaces_only(text, words[k].end(), words[k + 1].offset)) break;
    out.place = read_place_name(text, words, k + 1);
    if (!out.place.empty()) return out;
  }
  return std::nullopt;
}

TextPeople TextPeople::extract(const Analysis& analysis) {
  TextPeople out;
  const auto& facts = analysis.facts<PeopleFacts>();
  const Document& doc = analysis.doc();
  std::unordered_map<std::string_view, size_t> index;  // person id -> position in out.people
  for (const IntroducedPerson& intro : facts.introduced) {
    if (facts.person(intro.person_id) || index.count(intro.person_id)) continue;
    index.emplace(intro.person_id, out.people.size());
    TextPerson& person = out.people.emplace_back();
    person.person_id = intro.person_id;
    person.name = prose_words(doc, intro.name_span);
    if (person.name.empty()) person.name = intro.name;
    person.aliases = intro.aliases;
    if (const auto life = facts.life(intro.person_id)) {
      person.birth = life->birth;
      person.death = life->death;
    }
    person.first_mention = intro.name_span;
  }
  if (out.people.empty()) return out;
  const std::string_view text = doc.prose();
  std::vector<bool> seen(out.people.size(), false);
  for (const PersonMention& m : facts.mentions) {
    const auto it = index.find(m.person_id);
    if (it == index.end()) continue;
    TextPerson& out_person = out.people[it->second];
    ++out_person.mentions;
    if (!seen[it->second]) {
      seen[it->second] = true;
      out_person.first_mention = m.span;
    }
    if (m.possessive || in_references(doc, m.span.offset)) continue;
    const size_t limit = sentence_end(doc, m.span.offset);
    size_t after = m.span.end();
    // Later mentions may add what the introduction left out: "Petrova (died 1881)".
    if (auto life = people_intro::read_life_after_name(text, after, limit);
        life && (life->explicit_keyword || (life->birth && life->death))) {
      take_dates(out_person, *life);
      after = life->end;
    }
    if (auto apposition = people_intro::read_apposition(text, after, limit)) {
      if (out_person.description.empty()) {
        out_person.description = apposition_text(doc, *apposition);
      }
      // "Orlova, a teacher of music, died in 1931": the verb comes after the appositive.
      after = apposition->end();
      if (after < limit && text[after] == ',') ++after;
    }
    // "Petrova died in Kazan in 1881": only where the name is the sentence's subject.
    const Sentence* s = doc.sentence_at(m.span.offset);
    if (!s || s->span.offset != m.span.offset) continue;
    if (auto verb = people_intro::read_life_verb(text, after, limit)) {
      take_dates(out_person, *verb);
    }
    if (auto place = read_life_place(text, after, limit)) {
      std::string& field = place->is_birth ? out_person.birth_place : out_person.death_place;
      if (field.empty()) field = std::move(place->place);
    }
  }
  // The introduction's own appositive where no mention gave one (its name may be written with
  // markup the mentions do not cover).
  for (const IntroducedPerson& intro : facts.introduced) {
    const auto it = index.find(intro.person_id);
    if (it != index.end() && out.people[it->second].description.empty()) {
      out.people[it->second].description = intro.description;
    }
  }
  // Lines of the first mentions, counted in one pass over the text.
  std::vector<TextPerson*> by_offset;
  for (auto& person : out.people) {
    person.mentions = std::max<size_t>(person.mentions, 1);
    by_offset.push_back(&person);
  }
  std::sort(by_offset.begin(), by_offset.end(), [](const TextPerson* a, const TextPerson* b) {
    return a->first_mention.offset < b->first_mention.offset;
  });
  const std::string& all = doc.text();
  size_t line = 0;
  size_t counted_to = 0;
  for (TextPerson* person : by_offset) {
    const size_t to = std::min(person->first_mention.offset, all.size());
    line += static_cast<size_t>(std::count(all.begin() + static_cast<std::ptrdiff_t>(counted_to),
                                           all.begin() + static_cast<std::ptrdiff_t>(to), '\n'));
    counted_to = to;
    person->first_mention_line = line;
    person->first_mention_context = mention_context(doc, person->first_mention);
  }
  return out;
}

const TextPerson* TextPeople::find(std::string_view person_id) const {
  for (const auto& person : people) {
    if (person.person_id == person_id) return &person;
  }
  return nullptr;
}

std::optional<TextPerson> text_person(const Analysis& analysis, std::string_view person_id) {
  if (!person_id.starts_with("doc:")) return std::nullopt;  // knowledge-base ids: no extraction
  const TextPerson* person = analysis.facts<TextPeople>().find(person_id);
  if (!person) return std::nullopt;
  return *person;
}

}  // namespace histlint

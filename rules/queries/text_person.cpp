#include "rules/queries/text_person.h"

#include <algorithm>
#include <cctype>

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

std::optional<TextPerson> text_person(const Analysis& analysis, std::string_view person_id) {
  const auto& facts = analysis.facts<PeopleFacts>();
  if (facts.person(person_id)) return std::nullopt;
  const IntroducedPerson* intro = facts.introduction(person_id);
  if (!intro) return std::nullopt;
  const Document& doc = analysis.doc();
  const std::string_view text = doc.prose();
  TextPerson out;
  out.person_id = std::string(person_id);
  out.name = intro->name;
  out.aliases = intro->aliases;
  out.description = intro->description;
  if (const auto life = facts.life(person_id)) {
    out.birth = life->birth;
    out.death = life->death;
  }
  const auto mentions = facts.mentions_of(person_id);
  for (const PersonMention* m : mentions) {
    if (m->possessive || in_references(doc, m->span.offset)) continue;
    const size_t limit = sentence_end(doc, m->span.offset);
    size_t after = m->span.end();
    // Later mentions may add what the introduction left out: "Petrova (died 1881)".
    if (auto life = people_intro::read_life_after_name(text, after, limit);
        life && (life->explicit_keyword || (life->birth && life->death))) {
      take_dates(out, *life);
      after = life->end;
    }
    if (auto apposition = people_intro::read_apposition(text, after, limit)) {
      if (out.description.empty()) out.description = std::string(doc.slice(*apposition));
      // "Orlova, a teacher of music, died in 1931": the verb comes after the appositive.
      after = apposition->end();
      if (after < limit && text[after] == ',') ++after;
    }
    // "Petrova died in Kazan in 1881": only where the name is the sentence's subject.
    const Sentence* s = doc.sentence_at(m->span.offset);
    if (!s || s->span.offset != m->span.offset) continue;
    if (auto verb = people_intro::read_life_verb(text, after, limit)) take_dates(out, *verb);
    if (auto place = read_life_place(text, after, limit)) {
      std::string& field = place->is_birth ? out.birth_place : out.death_place;
      if (field.empty()) field = std::move(place->place);
    }
  }
  out.first_mention = mentions.empty() ? intro->name_span : mentions.front()->span;
  const std::string& all = doc.text();
  out.first_mention_line = static_cast<size_t>(std::count(
      all.begin(), all.begin() + static_cast<std::ptrdiff_t>(out.first_mention.offset), '\n'));
  out.mentions = std::max<size_t>(mentions.size(), 1);
  return out;
}

}  // namespace histlint

#include "rules/extract/people.h"

#include <algorithm>
#include <cstdlib>
#include <unordered_set>

#include "rules/analysis.h"
#include "rules/extract/dates.h"
#include "rules/extract/people_intro.h"
#include "rules/extract/people_words.h"
#include "rules/kb/name_fold.h"
#include "rules/text/dictionary.h"
#include "rules/text/lexicon.h"
#include "rules/text/utf8.h"

namespace histlint {

namespace {

using namespace people_words;

// Abbreviations written with a full stop inside a name: "Martin Luther King Jr.", "St. John".
bool is_abbreviation_word(std::string_view folded) {
  return folded == "jr" || folded == "sr" || folded == "st" || folded == "dr" || folded == "mr" ||
         folded == "mrs" || folded == "ms";
}

std::string fold_word(std::string_view text, const NameWord& w) {
  std::string out;
  append_folded(out, text.substr(w.offset, w.length));
  return out;
}

// True when text[from, to) is only white space; `newlines` counts the line breaks in it.
bool gap_is_space(std::string_view text, size_t from, size_t to, int& newlines) {
  newlines = 0;
  size_t pos = from;
  while (pos < to) {
    size_t length = 0;
    const char32_t c = utf8::decode(text, pos, length);
    if (!utf8::is_space(c)) return false;
    if (c == '\n') ++newlines;
    pos += length;
  }
  return true;
}

struct Candidate {
  uint32_t person = 0;  // < kb.size(): knowledge base; above: a person the text introduces
  NameKind kind = NameKind::Full;
  bool ambiguous = false;  // matched by a name the person shares with namesakes
};

struct RawMention {
  Span span;  // with title and initials
  Span name;  // the matched name
  std::string key;
  std::vector<Candidate> candidates;
  MentionForm form = MentionForm::FullName;
  bool possessive = false;
  bool titled = false;
  std::string title;  // the title word nearest the name, folded: "king", "emperor"
  int sex_hint = 0;   // +1 male, -1 female (from a title)
  char initial = 0;   // first initial before a surname ("L. D. Trotsky" -> 'l')
  uint32_t block = UINT32_MAX;
  uint32_t sentence = UINT32_MAX;
  bool sentence_initial = false;  // the name is the first word of its sentence
  bool attributive = false;       // "the Walpole ministry"
  bool in_passing = false;        // a surname whose only holder died long before the text's dates
};

// The years a person lived, as far as the knowledge base tells: many medieval births are
// unknown, so a first reign or the death stands in for the start, and a century for the span.
std::optional<std::pair<int, int>> life_years(const Person& p) {
  std::optional<int> start;
  if (p.birth) {
    start = p.birth->date.date.year;
  } else if (!p.roles.empty() && p.roles.front().from) {
    start = p.roles.front().from->date.year - 20;
  } else if (p.death) {
    start = p.death->date.date.year - 60;
  }
  if (!start) return std::nullopt;
  return std::pair{*start, p.death ? p.death->date.date.year : *start + 100};
}

struct LocalPerson {
  std::string id;
  std::vector<std::string> initials;  // first letters of given names
  size_t introduced = 0;              // index into PeopleFacts::introduced
};

}  // namespace

class PeopleExtractor {
 public:
  PeopleExtractor(const Analysis& analysis, PeopleFacts& out)
      : analysis_(analysis),
        doc_(analysis.doc()),
        kb_(analysis.kb()),
        text_(analysis.doc().prose()),
        out_(out) {}

  void run() {
    out_.kb_ = &kb_;
    words_ = document_name_words();
    collect_document_years();
    find_unknown_introductions();
    match_names();
    apply_context();
    resolve();
    find_known_introductions();
    build_output();
  }

 private:
  // split_name_words over the whole prose, from the blocks' cached words; the text between
  // blocks (white space and blanked markup) is split here.
  std::vector<NameWord> document_name_words() const {
    std::vector<std::shared_ptr<const BlockNameWords>> cached;
    cached.reserve(doc_.blocks().size());
    size_t count = 0;
    for (const Block& block : doc_.blocks()) {
      cached.push_back(analysis_.block_facts<BlockNameWords>(block));
      count += cached.back()->words.size();
    }
    std::vector<NameWord> words;
    words.reserve(count);
    size_t covered = 0;
    const auto split_gap = [&](size_t end) {
      const std::string_view gap = text_.substr(0, end);
      NameWord word;
      for (size_t pos = covered; next_name_word(gap, pos, word, pos);) words.push_back(word);
    };
    for (size_t b = 0; b < cached.size(); ++b) {
      const Block& block = doc_.blocks()[b];
      if (block.span.offset > covered) split_gap(block.span.offset);
      for (NameWord word : cached[b]->words) {
        word.offset += block.span.offset;
        words.push_back(word);
      }
      covered = std::max(covered, block.span.end());
    }
    split_gap(text_.size());
    return words;
  }

  // ---- Helpers over words and sentences ----

  uint32_t sentence_index(size_t offset) const {
    const Sentence* s = doc_.sentence_at(offset);
    return s ? static_cast<uint32_t>(s - doc_.sentences().data()) : UINT32_MAX;
  }

  uint32_t block_index(size_t offset) const {
    const Block* b = doc_.block_at(offset);
    return b ? static_cast<uint32_t>(b - doc_.blocks().data()) : UINT32_MAX;
  }

  size_t sentence_end(size_t offset) const {
    if (const Sentence* s = doc_.sentence_at(offset)) return s->span.end();
    if (const Block* b = doc_.block_at(offset)) return b->span.end();
    return std::min(text_.size(), offset + 300);
  }

  // True when no name word of the sentence precedes word i.
  bool is_sentence_initial(size_t i) const {
    if (i == 0) return true;
    const Sentence* s = doc_.sentence_at(words_[i].offset);
    if (!s) {
      // Outside sentences (headings without text model support): look at the previous character.
      size_t length = 0;
      size_t pos = words_[i].offset;
      while (pos > 0) {
        const char32_t c = utf8::decode_before(text_, pos, length);
        if (c == '\n' || c == '.' || c == '!' || c == '?' || c == ':') return true;
        if (!utf8::is_space(c) && !utf8::is_opening_punct(c)) return false;
        pos -= length;
      }
      return true;
    }
    return words_[i - 1].offset < s->span.offset;
  }

  // Whether the sentence around `offset` has a word showing it speaks of a ship.
  bool sentence_speaks_of_ship(size_t offset) const {
    const Sentence* s = doc_.sentence_at(offset);
    if (!s) return false;
    const size_t end = s->span.end();
    size_t pos = s->span.offset;
    while (pos < end) {
      size_t length = 0;
      if (!utf8::is_letter(utf8::decode(text_, pos, length))) {
        pos += length;
        continue;
      }
      size_t word_end = pos;
      while (word_end < end && utf8::is_letter(utf8::decode(text_, word_end, length))) {
        word_end += length;
      }
      if (is_ship_evidence(fold_name(text_.substr(pos, word_end - pos)))) return true;
      pos = word_end;
    }
    return false;
  }

  // Whether word i is followed by an apposition naming a kind of place: ", the capital of",
  // ", a small town". Two words at most may stand between the article and the noun.
  bool place_apposition_follows(size_t i) const {
    if (i + 2 >= words_.size()) return false;
    const size_t comma = words_[i].end();
    int newlines = 0;
    if (comma >= text_.size() || text_[comma] != ',' ||
        !gap_is_space(text_, comma + 1, words_[i + 1].offset, newlines) || newlines > 0) {
      return false;
    }
    const std::string article = fold_word(text_, words_[i + 1]);
    if (article != "the" && article != "a" && article != "an") return false;
    for (size_t j = i + 2; j < words_.size() && j <= i + 4; ++j) {
      if (!adjacent_on_line(j - 1, j) || words_[j].capitalised) return false;
      if (is_settlement_noun(fold_word(text_, words_[j]))) return true;
    }
    return false;
  }

  bool in_heading(size_t offset) const {
    const Block* b = doc_.block_at(offset);
    return b && b->kind == BlockKind::Heading;
  }

  // Word j directly follows word i in one name: separated by spaces (one line break at most), or
  // by ". " after an initial or an abbreviation such as "Jr".
  bool continues_name(size_t i, size_t j) const {
    const NameWord& a = words_[i];
    const NameWord& b = words_[j];
    if (a.possessive) return false;
    size_t from = a.end();
    if (from < b.offset && text_[from] == '.') {
      const std::string folded = fold_word(text_, a);
      if (a.length != 1 && !is_abbreviation_word(folded)) return false;
      ++from;
    }
    if (b.offset - from > 8) return false;
    int newlines = 0;
    return gap_is_space(text_, from, b.offset, newlines) && newlines <= 1;
  }

  // Word j and word i are separated by spaces only, on one line.
  bool adjacent_on_line(size_t i, size_t j) const {
    int newlines = 0;
    return words_[j].offset - words_[i].end() <= 4 && !words_[i].possessive &&
           gap_is_space(text_, words_[i].end(), words_[j].offset, newlines) && newlines == 0;
  }

  void lookup(std::string_view key, std::vector<Candidate>& out) const {
    out.clear();
    if (const auto* entries = kb_.lookup(key)) {
      for (const auto& e : *entries) out.push_back({e.person, e.kind, e.ambiguous});
    }
    if (local_names_.empty()) return;
    if (auto it = local_names_.find(std::string(key)); it != local_names_.end()) {
      for (const auto& c : it->second) out.push_back(c);
    }
  }

  bool starts_name(std::string_view folded) const {
    return kb_.starts_name(folded) ||
           (!local_first_.empty() && local_first_.count(std::string(folded)) > 0);
  }

  // ---- People the text introduces without the knowledge base knowing them ----

  void find_unknown_introductions() {
    for (size_t open = text_.find('('); open != std::string_view::npos;
         open = text_.find('(', open + 1)) {
      // Cheap test first: every life date has a digit soon after the bracket.
      const auto head = text_.substr(open, 48);
      if (head.find_first_of("0123456789") == std::string_view::npos) continue;
      // The name words right before the bracket (footnote markers skipped).
      size_t name_end = open;
      while (name_end > 0) {
        size_t length = 0;
        const char32_t c = utf8::decode_before(text_, name_end, length);
        if (utf8::is_space(c)) {
          name_end -= length;
        } else if (c == ']') {
          // Footnote markers are short: look no further back than that.
          const size_t window = std::min<size_t>(name_end, 24);
          const size_t found = text_.substr(name_end - window, window).rfind('[');
          if (found == std::string_view::npos) break;
          const size_t bracket = name_end - window + found;
          name_end = bracket;
        } else {
          break;
        }
      }
      auto it = std::lower_bound(words_.begin(), words_.end(), name_end,
                                 [](const NameWord& w, size_t pos) { return w.end() < pos; });
      if (it == words_.end() || it->end() != name_end) continue;
      size_t last = static_cast<size_t>(it - words_.begin());
      size_t first = last;
      while (first > 0 && last - first < 4 && continues_name(first - 1, first) &&
             (words_[first - 1].capitalised ||
              is_name_particle(fold_word(text_, words_[first - 1])))) {
        --first;
      }
      if (!words_[first].capitalised) ++first;
      if (first >= last) continue;  // at least two words
      std::vector<std::string> folded;
      for (size_t k = first; k <= last; ++k) folded.push_back(fold_word(text_, words_[k]));
      // A sentence-initial word that is no given name is not part of the name ("Yesterday Jan
      // Kowalski").
      if (last - first >= 2 && is_sentence_initial(first) && !is_given_name_like(folded.front())) {
        ++first;
        folded.erase(folded.begin());
      }
      if (last == first) continue;
      if (std::any_of(folded.begin(), folded.end(),
                      [](const std::string& f) { return is_event_noun(f); })) {
        continue;
      }
      std::string key;
      for (const auto& f : folded) key += (key.empty() ? "" : " ") + f;
      std::vector<Candidate> known;
      lookup(key, known);
      if (std::any_of(known.begin(), known.end(),
                      [](const Candidate& c) { return c.kind == NameKind::Full; })) {
        continue;  // a knowledge-base name: handled with the other mentions
      }
      if (in_references(open)) continue;
      const size_t limit = sentence_end(open);
      auto life = people_intro::read_life_after_name(text_, name_end, limit);
      if (!life || !(life->explicit_keyword || (life->birth && life->death))) continue;
      if (!life->explicit_keyword && !is_given_name_like(folded.front())) continue;
      if (!add_local_person(first, last, key, *life)) continue;
      if (const auto apposition = people_intro::read_apposition(text_, life->end, limit)) {
        out_.introduced.back().description = std::string(doc_.slice(*apposition));
      }
    }
    find_unknown_subject_introductions();
    find_unknown_apposition_introductions();
  }

  // "Anna Petrova, a seamstress from Tver, …": a name of two to four words the knowledge base
  // lacks, its first word a given name, followed by an appositive saying what the person was.
  void find_unknown_apposition_introductions() {
    for (size_t i = 1; i < words_.size(); ++i) {
      const NameWord& w = words_[i];
      if (!w.capitalised || w.possessive || w.end() >= text_.size() || text_[w.end()] != ',') {
        continue;
      }
      size_t first = i;
      while (first > 0 && i - first < 3 && words_[first - 1].capitalised &&
             continues_name(first - 1, first)) {
        --first;
      }
      if (first == i || in_references(w.offset)) continue;
      const size_t limit = sentence_end(w.offset);
      const auto apposition = people_intro::read_apposition(text_, w.end(), limit);
      if (!apposition) continue;
      std::vector<std::string> folded;
      for (size_t k = first; k <= i; ++k) folded.push_back(fold_word(text_, words_[k]));
      // "Yesterday Anna Petrova, a seamstress": a sentence-initial word that is no given name.
      if (i - first >= 2 && is_sentence_initial(first) && !is_given_name_like(folded.front())) {
        ++first;
        folded.erase(folded.begin());
      }
      if (!is_given_name_like(folded.front()) ||
          std::any_of(folded.begin(), folded.end(),
                      [](const std::string& f) { return is_event_noun(f); })) {
        continue;
      }
      std::string key;
      for (const auto& f : folded) key += (key.empty() ? "" : " ") + f;
      std::vector<Candidate> known;
      lookup(key, known);
      if (!known.empty()) continue;  // known already, from the knowledge base or a date
      if (add_local_person(first, i, key, people_intro::StatedLife{})) {
        out_.introduced.back().description = std::string(doc_.slice(*apposition));
      }
    }
  }

  // "Nikolai Tverskoy was born in Tver on 2 March 1879": a name of two to four words opening a
  // sentence, its first word a given name, followed by "was born" or "died" and a date.
  void find_unknown_subject_introductions() {
    for (const Sentence& sentence : doc_.sentences()) {
      auto it = std::lower_bound(words_.begin(), words_.end(), sentence.span.offset,
                                 [](const NameWord& w, size_t pos) { return w.offset < pos; });
      if (it == words_.end() || it->offset != sentence.span.offset || !it->capitalised) continue;
      const size_t first = static_cast<size_t>(it - words_.begin());
      size_t last = first;
      while (last + 1 < words_.size() && last - first < 3 && words_[last + 1].capitalised &&
             continues_name(last, last + 1)) {
        ++last;
      }
      if (last == first || words_[last].possessive) continue;
      // Cheapest test first: most sentences that open with a name do not go on "was born".
      const auto life =
          people_intro::read_life_verb(text_, words_[last].end(), sentence.span.end());
      if (!life || in_references(sentence.span.offset) ||
          !is_given_name_like(fold_word(text_, words_[first]))) {
        continue;
      }
      std::string key;
      for (size_t k = first; k <= last; ++k) {
        key += (key.empty() ? "" : " ") + fold_word(text_, words_[k]);
      }
      std::vector<Candidate> known;
      lookup(key, known);
      if (known.empty()) add_local_person(first, last, key, *life);  // else known already
    }
  }

  bool is_known_given(std::string_view folded) const {
    if (const auto* entries = kb_.lookup(folded)) {
      return std::any_of(entries->begin(), entries->end(),
                         [](const NameEntry& e) { return e.kind == NameKind::Given; });
    }
    return false;
  }

  // A capitalised word that is no English word in lower case reads as a given name: "Emil",
  // "Karel", but not "Yesterday", "Civil" or "Great". Without the dictionaries, only the
  // knowledge base's given names count.
  bool is_given_name_like(std::string_view folded) const {
    if (is_known_given(folded)) return true;
    const Dictionary& english = Dictionary::shared();
    return english.available() && !english.knows(folded);
  }

  // False when the person was introduced before: the first introduction stands.
  bool add_local_person(size_t first, size_t last, const std::string& key,
                        const people_intro::StatedLife& life) {
    const Span name_span{words_[first].offset, words_[last].end() - words_[first].offset};
    std::string id = "doc:" + key;
    std::replace(id.begin(), id.end(), ' ', '-');
    for (const auto& p : local_) {
      if (p.id == id) return false;
    }
    IntroducedPerson intro;
    intro.person_id = id;
    intro.name = std::string(doc_.slice(name_span));
    intro.aliases = life.aliases;
    intro.name_span = name_span;
    const Sentence* s = doc_.sentence_at(name_span.offset);
    intro.sentence_span = s ? s->span : name_span;
    set_dates(intro, life);
    LocalPerson person;
    person.id = id;
    person.introduced = out_.introduced.size();
    out_.introduced.push_back(std::move(intro));
    const uint32_t index = static_cast<uint32_t>(kb_.size() + local_.size());
    auto add = [&](const std::string& k, NameKind kind) {
      if (k.empty()) return;
      local_first_.insert(k.substr(0, k.find(' ')));
      auto& list = local_names_[k];
      for (const auto& c : list) {
        if (c.person == index) return;
      }
      list.push_back({index, kind});
    };
    add(key, NameKind::Full);
    // "Thomas Pepys of London": what follows "of" is a place, so the surname stands before it;
    // "Catherine of Aragon" has none.
    size_t surname_at = last;
    for (size_t k = first + 1; k <= last; ++k) {
      if (fold_word(text_, words_[k]) == "of") {
        surname_at = k - 1;
        break;
      }
    }
    const std::string surname =
        surname_at > first || first == last ? fold_word(text_, words_[surname_at]) : "";
    if (surname.size() > 1) add(surname, NameKind::Short);
    const std::string given = fold_word(text_, words_[first]);
    if (given.size() > 1 && !is_name_title(given)) add(given, NameKind::Given);
    person.initials.push_back(given.substr(0, 1));
    for (const auto& alias : out_.introduced[person.introduced].aliases) {
      const std::string folded = fold_name(alias);
      add(folded, folded.find(' ') == std::string::npos ? NameKind::Short : NameKind::Full);
      person.initials.push_back(folded.substr(0, 1));
    }
    local_.push_back(std::move(person));
    return true;
  }

  static void set_dates(IntroducedPerson& intro, const people_intro::StatedLife& life) {
    if (life.birth && !life.birth->approximate) {
      intro.birth = life.birth->date;
      intro.birth_span = life.birth->span;
    }
    if (life.death && !life.death->approximate) {
      intro.death = life.death->date;
      intro.death_span = life.death->span;
    }
  }

  // ---- Matching names against the knowledge base and the text's own people ----

  void match_names() {
    // Names introduced by the text have up to five words; very long knowledge-base aliases are
    // capped to keep the scan cheap.
    const size_t max_words = std::min<size_t>(16, std::max<size_t>(kb_.max_name_words(), 5));
    std::vector<std::string> keys;
    std::vector<Candidate> found;
    std::string folded;
    for (size_t i = 0; i < words_.size(); ++i) {
      const NameWord& w = words_[i];
      folded.clear();
      if (!w.capitalised) {
        // Only a particle may start a name in lower case ("de Gaulle", "van Gogh").
        if (w.length > 4 || i + 1 >= words_.size() || !words_[i + 1].capitalised) continue;
        append_folded(folded, text_.substr(w.offset, w.length));
        if (!is_name_particle(folded)) continue;
      } else {
        append_folded(folded, text_.substr(w.offset, w.length));
      }
      if (!starts_name(folded)) {
        if (w.capitalised) match_hyphenated(i);
        continue;
      }
      // Every longer name starting here, then the longest that is known.
      keys.clear();
      keys.push_back(folded);
      for (size_t j = i + 1; j < words_.size() && keys.size() < max_words; ++j) {
        if (!continues_name(j - 1, j)) break;
        std::string next = fold_word(text_, words_[j]);
        if (!words_[j].capitalised && !is_name_particle(next)) break;
        keys.push_back(keys.back() + " " + next);
      }
      size_t matched = 0;
      for (size_t n = keys.size(); n >= 1; --n) {
        const NameWord& last = words_[i + n - 1];
        if (!last.capitalised) continue;  // a name ends on a capitalised word
        lookup(keys[n - 1], found);
        if (!found.empty()) {
          matched = n;
          break;
        }
      }
      if (!matched) {
        if (w.capitalised) match_hyphenated(i);
        continue;
      }
      RawMention m;
      m.name = Span{w.offset, words_[i + matched - 1].end() - w.offset};
      m.span = m.name;
      m.key = keys[matched - 1];
      m.candidates = found;
      m.possessive = words_[i + matched - 1].possessive;
      const bool any_full = std::any_of(
          found.begin(), found.end(), [](const Candidate& c) { return c.kind == NameKind::Full; });
      const bool any_short = std::any_of(
          found.begin(), found.end(), [](const Candidate& c) { return c.kind == NameKind::Short; });
      m.form = any_full    ? MentionForm::FullName
               : any_short ? MentionForm::Short
                           : MentionForm::Given;
      // A full name means only the people of that full name; a short name keeps the people
      // whose given name it is too ("Hugo": Victor Hugo, or Hugo Chávez once he is named). A
      // shared name ("Philip II") keeps those whose short name it is: the text must choose.
      const bool any_shared =
          std::any_of(found.begin(), found.end(), [](const Candidate& c) { return c.ambiguous; });
      if (any_shared) {
        std::erase_if(m.candidates, [](const Candidate& c) { return c.kind == NameKind::Given; });
      } else if (any_full) {
        std::erase_if(m.candidates, [](const Candidate& c) { return c.kind != NameKind::Full; });
      }
      raw_.push_back(std::move(m));
      first_word_.push_back(i);
      last_word_.push_back(i + matched - 1);
      i += matched - 1;
    }
  }

  // "Stalin-Brezhnev-Gorbachev", "Hitler-Stalin": every part a known name. "Franco-Prussian" is
  // not ("Prussian" is nobody), so it yields nothing.
  void match_hyphenated(size_t i) {
    const NameWord& w = words_[i];
    const std::string_view word = text_.substr(w.offset, w.length);
    if (word.find('-') == std::string_view::npos) return;
    std::vector<RawMention> parts;
    std::vector<Candidate> found;
    size_t start = 0;
    while (start <= word.size()) {
      const size_t hyphen = std::min(word.find('-', start), word.size());
      const std::string_view part = word.substr(start, hyphen - start);
      size_t length = 0;
      if (part.empty() || !utf8::is_upper(utf8::decode(part, 0, length))) return;
      const std::string folded = fold_name(part);
      lookup(folded, found);
      std::erase_if(found, [](const Candidate& c) { return c.kind == NameKind::Given; });
      if (found.empty()) return;
      RawMention m;
      m.name = Span{w.offset + start, part.size()};
      m.span = m.name;
      m.key = folded;
      m.candidates = found;
      m.form = MentionForm::Short;
      m.possessive = hyphen == word.size() && w.possessive;
      parts.push_back(std::move(m));
      start = hyphen + 1;
    }
    for (auto& m : parts) {
      raw_.push_back(std::move(m));
      first_word_.push_back(i);
      last_word_.push_back(i);
    }
  }

  // ---- Context: titles, initials, places named after people, other people's surnames ----

  void apply_context() {
    std::vector<bool> keep(raw_.size(), true);
    for (size_t k = 0; k < raw_.size(); ++k) {
      RawMention& m = raw_[k];
      const size_t first = first_word_[k];
      const size_t last = last_word_[k];
      const bool whole_word =
          m.name.offset == words_[first].offset && m.name.end() == words_[last].end();
      // "Lenin Square", "Trotsky Street", "Marshall Plan": a place or thing, not the person.
      if (!m.possessive && whole_word && last + 1 < words_.size() && words_[last + 1].capitalised &&
          adjacent_on_line(last, last + 1) &&
          is_named_thing_noun(fold_word(text_, words_[last + 1]))) {
        keep[k] = false;
        continue;
      }
      // Titles before the name: "Tsar Nicholas II", "Comrade Corbyn", "Deputy Leader Tom Watson".
      size_t before = first;
      while (whole_word && before > 0 && first - before < 3) {
        const NameWord& prev = words_[before - 1];
        const std::string folded = fold_word(text_, prev);
        if (!prev.capitalised || !is_name_title(folded)) break;
        const size_t gap_start =
            prev.end() < text_.size() && text_[prev.end()] == '.' ? prev.end() + 1 : prev.end();
        int newlines = 0;
        if (words_[before].offset - gap_start > 4 ||
            !gap_is_space(text_, gap_start, words_[before].offset, newlines) || newlines > 0) {
          break;
        }
        --before;
        if (!m.titled) m.title = folded;
        m.titled = true;
        if (const int sex = title_sex(folded)) m.sex_hint = sex;
      }
      // Initials before a surname: "L. D. Trotsky", "V.I. Lenin".
      if (whole_word && !m.titled && m.form != MentionForm::FullName) {
        size_t initial_start = first;
        while (initial_start > 0 && first - initial_start < 3) {
          const NameWord& prev = words_[initial_start - 1];
          if (prev.length != 1 || !prev.capitalised || prev.end() >= text_.size() ||
              text_[prev.end()] != '.' || !continues_name(initial_start - 1, initial_start)) {
            break;
          }
          --initial_start;
        }
        if (initial_start < first) {
          m.initial = fold_word(text_, words_[initial_start])[0];
          m.span = Span{words_[initial_start].offset, m.name.end() - words_[initial_start].offset};
          m.form = MentionForm::FullName;
          before = initial_start;
        }
      }
      if (m.titled) {
        m.span = Span{words_[before].offset, m.name.end() - words_[before].offset};
      }
      // "Lincoln, the capital of Nebraska": a bare name that an apposition makes a place.
      if (whole_word && m.form != MentionForm::FullName && !m.titled && !m.possessive &&
          place_apposition_follows(last)) {
        keep[k] = false;
        continue;
      }
      // "HMS Nelson", "in Marlborough", "the Walpole ministry": a ship, a place, an attribute.
      if (whole_word && before > 0 && adjacent_on_line(before - 1, before)) {
        const std::string previous = fold_word(text_, words_[before - 1]);
        const bool bare_surname = m.form != MentionForm::FullName && !m.titled && !m.possessive;
        // "in St. Louis": a shared name after a place preposition is a place as well.
        const bool shared_name =
            !m.possessive && std::any_of(m.candidates.begin(), m.candidates.end(),
                                         [](const Candidate& c) { return c.ambiguous; });
        if (is_ship_prefix(previous) || is_ship_noun(previous) ||
            ((bare_surname || shared_name) && is_place_preposition(previous)) ||
            (bare_surname && previous == "the" && sentence_speaks_of_ship(m.span.offset))) {
          keep[k] = false;
          continue;
        }
        m.attributive = bare_surname && previous == "the";
      }
      m.sentence = sentence_index(m.span.offset);
      m.block = block_index(m.span.offset);
      m.sentence_initial = is_sentence_initial(before);
      if (m.form == MentionForm::FullName || m.titled) continue;
      // A surname or given name right after another capitalised word that is not a title
      // belongs to someone else: "Brandon Johnson", "Olivia Wood", "Fort Lincoln", and at the
      // start of a sentence "Emil Novak" (but not "Yesterday Novak").
      if (whole_word && before > 0 && words_[before - 1].capitalised &&
          adjacent_on_line(before - 1, before) &&
          (!is_sentence_initial(before - 1) ||
           is_given_name_like(fold_word(text_, words_[before - 1])))) {
        // "Horace Walpole": a bare "Walpole" later is more likely him than the famous holder.
        if (m.form == MentionForm::Short &&
            is_given_name_like(fold_word(text_, words_[before - 1]))) {
          strangers_.try_emplace(m.key, m.span.offset);
        }
        keep[k] = false;
        continue;
      }
      // A given name or surname followed by a capitalised word is part of another name ("Leon
      // Blum", "Scott Cooper"); headings are exempt, as Title Case capitalises every word.
      if (whole_word && !m.possessive && last + 1 < words_.size() && words_[last + 1].capitalised &&
          adjacent_on_line(last, last + 1) && !in_heading(m.span.offset)) {
        const std::string next = fold_word(text_, words_[last + 1]);
        if (!(lex_classes(next) & kTitleCaseJoiner) && !starts_name(next)) {
          keep[k] = false;
          continue;
        }
      }
    }
    std::vector<RawMention> kept;
    for (size_t k = 0; k < raw_.size(); ++k) {
      if (keep[k]) kept.push_back(std::move(raw_[k]));
    }
    raw_ = std::move(kept);
  }

  // ---- Resolution in text order ----

  Sex sex_of(uint32_t person) const {
    return person < kb_.size() ? kb_.people()[person].sex : Sex::Unknown;
  }

  bool initial_matches(uint32_t person, char initial) const {
    auto starts = [&](std::string_view name) {
      const std::string folded = fold_name(name);
      return !folded.empty() && folded[0] == initial;
    };
    if (person >= kb_.size()) {
      for (const auto& i : local_[person - kb_.size()].initials) {
        if (!i.empty() && i[0] == initial) return true;
      }
      return false;
    }
    const Person& p = kb_.people()[person];
    if (starts(p.name)) return true;
    for (const auto& a : p.aliases) {
      if (starts(a)) return true;
    }
    for (const auto& g : p.given_names) {
      if (starts(g)) return true;
    }
    return false;
  }

  // The years of the document's own dates, outside quotations and references.
  void collect_document_years() {
    for (const DateMention& d : analysis_.facts<DateFacts>().dates) {
      if (d.value.year != 0 && !d.in_references && !d.in_quotation) {
        document_years_.push_back(d.value.year);
        block_years_[block_index(d.span.offset)].push_back(d.value.year);
      }
    }
  }

  // Where a person's life lies against the document's dates: within it when at least a quarter
  // of them fall between ten years before their birth and thirty after their death; else
  // mostly before their birth (Earlier: "Berlin" in a text about the 1840s is the city) or
  // after their death (Later: "As Marx explained" in a text of 2005).
  enum class Era { Within, Earlier, Later };
  Era era_of(uint32_t person) {
    if (document_years_.empty() || person >= kb_.size()) return Era::Within;
    if (auto it = era_cache_.find(person); it != era_cache_.end()) return it->second;
    return era_cache_[person] = compute_era(kb_.people()[person]);
  }

  Era compute_era(const Person& p) const {
    const auto life = life_years(p);
    if (!life) return Era::Within;
    const auto [born, died] = *life;
    long within = 0;
    long earlier = 0;
    for (int year : document_years_) {
      if (year < born - 10) {
        ++earlier;
      } else if (year <= died + 30) {
        ++within;
      }
    }
    const long later = static_cast<long>(document_years_.size()) - within - earlier;
    if (within * 4 >= static_cast<long>(document_years_.size())) return Era::Within;
    return earlier > later ? Era::Earlier : Era::Later;
  }

  // "duke of marlborough", "3rd marquess of salisbury": a title and a place, no personal name.
  static bool is_inherited_title(std::string_view key) {
    const size_t of = key.find(" of ");
    if (of == std::string_view::npos) return false;
    std::string_view head = key.substr(0, of);
    if (const size_t space = head.rfind(' '); space != std::string_view::npos) {
      head = head.substr(space + 1);
    }
    static const std::unordered_set<std::string_view> kTitles = {
        "duke",  "duchess",  "earl",  "countess", "marquess", "marquis", "viscount",
        "baron", "baroness", "count", "prince",   "princess", "lord"};
    return kTitles.count(head) > 0;
  }

  // "Edward, the eldest son of Edward III": the one person of the given name whom the knowledge
  // base describes as a child of the parent the apposition names ("son of Edward III"), or nullopt.
  std::optional<uint32_t> child_named_by_parent(size_t end,
                                                const std::vector<Candidate>& cands) const {
    auto it = std::lower_bound(words_.begin(), words_.end(), end,
                               [](const NameWord& w, size_t at) { return w.offset < at; });
    // The apposition's words, with nothing but spaces (and one comma after the name) between.
    size_t previous_end = end;
    auto next_word = [&]() -> std::string {
      if (it == words_.end()) return {};
      const std::string_view gap = text_.substr(previous_end, it->offset - previous_end);
      const bool after_name = previous_end == end;
      if (gap.find_first_not_of(after_name ? " ," : " ") != std::string_view::npos) return {};
      previous_end = it->end();
      return fold_word(text_, *it++);
    };
    std::string w = next_word();
    if (w == "the") w = next_word();
    static const std::unordered_set<std::string_view> kModifiers = {
        "eldest", "elder", "younger", "youngest", "second", "third", "fourth", "only", "surviving"};
    for (int skipped = 0; skipped < 2 && kModifiers.count(w); ++skipped) w = next_word();
    if ((w != "son" && w != "daughter") || next_word() != "of" || it == words_.end()) {
      return std::nullopt;
    }
    // The parent: the name the text recognises right after "of".
    const size_t parent_at = it->offset;
    const auto parent =
        std::lower_bound(raw_.begin(), raw_.end(), parent_at,
                         [](const RawMention& m, size_t at) { return m.span.offset < at; });
    if (parent == raw_.end() || parent->span.offset != parent_at) return std::nullopt;
    const std::string relation =
        " " + w + " of " + fold_name(text_.substr(parent->name.offset, parent->name.length)) + " ";
    std::optional<uint32_t> child;
    for (const Candidate& c : cands) {
      if (c.kind != NameKind::Given || c.person >= kb_.size()) continue;
      const std::string description = " " + fold_name(kb_.people()[c.person].description) + " ";
      if (description.find(relation) == std::string::npos) continue;
      if (child && *child != c.person) return std::nullopt;
      child = c.person;
    }
    return child;
  }

  // ", their eldest son", ", his sister" right after a name.
  bool followed_by_relative_apposition(size_t end) const {
    size_t pos = end;
    while (pos < text_.size() && text_[pos] == ' ') ++pos;
    if (pos >= text_.size() || text_[pos] != ',') return false;
    auto it = std::lower_bound(words_.begin(), words_.end(), pos,
                               [](const NameWord& w, size_t at) { return w.offset < at; });
    if (it == words_.end() || it->offset - pos > 3) return false;
    const std::string next = fold_word(text_, *it);
    return next == "his" || next == "her" || next == "their";
  }

  struct Seen {
    size_t offset = 0;
    uint32_t block = UINT32_MAX;
  };

  // True when the text has `word` as a whole word.
  bool text_has_word(std::string_view word) const {
    for (size_t pos = text_.find(word); pos != std::string_view::npos;
         pos = text_.find(word, pos + 1)) {
      size_t length = 0;
      const bool starts = pos == 0 || !utf8::is_letter(utf8::decode_before(text_, pos, length));
      const size_t end = pos + word.size();
      const bool ends = end >= text_.size() || !utf8::is_letter(utf8::decode(text_, end, length));
      if (starts && ends) return true;
    }
    return false;
  }

  // Whether the document names the realm of one of the person's roles: "England" or "English"
  // for a King of England, "Roman" for a Holy Roman Emperor, "Byzantine" for a Byzantine Emperor.
  bool document_names_realm(uint32_t person) {
    if (auto it = realm_cache_.find(person); it != realm_cache_.end()) return it->second;
    static const std::unordered_map<std::string_view, std::vector<std::string_view>> kAdjectives = {
        {"England", {"English"}},   {"France", {"French"}},    {"Scotland", {"Scottish", "Scots"}},
        {"Castile", {"Castilian"}}, {"Aragon", {"Aragonese"}}, {"Portugal", {"Portuguese"}},
        {"Franks", {"Frankish"}},   {"Germany", {"German"}},   {"Navarre", {"Navarrese"}},
        {"Sicily", {"Sicilian"}}};
    // An office without a realm ("Pope") leaves the era to decide.
    bool found = true;
    for (const Role& role : kb_.people()[person].roles) {
      const std::vector<NameWord> words = split_name_words(role.title);
      if (words.size() < 2) continue;
      found = false;
      auto word_at = [&](size_t k) {
        return std::string_view(role.title).substr(words[k].offset, words[k].length);
      };
      // The realm follows the last "of" ("King of the Franks"), or precedes the office
      // ("Holy Roman Emperor").
      std::string_view realm = word_at(words.size() - 2);
      for (size_t k = words.size() - 1; k > 0; --k) {
        if (word_at(k - 1) != "of") continue;
        realm = word_at(k) == "the" && k + 1 < words.size() ? word_at(k + 1) : word_at(k);
        break;
      }
      found = text_has_word(realm);
      if (auto it = kAdjectives.find(realm); !found && it != kAdjectives.end()) {
        found = std::any_of(it->second.begin(), it->second.end(),
                            [&](std::string_view adjective) { return text_has_word(adjective); });
      }
      if (found) break;
    }
    return realm_cache_[person] = found;
  }

  // Whether one of the person's roles has the office a title names ("emperor", "king", "pope").
  bool held_office(uint32_t person, std::string_view title) const {
    const auto& roles = kb_.people()[person].roles;
    return std::any_of(roles.begin(), roles.end(), [&](const Role& role) {
      const std::string folded = fold_name(role.title);
      return folded == title || folded.starts_with(std::string(title) + " ") ||
             folded.find(" " + std::string(title)) != std::string::npos;
    });
  }

  // A name several people share ("Henry II": England, France, the Empire, Castile) names one of
  // them only where the text settles which: the candidate it last named unambiguously ("Henry II
  // of England"), the only candidate of the document's era who held the title before the name
  // ("Emperor Henry IV"), or the only candidate of the document's era whose realm it names.
  // False when the paragraph has dates and none falls within the person's life (ten years before
  // to thirty after): "crowned in 1002, he died in 1024" is no king of the twelfth century.
  bool fits_paragraph(uint32_t person, uint32_t block) const {
    const auto years = block_years_.find(block);
    if (years == block_years_.end() || person >= kb_.size()) return true;
    const auto life = life_years(kb_.people()[person]);
    if (!life) return true;
    // Named copies: clang 14 rejects a lambda capturing a structured binding.
    const int born = life->first;
    const int died = life->second;
    return std::any_of(years->second.begin(), years->second.end(),
                       [&](int year) { return year >= born - 10 && year <= died + 30; });
  }

  std::optional<uint32_t> settle_shared_name(
      const RawMention& m, const std::unordered_map<uint32_t, Seen>& established) {
    std::optional<uint32_t> latest;
    size_t latest_offset = 0;
    std::vector<uint32_t> known;
    for (const Candidate& c : m.candidates) {
      const bool fits = fits_paragraph(c.person, m.block);
      if (auto it = established.find(c.person);
          fits && it != established.end() && (!latest || it->second.offset > latest_offset)) {
        latest = c.person;
        latest_offset = it->second.offset;
      }
      if (c.person < kb_.size() && std::find(known.begin(), known.end(), c.person) == known.end()) {
        known.push_back(c.person);
      }
    }
    if (latest) return latest;
    // Every holder counts for the title; only those whose life fits the paragraph may be chosen.
    if (!m.title.empty()) {
      std::vector<uint32_t> office_holders;
      for (uint32_t p : known) {
        if (held_office(p, m.title)) office_holders.push_back(p);
      }
      if (office_holders.size() == 1 && era_of(office_holders[0]) == Era::Within &&
          fits_paragraph(office_holders[0], m.block)) {
        return office_holders[0];
      }
      if (!office_holders.empty()) known = std::move(office_holders);
    }
    if (document_years_.empty()) return std::nullopt;
    std::optional<uint32_t> of_era;
    size_t count = 0;
    for (uint32_t p : known) {
      if (era_of(p) != Era::Within || !document_names_realm(p)) continue;
      of_era = p;
      ++count;
    }
    if (of_era && !fits_paragraph(*of_era, m.block)) return std::nullopt;
    return count == 1 ? of_era : std::nullopt;
  }

  void resolve() {
    std::unordered_map<uint32_t, Seen> established;  // last full naming
    std::unordered_map<uint32_t, Seen> mentioned;    // last resolved mention
    std::vector<bool> keep(raw_.size(), true);
    for (size_t k = 0; k < raw_.size(); ++k) {
      RawMention& m = raw_[k];
      auto& cands = m.candidates;
      if (m.sex_hint) {
        const Sex wanted = m.sex_hint > 0 ? Sex::Male : Sex::Female;
        std::vector<Candidate> filtered;
        for (const auto& c : cands) {
          const Sex s = sex_of(c.person);
          if (s == Sex::Unknown || s == wanted) filtered.push_back(c);
        }
        if (!filtered.empty()) cands = std::move(filtered);
      }
      if (m.initial) {
        std::erase_if(cands,
                      [&](const Candidate& c) { return !initial_matches(c.person, m.initial); });
        if (cands.empty()) {
          keep[k] = false;  // "J. Smith" is none of the Smiths whose names start otherwise
          continue;
        }
      }
      // Most recently established candidates first.
      auto recency = [&](const std::unordered_map<uint32_t, Seen>& seen) {
        std::stable_sort(cands.begin(), cands.end(), [&](const Candidate& a, const Candidate& b) {
          auto ia = seen.find(a.person);
          auto ib = seen.find(b.person);
          const long ra = ia == seen.end() ? -1 : static_cast<long>(ia->second.offset);
          const long rb = ib == seen.end() ? -1 : static_cast<long>(ib->second.offset);
          return ra > rb;
        });
      };
      const bool common_word = is_common_word_name(m.key);
      const bool common_surname = is_common_surname(m.key);
      std::optional<uint32_t> chosen;
      const bool shared_name =
          std::any_of(cands.begin(), cands.end(), [](const Candidate& c) { return c.ambiguous; });
      if (shared_name) {
        // Settled, not established: only an unshared name establishes its holder.
        chosen = settle_shared_name(m, established);
      } else {
        switch (m.form) {
          case MentionForm::FullName: {
            if (cands.size() == 1) {
              chosen = cands[0].person;
            } else {
              recency(established);
              if (established.count(cands[0].person)) chosen = cands[0].person;
            }
            // "Duke of Marlborough", "Earl of Orford": titles pass from holder to holder, so one
            // names the knowledge base's holder only in that holder's era.
            if (chosen && is_inherited_title(m.key) && era_of(*chosen) != Era::Within) {
              chosen.reset();
            }
            break;
          }
          case MentionForm::Short: {
            // Someone named in full earlier, by surname or by given name, comes first.
            recency(established);
            auto it = established.find(cands[0].person);
            const bool same_block = it != established.end() && it->second.block == m.block;
            std::vector<Candidate> surnames;
            bool also_given_name = false;
            for (const auto& c : cands) {
              if (c.kind == NameKind::Short) {
                surnames.push_back(c);
              } else {
                also_given_name = true;
              }
            }
            // Someone the knowledge base does not know was named with this surname first.
            const auto stranger = strangers_.find(m.key);
            const bool stranger_first =
                stranger != strangers_.end() && stranger->second < m.span.offset &&
                (it == established.end() || stranger->second > it->second.offset);
            if (stranger_first) {
              // Unresolved: the candidates stay for the hover.
            } else if (it != established.end()) {
              if ((common_word || common_surname) && !same_block) {
                if (common_word && !m.titled) keep[k] = false;
              } else {
                chosen = cands[0].person;
              }
            } else if (m.titled && surnames.size() == 1) {
              chosen = surnames[0].person;
            } else if ((common_word || also_given_name) && !m.titled) {
              // "May", "Bush", "Anthony", "Hugo": a word or a first name as often as a surname.
              keep[k] = false;
            } else if (surnames.size() == 1 && !common_surname) {
              // The only holder of a surname: not before their time, and only named in passing
              // (no date evidence) long after it.
              const Era era = era_of(surnames[0].person);
              if (era != Era::Earlier) chosen = surnames[0].person;
              if (era == Era::Later) m.in_passing = true;
            }
            // Given-name candidates nobody introduced are not candidates at all.
            std::erase_if(cands, [&](const Candidate& c) {
              return c.kind == NameKind::Given && !established.count(c.person);
            });
            break;
          }
          case MentionForm::Given: {
            if (const auto child = child_named_by_parent(m.span.end(), cands)) {
              chosen = *child;
              break;
            }
            std::erase_if(cands, [&](const Candidate& c) { return !established.count(c.person); });
            if (cands.empty() || (is_common_given_name(m.key) && m.sentence_initial)) {
              keep[k] = false;
              break;
            }
            // "Henry, their eldest son": a relative who shares the first name, someone else.
            if (followed_by_relative_apposition(m.span.end())) {
              cands.clear();
              break;
            }
            recency(mentioned);
            if (cands.size() == 1) {
              chosen = cands[0].person;
            } else if (auto it = mentioned.find(cands[0].person);
                       it != mentioned.end() && it->second.block == m.block) {
              chosen = cands[0].person;
            }
            break;
          }
        }
      }
      if (!keep[k]) continue;
      if (chosen) {
        // The chosen person first, the other candidates after.
        std::stable_partition(cands.begin(), cands.end(),
                              [&](const Candidate& c) { return c.person == *chosen; });
        resolved_.push_back(*chosen);
        mentioned[*chosen] = Seen{m.span.offset, m.block};
        if (m.form == MentionForm::FullName && !shared_name) {
          established[*chosen] = Seen{m.span.offset, m.block};
        }
      } else {
        resolved_.push_back(UINT32_MAX);
      }
      kept_.push_back(k);
    }
  }

  // ---- Life dates stated beside known people's names ----

  // Reference lists and footnotes cite titles ("Trotsky 1929–1940"), not lives.
  bool in_references(size_t offset) const {
    const Block* b = doc_.block_at(offset);
    return b && (b->in_reference_section || b->kind == BlockKind::FootnoteDefinition);
  }

  // "Louis XVI (1774–92)": a range without "born" or "died" that matches the years of one of
  // the person's roles is a term of office, not a lifespan.
  static bool is_term_of_office(const Person& person, const people_intro::StatedLife& life) {
    if (life.explicit_keyword || !life.birth || !life.death) return false;
    const int from = life.birth->date.date.year;
    const int to = life.death->date.date.year;
    return std::any_of(person.roles.begin(), person.roles.end(), [&](const Role& role) {
      return role.from && role.to && std::abs(role.from->date.year - from) <= 1 &&
             std::abs(role.to->date.year - to) <= 1;
    });
  }

  void find_known_introductions() {
    for (size_t n = 0; n < kept_.size(); ++n) {
      const uint32_t person = resolved_[n];
      if (person == UINT32_MAX || person >= kb_.size()) continue;
      const RawMention& m = raw_[kept_[n]];
      if (in_references(m.span.offset)) continue;
      const size_t limit = sentence_end(m.span.offset);
      std::optional<people_intro::StatedLife> life;
      if (!m.possessive) life = people_intro::read_life_after_name(text_, m.name.end(), limit);
      if (!life && !m.possessive && m.sentence_initial) {
        life = people_intro::read_life_verb(text_, m.name.end(), limit);
      }
      if (!life || is_term_of_office(kb_.people()[person], *life)) continue;
      IntroducedPerson intro;
      intro.person_id = kb_.people()[person].id;
      intro.name = std::string(doc_.slice(m.name));
      intro.aliases = life->aliases;
      intro.name_span = m.name;
      const Sentence* s = doc_.sentence_at(m.span.offset);
      intro.sentence_span = s ? s->span : m.span;
      set_dates(intro, *life);
      if (!intro.birth && !intro.death) continue;
      out_.introduced.push_back(std::move(intro));
    }
  }

  // ---- Output ----

  std::string id_of(uint32_t person) const {
    return person < kb_.size() ? kb_.people()[person].id : local_[person - kb_.size()].id;
  }

  void build_output() {
    out_.mentions.reserve(kept_.size());
    for (size_t n = 0; n < kept_.size(); ++n) {
      const RawMention& m = raw_[kept_[n]];
      PersonMention pm;
      pm.span = m.span;
      pm.form = m.form;
      pm.possessive = m.possessive;
      pm.sentence = m.sentence;
      pm.attributive = m.attributive;
      pm.date_evidence = !m.attributive && !m.in_passing;
      if (resolved_[n] != UINT32_MAX) pm.person_id = id_of(resolved_[n]);
      for (const auto& c : m.candidates) {
        std::string id = id_of(c.person);
        if (std::find(pm.candidates.begin(), pm.candidates.end(), id) == pm.candidates.end()) {
          pm.candidates.push_back(std::move(id));
        }
      }
      out_.mentions.push_back(std::move(pm));
    }
    // Hyphenated compounds were matched out of order; mentions must be sorted and disjoint.
    std::stable_sort(out_.mentions.begin(), out_.mentions.end(),
                     [](const PersonMention& a, const PersonMention& b) {
                       return a.span.offset < b.span.offset;
                     });
    for (uint32_t i = 0; i < out_.mentions.size(); ++i) {
      if (!out_.mentions[i].person_id.empty()) {
        out_.by_person_[out_.mentions[i].person_id].push_back(i);
      }
    }
    std::stable_sort(out_.introduced.begin(), out_.introduced.end(),
                     [](const IntroducedPerson& a, const IntroducedPerson& b) {
                       return a.name_span.offset < b.name_span.offset;
                     });
  }

  const Analysis& analysis_;
  const Document& doc_;
  const KnowledgeBase& kb_;
  std::string_view text_;
  PeopleFacts& out_;
  std::vector<NameWord> words_;
  std::vector<LocalPerson> local_;
  std::unordered_map<std::string, std::vector<Candidate>> local_names_;
  std::unordered_set<std::string> local_first_;
  std::vector<RawMention> raw_;
  std::vector<size_t> first_word_;  // parallel to raw_ until apply_context
  std::vector<size_t> last_word_;
  std::vector<size_t> kept_;        // indices into raw_ of the mentions that stand
  std::vector<uint32_t> resolved_;  // parallel to kept_: the person, or UINT32_MAX
  std::vector<int> document_years_;
  std::unordered_map<uint32_t, bool> realm_cache_;
  std::unordered_map<uint32_t, std::vector<int>> block_years_;  // block -> its dates' years
  std::unordered_map<uint32_t, Era> era_cache_;
  // Surnames the text gives to people the knowledge base lacks ("Horace Walpole"): the offset of
  // the first such naming.
  std::unordered_map<std::string, size_t> strangers_;
};

BlockNameWords BlockNameWords::extract_block(const Analysis& analysis, const Block& block) {
  return {split_name_words(analysis.doc().prose_slice(block.span))};
}

PeopleFacts PeopleFacts::extract(const Analysis& analysis) {
  PeopleFacts facts;
  PeopleExtractor(analysis, facts).run();
  return facts;
}

const PersonMention* PeopleFacts::mention_at(size_t offset) const {
  auto it =
      std::upper_bound(mentions.begin(), mentions.end(), offset,
                       [](size_t pos, const PersonMention& m) { return pos < m.span.offset; });
  if (it == mentions.begin()) return nullptr;
  --it;
  return offset < it->span.end() ? &*it : nullptr;
}

std::vector<const PersonMention*> PeopleFacts::mentions_of(std::string_view person_id) const {
  std::vector<const PersonMention*> out;
  if (auto it = by_person_.find(std::string(person_id)); it != by_person_.end()) {
    for (uint32_t i : it->second) out.push_back(&mentions[i]);
  }
  return out;
}

size_t PeopleFacts::mention_count(std::string_view person_id) const {
  auto it = by_person_.find(std::string(person_id));
  return it == by_person_.end() ? 0 : it->second.size();
}

const IntroducedPerson* PeopleFacts::introduction(std::string_view person_id) const {
  for (const auto& intro : introduced) {
    if (intro.person_id == person_id) return &intro;
  }
  return nullptr;
}

const Person* PeopleFacts::person(std::string_view person_id) const {
  return kb_ ? kb_->find(person_id) : nullptr;
}

std::optional<Related> PeopleFacts::kb_evidence(std::string_view person_id,
                                                std::string_view fact) const {
  const Person* p = person(person_id);
  if (!p || p->source_file.empty()) return std::nullopt;
  return Related{p->source_file, Span{p->source_offset, p->source_length},
                 "Knowledge-base entry for " + p->name + ": " + std::string(fact)};
}

std::string PeopleFacts::display_name(std::string_view person_id) const {
  if (const Person* p = person(person_id)) return p->name;
  if (const IntroducedPerson* intro = introduction(person_id)) return intro->name;
  return std::string(person_id);
}

const std::vector<DatedEvent>& PeopleFacts::events(std::string_view person_id) const {
  static const std::vector<DatedEvent> kNone;
  const Person* p = person(person_id);
  return p ? p->events : kNone;
}

namespace {

// True when a date the text states can be the knowledge base's date: equal at the precision
// both give, in either calendar the knowledge base records.
bool same_date(const PartialDate& text, const PartialDate& kb) {
  const DatePrecision precision =
      std::min(std::min(text.precision, kb.precision), DatePrecision::Day);
  if (precision < DatePrecision::Year) return true;  // decades and centuries: nothing to compare
  auto equal = [&](const CivilDate& a, const CivilDate& b) {
    if (a.year != b.year) return false;
    if (precision >= DatePrecision::Month && a.month != b.month) return false;
    if (precision >= DatePrecision::Day && a.day != b.day) return false;
    return true;
  };
  std::vector<CivilDate> text_forms = {text.date};
  if (text.julian) text_forms.push_back(*text.julian);
  if (text.calendar == Calendar::Julian && text.precision == DatePrecision::Day) {
    text_forms.push_back(text.gregorian());
  }
  std::vector<CivilDate> kb_forms = {kb.date};
  if (kb.julian) kb_forms.push_back(*kb.julian);
  if (kb.calendar == Calendar::Julian && kb.precision == DatePrecision::Day) {
    kb_forms.push_back(kb.gregorian());
  }
  // Old Style English years began on 25 March: "11 February 1731" (O.S.) is 11 February 1732.
  const CivilDate old_style = kb.julian ? *kb.julian : kb.date;
  if ((kb.julian || kb.calendar == Calendar::Julian) && old_style.month > 0 &&
      (old_style.month < 3 || (old_style.month == 3 && old_style.day < 25))) {
    kb_forms.push_back(CivilDate{old_style.year - 1, old_style.month, old_style.day});
  }
  for (const auto& a : text_forms) {
    for (const auto& b : kb_forms) {
      if (equal(a, b)) return true;
    }
  }
  return false;
}

}  // namespace

std::optional<LifeDates> PeopleFacts::life(std::string_view person_id) const {
  LifeDates life;
  const Person* p = person(person_id);
  if (p) {
    if (p->birth) {
      life.birth = p->birth->date;
      life.birth_place = p->birth->place;
    }
    if (p->death) {
      life.death = p->death->date;
      life.death_place = p->death->place;
    }
  }
  bool stated = false;
  for (const auto& intro : introduced) {
    if (intro.person_id != person_id) continue;
    stated = true;
    // A stated date that agrees with a more precise knowledge-base date ("born in 1879") leaves
    // the full date in place, so ages are measured from the day.
    auto agrees_coarser = [](const std::optional<PartialDate>& stated,
                             const std::optional<LifeEvent>& known) {
      return known && known->date.precision > stated->precision && same_date(*stated, known->date);
    };
    if (intro.birth && !life.birth_from_text && !(p && agrees_coarser(intro.birth, p->birth))) {
      life.birth = intro.birth;
      life.birth_from_text = true;
      life.birth_span = intro.birth_span;
    }
    if (intro.death && !life.death_from_text && !(p && agrees_coarser(intro.death, p->death))) {
      life.death = intro.death;
      life.death_from_text = true;
      life.death_span = intro.death_span;
    }
  }
  if (!p && !stated) return std::nullopt;
  return life;
}

std::vector<LifeDateConflict> PeopleFacts::life_date_conflicts() const {
  std::vector<LifeDateConflict> out;
  for (const auto& intro : introduced) {
    const Person* p = person(intro.person_id);
    if (!p) continue;
    struct Check {
      const std::optional<PartialDate>& stated;
      Span span;
      const std::optional<LifeEvent>& known;
      bool is_birth;
    };
    const Check checks[] = {{intro.birth, intro.birth_span, p->birth, true},
                            {intro.death, intro.death_span, p->death, false}};
    // Dates all far from the knowledge base's belong to a namesake ("John Smith (1580–1631)"),
    // not to a slip of the pen about this person.
    bool any_compared = false;
    bool any_close = false;
    for (const auto& c : checks) {
      if (!c.stated || !c.known) continue;
      any_compared = true;
      if (std::abs(c.stated->date.year - c.known->date.date.year) <= 5) any_close = true;
    }
    if (!any_compared || !any_close) continue;
    for (const auto& c : checks) {
      if (!c.stated || !c.known || same_date(*c.stated, c.known->date)) continue;
      out.push_back(conflict_with(*p, c.is_birth, *c.stated, c.span));
    }
  }
  return out;
}

std::optional<LifeDateConflict> PeopleFacts::kb_conflict(std::string_view person_id, bool is_birth,
                                                         const PartialDate& stated,
                                                         Span span) const {
  const Person* p = person(person_id);
  if (!p) return std::nullopt;
  const std::optional<LifeEvent>& known = is_birth ? p->birth : p->death;
  // Dates far from the knowledge base's belong to a namesake, as in life_date_conflicts.
  if (!known || std::abs(stated.date.year - known->date.date.year) > 5 ||
      same_date(stated, known->date)) {
    return std::nullopt;
  }
  return conflict_with(*p, is_birth, stated, span);
}

LifeDateConflict PeopleFacts::conflict_with(const Person& p, bool is_birth,
                                            const PartialDate& stated, Span span) {
  LifeDateConflict conflict;
  conflict.person_id = p.id;
  conflict.is_birth = is_birth;
  conflict.text_date = stated;
  conflict.text_span = span;
  conflict.kb_date = (is_birth ? p.birth : p.death)->date;
  conflict.kb_file = p.source_file;
  conflict.kb_line = p.source_line;
  conflict.kb_span = Span{p.source_offset, p.source_length};
  return conflict;
}

}  // namespace histlint

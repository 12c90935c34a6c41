#include "rules/extract/date_people.h"

#include <algorithm>
#include <cctype>
#include <optional>

#include "rules/analysis.h"
#include "rules/extract/date_tokens.h"
#include "rules/extract/people.h"
#include "rules/extract/people_words.h"
#include "rules/kb/name_fold.h"
#include "rules/text/dictionary.h"
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

// What stands just before (or after) `offset` in the sentence: the word, or a punctuation
// mark, or nothing at the sentence's edge.
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

// The word right after `offset` when only spaces lie between (empty after punctuation).
Before after(std::string_view prose, size_t sentence_end, size_t offset) {
  size_t pos = offset;
  size_t len = 0;
  while (pos < sentence_end && utf8::is_space(utf8::decode(prose, pos, len))) pos += len;
  if (pos >= sentence_end) return Before{{}, 0, true};
  const char32_t c = utf8::decode(prose, pos, len);
  if (!utf8::is_letter(c)) return Before{{}, c, false};
  size_t end = pos;
  while (end < sentence_end && utf8::is_letter(utf8::decode(prose, end, len))) end += len;
  return Before{prose.substr(pos, end - pos), 0, false};
}

// A person a later pronoun may stand for: a name (resolved or not), an unknown capitalised
// subject ("Stow was …"), or a pronoun already read (it carries its person along).
struct Antecedent {
  std::string_view id;  // empty: someone the knowledge base does not resolve
  Sex sex = Sex::Unknown;
  uint32_t sentence = UINT32_MAX;
  uint32_t block = UINT32_MAX;
  bool subject = false;
  bool named = false;      // a name, not a pronoun nor a person described ("his nephew")
  bool guessed = false;    // an unknown capitalised word before a verb, perhaps a place
  bool described = false;  // a person described, not named: "his nephew"
};

// Nouns that give the sex of the name they stand before: "his wife Catherine", "her son Henry".
Sex sex_of_noun(std::string_view w) {
  using date_parse::equals_any_folded;
  if (equals_any_folded(w, {"wife", "widow", "daughter", "sister", "mother", "niece", "aunt",
                            "grandmother", "granddaughter", "bride", "mistress", "queen", "empress",
                            "duchess", "countess", "princess", "lady", "mrs", "miss"})) {
    return Sex::Female;
  }
  if (equals_any_folded(
          w, {"husband", "widower", "son", "brother", "father", "nephew", "uncle", "grandfather",
              "grandson", "king", "emperor", "duke", "earl", "prince", "lord", "sir", "mr"})) {
    return Sex::Male;
  }
  return Sex::Unknown;
}

// Nouns for a person of either sex: "his assistant", "a young clerk".
bool is_role_noun(std::string_view w) {
  return date_parse::equals_any_folded(
      w, {"assistant",  "clerk",     "servant",    "secretary", "pupil",     "student",
          "successor",  "heir",      "friend",     "rival",     "colleague", "companion",
          "biographer", "disciple",  "apprentice", "tutor",     "teacher",   "physician",
          "editor",     "publisher", "translator", "executor",  "cousin",    "child",
          "soldier",    "officer",   "lawyer",     "follower",  "admirer",   "partner"});
}

// Nouns for a man or a woman that are not titles: "the boy", "a woman".
Sex sex_of_person_noun(std::string_view w) {
  using date_parse::equals_any_folded;
  if (equals_any_folded(w, {"man", "boy", "gentleman", "monk"})) return Sex::Male;
  if (equals_any_folded(w, {"woman", "girl", "nun"})) return Sex::Female;
  return sex_of_noun(w);
}

// Words after which a capitalised word opening a clause reads as a verb's subject: "Stow was",
// "Downing returned". Only the commonest, so that "Parliament sat" is rarely taken for a person.
bool is_subject_verb(std::string_view w) {
  if (w.size() >= 5 && w.substr(w.size() - 2) == "ed") return true;
  return date_parse::equals_any_folded(
      w, {"was",    "had",  "has",  "is",    "did",   "said", "says",  "wrote", "writes",
          "became", "went", "took", "kept",  "made",  "gave", "lived", "died",  "left",
          "came",   "saw",  "met",  "spent", "tells", "told", "calls"});
}

// Words before a capitalised word that make it a thing, not a person: "the Parliament was".
bool is_determiner(std::string_view w) {
  return date_parse::equals_any_folded(
      w, {"the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our",
          "my", "your", "whose", "every", "each", "no"});
}

// A person described rather than named at the start of a clause ("Years later his nephew found
// the letters", "A young clerk copied them"): a later pronoun may be about them, not about
// the person named before. When a name follows ("Then his friend Charles Darwin visited"), the
// name is that subject instead.
struct Described {
  Sex sex = Sex::Unknown;
  size_t name_at = SIZE_MAX;  // where the name that follows starts, if one does
};

std::optional<Described> described_subject_at(std::string_view prose, Span sentence,
                                              std::string_view w, size_t end,
                                              std::string_view previous, size_t previous_offset,
                                              std::string_view two_back, size_t two_back_offset) {
  auto upper_at = [&](size_t offset) {
    size_t length = 0;
    return utf8::is_upper(utf8::decode(prose, offset, length));
  };
  auto is_article = [](std::string_view d) {
    return date_parse::equals_any_folded(d, {"his", "her", "their", "the", "a", "an"});
  };
  // The article right before the noun, or before one lower-case adjective ("a young clerk").
  // Looked for first: most words follow none, and the noun lists below cost more.
  size_t article = 0;
  if (is_article(previous)) {
    article = previous_offset;
  } else if (!previous.empty() && !upper_at(previous_offset) && is_article(two_back)) {
    article = two_back_offset;
  } else {
    return std::nullopt;
  }
  // A ship is "she": "the ship travelled to India, where she …" is not about a woman named before.
  // `w` is one run of letters, so folding it alone is fold_name(w) without splitting it again.
  std::string folded;
  append_folded(folded, w);
  const bool ship = people_words::is_ship_noun(folded);
  const Sex sex = ship ? Sex::Female : sex_of_person_noun(w);
  if (sex == Sex::Unknown && !is_role_noun(w)) return std::nullopt;
  // A sentence or main clause, not a subordinate one: "…, where his father played" leaves the
  // next "he" to the person the sentence is about.
  const Before opening = before(prose, sentence.offset, article);
  const bool subordinate = date_parse::equals_any_folded(
      opening.word,
      {"where", "when", "while", "whose", "who", "whom", "which", "that", "because", "as", "since",
       "if", "although", "though", "after", "before", "until", "once", "whereas"});
  // "In 1920 the ship …": a date fronted before the subject.
  const bool after_date = utf8::is_digit(opening.punct);
  if (subordinate || (!opening.sentence_start && opening.punct != ';' && opening.punct != ',' &&
                      !after_date && !opens_clause(opening.word))) {
    return std::nullopt;
  }
  // "his wife Catherine", "his wife, Elizabeth": the name that follows is the antecedent.
  Before next = after(prose, sentence.end(), end);
  if (next.punct == ',') next = after(prose, sentence.end(), prose.find(',', end) + 1);
  // "…, the son of a bookbinder": an apposition describing the person just named.
  if (date_parse::equals_folded(next.word, "of")) return std::nullopt;
  const size_t next_at = static_cast<size_t>(next.word.data() - prose.data());
  if (!ship && !next.word.empty() && upper_at(next_at)) return Described{sex, next_at};
  return Described{sex};
}

// A role noun that a demonstrative or definite phrase uses for a person named just before: "this
// prince", "the said king", "the young queen".
struct RoleNoun {
  std::string_view noun;  // lower case, as listed
  Sex sex = Sex::Unknown;
};

std::optional<RoleNoun> role_noun_of(std::string_view w) {
  static constexpr std::pair<std::string_view, Sex> kRoles[] = {
      {"prince", Sex::Male},     {"princess", Sex::Female},    {"king", Sex::Male},
      {"queen", Sex::Female},    {"emperor", Sex::Male},       {"empress", Sex::Female},
      {"duke", Sex::Male},       {"duchess", Sex::Female},     {"earl", Sex::Male},
      {"count", Sex::Male},      {"countess", Sex::Female},    {"pope", Sex::Unknown},
      {"bishop", Sex::Unknown},  {"archbishop", Sex::Unknown}, {"cardinal", Sex::Unknown},
      {"general", Sex::Unknown}, {"admiral", Sex::Unknown},    {"president", Sex::Unknown}};
  for (const auto& [noun, sex] : kRoles) {
    if (date_parse::equals_folded(w, noun)) return RoleNoun{noun, sex};
  }
  return std::nullopt;
}

// Words of a title that qualify its noun without changing it: "Holy Roman Emperor", "Crown
// Prince", "Junior King of England".
bool is_title_qualifier(std::string_view w) {
  return date_parse::equals_any_folded(w, {"holy", "roman", "crown", "grand", "junior", "titular"});
}

// Whether a knowledge-base role title names the office of `noun`: its first word after
// qualifiers, so that "Attorney General" is no general and "Vice President" no president.
bool title_is(std::string_view title, std::string_view noun) {
  size_t pos = 0;
  while (pos < title.size()) {
    size_t len = 0;
    if (!utf8::is_letter(utf8::decode(title, pos, len))) {
      pos += len;
      continue;
    }
    size_t end = pos;
    while (end < title.size() && utf8::is_letter(utf8::decode(title, end, len))) end += len;
    const std::string_view w = title.substr(pos, end - pos);
    if (!is_title_qualifier(w)) return date_parse::equals_folded(w, noun);
    pos = end;
  }
  return false;
}

bool kb_holds_role(const Person& person, std::string_view noun) {
  for (const Role& role : person.roles) {
    if (title_is(role.title, noun)) return true;
  }
  for (const std::string& occupation : person.occupations) {
    if (date_parse::equals_folded(occupation, noun)) return true;
  }
  return false;
}

// Whether a person is a monarch, for "the eldest son of Edward III" to make a prince.
bool is_monarch(const Person& person) {
  for (const std::string_view noun : {"king", "queen", "emperor", "empress"}) {
    if (kb_holds_role(person, noun)) return true;
  }
  return false;
}

// Whether the text gives a name the role of `noun`: a title in the name ("Prince Henry"), or an
// apposition after it ("Louis, the Duke of Orléans", "Edward, the eldest son of Edward III" for a
// prince when Edward III is a monarch).
bool text_gives_role(const PeopleFacts& people, std::string_view prose, Span sentence,
                     const PersonMention& mention, std::string_view noun) {
  const Before title = after(prose, mention.span.end(), mention.span.offset);
  if (date_parse::equals_folded(title.word, noun)) return true;
  Before next = after(prose, sentence.end(), mention.span.end());
  if (next.punct == ',') {
    next =
        after(prose, sentence.end(), static_cast<size_t>(prose.find(',', mention.span.end())) + 1);
  }
  // The apposition's article and up to two modifiers: "the eldest", "the second surviving".
  auto is_modifier = [](std::string_view w) {
    return date_parse::equals_any_folded(w, {"eldest", "elder", "younger", "youngest", "second",
                                             "third", "only", "surviving", "young", "future"});
  };
  if (date_parse::equals_any_folded(next.word, {"the", "a", "an"})) {
    next = after(prose, sentence.end(),
                 static_cast<size_t>(next.word.data() - prose.data()) + next.word.size());
  }
  for (int skipped = 0; skipped < 2 && is_modifier(next.word); ++skipped) {
    next = after(prose, sentence.end(),
                 static_cast<size_t>(next.word.data() - prose.data()) + next.word.size());
  }
  if (next.word.empty()) return false;
  const size_t noun_end = static_cast<size_t>(next.word.data() - prose.data()) + next.word.size();
  const Before of = after(prose, sentence.end(), noun_end);
  // "Louis, Duke of Orléans", "Anne, the queen." but not "Anne, the queen's sister".
  if (date_parse::equals_folded(next.word, noun)) {
    return date_parse::equals_folded(of.word, "of") || of.sentence_start || of.punct == ',' ||
           of.punct == '.' || of.punct == ';' || of.punct == ')';
  }
  const bool son_of_monarch =
      (noun == "prince" && date_parse::equals_folded(next.word, "son")) ||
      (noun == "princess" && date_parse::equals_folded(next.word, "daughter"));
  if (!son_of_monarch || !date_parse::equals_folded(of.word, "of")) {
    return false;
  }
  const Before parent = after(prose, sentence.end(),
                              static_cast<size_t>(of.word.data() - prose.data()) + of.word.size());
  if (parent.word.empty()) return false;
  // A parent the text leaves ambiguous is still a monarch when every candidate is one: "Henry
  // II" of England, of France or of the Empire.
  const PersonMention* parent_mention =
      people.mention_at(static_cast<size_t>(parent.word.data() - prose.data()));
  if (!parent_mention || parent_mention->candidates.empty()) return false;
  for (const std::string& id : parent_mention->candidates) {
    const Person* parent_person = people.person(id);
    if (!parent_person || !is_monarch(*parent_person)) return false;
  }
  return true;
}

// The person "this prince" or "the said king" at `phrase_at` in sentence `s` stands for: the one
// person named or referred to in this sentence before it, or in the previous sentence of the
// same paragraph, whose knowledge-base roles or whose title or apposition in the text fit the
// noun, and whose sex fits. Empty when nobody fits or several do: no link beats a wrong one.
std::string_view resolve_role_phrase(const PeopleFacts& people,
                                     const std::vector<PersonReference>& earlier,
                                     std::string_view prose, const std::vector<Sentence>& sentences,
                                     uint32_t s, size_t phrase_at, const RoleNoun& role) {
  const uint32_t block = sentences[s].block;
  const uint32_t first = s > 0 && sentences[s - 1].block == block ? s - 1 : s;
  std::string_view found;  // empty when the one that fits is unresolved
  bool any = false;
  bool several = false;
  auto consider = [&](std::string_view id, bool fits) {
    if (!fits) return;
    if (!any) {
      any = true;
      found = id;
    } else if (id.empty() || id != found) {
      several = true;
    }
  };
  auto sex_fits = [&](const Person* person) {
    return role.sex == Sex::Unknown || !person || person->sex == Sex::Unknown ||
           person->sex == role.sex;
  };
  const auto by_offset = [](const PersonMention& m, size_t offset) {
    return m.span.offset < offset;
  };
  // So many people named so close is no text to resolve a phrase in; it also bounds the work on
  // hostile input.
  constexpr size_t kMostCandidates = 64;
  size_t looked_at = 0;
  for (auto it = std::lower_bound(people.mentions.begin(), people.mentions.end(),
                                  sentences[first].span.offset, by_offset);
       it != people.mentions.end() && it->span.end() <= phrase_at; ++it) {
    if (++looked_at > kMostCandidates) return {};
    if (it->sentence >= sentences.size()) continue;
    const Person* person = it->date_evidence ? people.person(it->person_id) : nullptr;
    // A name the text gives the role but no one resolves still competes: it may be the one meant.
    const bool fits = (person && kb_holds_role(*person, role.noun)) ||
                      text_gives_role(people, prose, sentences[it->sentence].span, *it, role.noun);
    consider(person ? std::string_view(it->person_id) : std::string_view{},
             fits && sex_fits(person));
  }
  // Pronouns of the previous sentence carry their person along: "He was crowned in 1170. This
  // king …".
  for (auto it = earlier.rbegin(); it != earlier.rend() && it->sentence >= first; ++it) {
    if (++looked_at > 2 * kMostCandidates) return {};
    if (!it->pronoun) continue;
    const Person* person = people.person(it->person_id);
    consider(it->person_id, person && kb_holds_role(*person, role.noun) && sex_fits(person));
  }
  return several ? std::string_view{} : found;
}

struct RolePhrase {
  std::string_view person_id;  // empty: no phrase, or nobody or several people fit
  size_t start = 0;            // where the phrase's determiner starts
};

// "This prince", "the said king", "the young queen" ending in the word `w` at [pos, end), and the
// person it stands for.
RolePhrase role_phrase_person(const PeopleFacts& people,
                              const std::vector<PersonReference>& earlier, std::string_view prose,
                              const std::vector<Sentence>& sentences, uint32_t s,
                              std::string_view w, size_t pos, size_t end, std::string_view previous,
                              size_t previous_offset, std::string_view two_back,
                              size_t two_back_offset) {
  const auto role = role_noun_of(w);
  if (!role) return {};
  size_t start = 0;
  if (date_parse::equals_any_folded(previous, {"this", "that"})) {
    start = previous_offset;
  } else if (date_parse::equals_any_folded(previous, {"said", "same", "young", "old"}) &&
             date_parse::equals_folded(two_back, "the")) {
    start = two_back_offset;
  } else {
    return {};
  }
  // Only spaces between the words, and no name after the noun: "the young king Henry" is Henry.
  for (size_t i = start; i < pos; ++i) {
    const char b = prose[i];
    if (static_cast<unsigned char>(b) < 0x80 && !std::isalpha(static_cast<unsigned char>(b)) &&
        b != ' ' && b != '\n' && b != '\r' && b != '\t') {
      return {};
    }
  }
  const Before next = after(prose, sentences[s].span.end(), end);
  if (!next.word.empty()) {
    size_t len = 0;
    if (utf8::is_upper(
            utf8::decode(prose, static_cast<size_t>(next.word.data() - prose.data()), len))) {
      return {};
    }
  }
  return {resolve_role_phrase(people, earlier, prose, sentences, s, start, *role), start};
}

// The pronouns' candidates, in text order.
class Antecedents {
 public:
  void note(const Antecedent& a) {
    seen_.push_back(a);
    if (document_subject_ && a.id == *document_subject_) latest_subject_mention_ = seen_.size() - 1;
    if (!a.named || a.guessed) return;
    if (!document_subject_ && !a.id.empty() && a.sentence <= kSubjectSentences) {
      document_subject_ = a.id;
      document_subject_sex_ = a.sex;
      latest_subject_mention_ = seen_.size() - 1;
      return;
    }
    // Someone named in passing ("the child of Lord Byron") does not compete with the subject.
    if ((document_subject_ && a.id == *document_subject_) || !a.subject) return;
    if (a.sex != Sex::Female) other_male_named_ = true;
    if (a.sex != Sex::Male) other_female_named_ = true;
  }

  // The person a pronoun of `sex` at sentence `s` of `block` stands for: the subject of the
  // previous clause or sentence before anyone else named there, never someone of the other sex,
  // and never across a paragraph break unless the pronoun opens its paragraph and the document
  // is about that one person. Null: nobody.
  const Antecedent* resolve(Sex sex, uint32_t s, uint32_t block) const {
    const bool opens_block = seen_.empty() || seen_.back().block != block;
    const Antecedent* by_subject = nullptr;
    const Antecedent* by_name = nullptr;
    for (auto it = seen_.rbegin(); it != seen_.rend(); ++it) {
      if (s - it->sentence > kPronounReach) break;
      if (it->block != block && !opens_block) break;
      if (it->sex != Sex::Unknown && it->sex != sex) continue;
      if (!by_name) by_name = &*it;
      if (it->subject) {
        by_subject = &*it;
        break;
      }
    }
    const Antecedent* found = by_name;
    if (by_subject && (!by_name || by_subject->sentence + 1 >= by_name->sentence)) {
      found = by_subject;
    }
    if (found && found->block != block) {
      // A relative described at the end of the paragraph before ("Her mother steered her …")
      // yields, in a document about one person, to that person.
      if (found->described && document_subject_ && about_only(*document_subject_, sex)) {
        return &seen_[latest_subject_mention_];
      }
      if (!about_only(found->id, sex)) return nullptr;
    }
    return found;
  }

 private:
  // Where the document names its subject: the title or the first sentence.
  static constexpr uint32_t kSubjectSentences = 1;

  // Whether the document is about `id` alone among people of `sex`: named first, in its title
  // or first sentence, with nobody else of that sex the subject of a clause since. Only then may a
  // pronoun opening a paragraph reach back into the one before ("Born in 1879, he …" after a
  // paragraph on a man who died in 1844 is about someone new).
  bool about_only(std::string_view id, Sex sex) const {
    if (!document_subject_ || id != *document_subject_) return false;
    if (document_subject_sex_ != Sex::Unknown && document_subject_sex_ != sex) return false;
    return sex == Sex::Female ? !other_female_named_ : !other_male_named_;
  }

  std::vector<Antecedent> seen_;
  std::optional<std::string_view> document_subject_;
  Sex document_subject_sex_ = Sex::Unknown;
  bool other_male_named_ = false;
  bool other_female_named_ = false;
  size_t latest_subject_mention_ = 0;  // index in seen_ of the document subject's latest mention
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

  Antecedents antecedents;
  size_t next_mention = 0;
  struct Pending {
    Span span;
    std::string_view id;
    bool is_pronoun = false;
    Pronoun pronoun;
    bool possessive = false;
    bool unknown_subject = false;  // a capitalised word no one resolves, before a verb
    bool antecedent_only = false;  // a name that is no date evidence: only a later pronoun's
    // A person described, not named, opening a clause: "his nephew found the letters".
    bool described_subject = false;
    Sex described_sex = Sex::Unknown;
  };
  std::vector<Pending> pending;
  const Dictionary& english = Dictionary::shared();

  for (uint32_t s = 0; s < sentences.size(); ++s) {
    out.first_reference[s] = static_cast<uint32_t>(out.references.size());
    const Span sentence = sentences[s].span;
    const uint32_t block = sentences[s].block;
    pending.clear();
    while (next_mention < people.mentions.size() &&
           people.mentions[next_mention].span.offset < sentence.offset) {
      ++next_mention;
    }
    size_t m = next_mention;
    // Names and pronouns of the sentence, in text order.
    size_t pos = sentence.offset;
    std::string_view previous_word;
    size_t previous_offset = 0;
    std::string_view word_two_back;
    size_t two_back_offset = 0;
    std::string_view word_before_run;
    bool previous_capitalised = false;
    size_t described_name_at = SIZE_MAX;  // "his friend Charles Darwin": the name is the subject
    Sex described_name_sex = Sex::Unknown;
    while (pos < sentence.end()) {
      if (m < people.mentions.size() && people.mentions[m].span.offset <= pos) {
        const PersonMention& mention = people.mentions[m++];
        if (mention.span.end() > sentence.end()) break;
        // A later pronoun may stand for the person behind "the Trotsky household", but a name
        // that is no date evidence is no reference itself.
        const std::string_view id = mention.date_evidence || mention.attributive
                                        ? std::string_view(mention.person_id)
                                        : std::string_view{};
        pending.push_back({mention.span, id, false, Pronoun{}, mention.possessive, false,
                           !mention.date_evidence, mention.span.offset == described_name_at,
                           described_name_sex});
        pos = std::max(pos, mention.span.end());
        previous_word = {};
        word_two_back = {};
        previous_capitalised = false;
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
      // The word before a run of capitalised words: "his First Symphony was" is a thing.
      if (!utf8::is_upper(c) || !previous_capitalised) word_before_run = previous_word;
      const Pronoun p = pronoun_of(w);
      if (p.sex != Sex::Unknown) {
        pending.push_back(
            {Span{pos, end - pos}, {}, true, p, p.grammatical_case == PronounCase::Possessive});
      } else if (utf8::is_upper(c) && end - pos > 1 && !is_determiner(word_before_run) &&
                 is_subject_verb(after(prose, sentence.end(), end).word) &&
                 (pos != sentence.offset ||
                  (english.available() && !english.knows(fold_name(w))))) {
        // "During his life Stow was …": someone the knowledge base does not know acts here, and a
        // later "he" may be about him rather than about a person named before.
        pending.push_back({Span{pos, end - pos}, {}, false, Pronoun{}, false, true});
      } else if (!utf8::is_upper(c)) {
        const RolePhrase role_phrase =
            role_phrase_person(people, out.references, prose, sentences, s, w, pos, end,
                               previous_word, previous_offset, word_two_back, two_back_offset);
        if (!role_phrase.person_id.empty()) {
          // "the old king's death": the phrase is a possessor, not the subject.
          const Before next = after(prose, sentence.end(), end);
          const bool possessive = next.punct == '\'' || next.punct == 0x2019;
          pending.push_back({Span{role_phrase.start, end - role_phrase.start},
                             role_phrase.person_id, false, Pronoun{}, possessive});
        } else if (const auto described =
                       described_subject_at(prose, sentence, w, end, previous_word, previous_offset,
                                            word_two_back, two_back_offset)) {
          if (described->name_at != SIZE_MAX) {
            described_name_at = described->name_at;
            described_name_sex = described->sex;
          } else {
            pending.push_back({Span{pos, end - pos},
                               {},
                               false,
                               Pronoun{},
                               false,
                               false,
                               false,
                               true,
                               described->sex});
          }
        }
      }
      previous_capitalised = utf8::is_upper(c) && p.sex == Sex::Unknown && !is_determiner(w);
      word_two_back = previous_word;
      two_back_offset = previous_offset;
      previous_word = w;
      previous_offset = pos;
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
      const Before b = before(prose, sentence.offset, ref.span.offset);
      // An unknown capitalised subject may be a place ("Mexico offered Trotsky refuge"): it
      // counts as someone named, never as the subject a pronoun prefers.
      if (item.described_subject) {
        ref.subject = true;
      } else if (nominative && !ref.possessive && !item.unknown_subject) {
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
        // A pronoun whose person is unknown still stands for that person: the next "he" is
        // about the same one, not about someone named in passing ("He was sent by Cromwell").
        const Antecedent* a = antecedents.resolve(sex, s, block);
        ref.person_id = a ? a->id : std::string_view{};
      } else {
        // The sex the knowledge base gives, else the title or noun before the name ("his wife
        // Catherine", "Mrs Shorter").
        const Person* person = item.id.empty() ? nullptr : people.person(item.id);
        sex = person ? person->sex : item.described_sex;
        if (sex == Sex::Unknown && !item.unknown_subject && !item.described_subject) {
          const size_t first_word_end = prose.find(' ', ref.span.offset);
          sex = sex_of_noun(prose.substr(
              ref.span.offset, std::min(first_word_end, ref.span.end()) - ref.span.offset));
          if (sex == Sex::Unknown) sex = sex_of_noun(b.word);
          if (sex == Sex::Unknown && b.punct == ',') {
            // "his wife, Elizabeth Bourchier (1598–1665)": the noun before the comma.
            const size_t comma = prose.rfind(',', ref.span.offset);
            sex = sex_of_noun(before(prose, sentence.offset, comma).word);
          }
        }
        ref.person_id = item.id;
      }
      const bool described = item.described_subject && item.id.empty();
      antecedents.note(Antecedent{ref.person_id, sex, s, block, ref.subject,
                                  !item.is_pronoun && !described, item.unknown_subject, described});
      if (!ref.person_id.empty() && !item.antecedent_only) out.references.push_back(ref);
    }
  }
  out.first_reference[sentences.size()] = static_cast<uint32_t>(out.references.size());
  return out;
}

}  // namespace histlint

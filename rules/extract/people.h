// People named in a document: every mention resolved against the knowledge base and against the
// people the text itself introduces ("Leon Trotsky (1879–1940)").
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "rules/finding.h"
#include "rules/kb/knowledge_base.h"
#include "rules/kb/name_fold.h"

namespace histlint {

class Analysis;
struct Block;

enum class MentionForm {
  FullName,  // "Leon Trotsky", "Лев Троцкий", "L. D. Trotsky"
  Short,     // "Trotsky", "Trotsky’s", "Comrade Corbyn"
  Given,     // "Natalya" once Natalya Sedova is named
};

struct PersonMention {
  Span span;              // the name as written, with its title and initials, without "’s"
  std::string person_id;  // empty when unresolved
  // Everyone the name could refer to: the resolved person first; several when ambiguous.
  std::vector<std::string> candidates;
  MentionForm form = MentionForm::FullName;
  bool possessive = false;         // followed by ’s or 's
  uint32_t sentence = UINT32_MAX;  // index into Document::sentences(), UINT32_MAX outside one
  bool attributive = false;        // "the Walpole ministry": the person names a thing, does not act
  // False for a name the hover may show but no date finding may rest on: an attribute, or a bare
  // surname whose only holder died long before the document's dates.
  bool date_evidence = true;
};

// A person the text introduces with life dates, whether or not the knowledge base knows them.
struct IntroducedPerson {
  std::string person_id;  // the knowledge-base id, or "doc:<folded name>" for a person it lacks
  std::string name;       // as written
  std::vector<std::string> aliases;  // from a parenthesis: "(Lev Davidovich Bronshtein)"
  Span name_span;                    // the name in the introducing sentence
  Span sentence_span;                // the introducing sentence (go-to-definition target)
  std::optional<PartialDate> birth;
  std::optional<PartialDate> death;
  Span birth_span;  // where the text states each date (length 0 when not stated)
  Span death_span;
  std::string description;  // an appositive, as written: "a seamstress from Tver"
};

// What is known of a person's life, from the knowledge base and the document together.
struct LifeDates {
  std::optional<PartialDate> birth;
  std::optional<PartialDate> death;
  std::string birth_place;
  std::string death_place;
  // True when the date comes from the document rather than the knowledge base.
  bool birth_from_text = false;
  bool death_from_text = false;
  Span birth_span;  // in the document, when from the text
  Span death_span;
};

// A birth or death date the text states differently from the knowledge base.
struct LifeDateConflict {
  std::string person_id;
  bool is_birth = true;  // false: death
  PartialDate text_date;
  Span text_span;
  PartialDate kb_date;
  std::string kb_file;  // where the knowledge-base entry is written: path, line, byte range
  size_t kb_line = 0;
  Span kb_span;
};

struct PeopleFacts {
  std::vector<PersonMention> mentions;  // in text order
  std::vector<IntroducedPerson> introduced;

  static PeopleFacts extract(const Analysis& analysis);

  // The mention covering a byte offset, or null.
  const PersonMention* mention_at(size_t offset) const;
  // Every mention resolved to this person, in text order.
  std::vector<const PersonMention*> mentions_of(std::string_view person_id) const;
  size_t mention_count(std::string_view person_id) const;
  const IntroducedPerson* introduction(std::string_view person_id) const;

  // Lifespan of a knowledge-base or document-introduced person: dates the text states win over
  // the knowledge base (the conflict is reported by date/life-dates-mismatch). Nullopt when
  // neither knows the person.
  std::optional<LifeDates> life(std::string_view person_id) const;
  // Dated events from the knowledge base (arrivals, exiles, offices); empty for unknown people.
  const std::vector<DatedEvent>& events(std::string_view person_id) const;
  // Knowledge-base entry, or null for document-only people.
  const Person* person(std::string_view person_id) const;
  // The knowledge-base entry as a finding's evidence ("Knowledge-base entry for Leon Trotsky:
  // death 21 August 1940"), or nullopt for people the knowledge base lacks or that no file holds.
  std::optional<Related> kb_evidence(std::string_view person_id, std::string_view fact) const;
  // Display name for any id this document resolved.
  std::string display_name(std::string_view person_id) const;

  // Text-stated birth and death dates that the knowledge base contradicts (different day,
  // month or year at the precision both give; Old Style dates are compared as Old Style).
  std::vector<LifeDateConflict> life_date_conflicts() const;
  // The same for a birth or death the text dates elsewhere ("Trotsky was murdered in 1939"):
  // the conflict with the knowledge base, or nullopt when they agree, the knowledge base lacks
  // the date, or the date is so far from it that a namesake is meant.
  std::optional<LifeDateConflict> kb_conflict(std::string_view person_id, bool is_birth,
                                              const PartialDate& stated, Span span) const;

 private:
  static LifeDateConflict conflict_with(const Person& p, bool is_birth, const PartialDate& stated,
                                        Span span);
  friend class PeopleExtractor;
  const KnowledgeBase* kb_ = nullptr;
  std::unordered_map<std::string, std::vector<uint32_t>> by_person_;  // id -> mention indices
};

// The name words of one block, block-relative (split_name_words over its prose): the first step
// of PeopleFacts, cached per block (Analysis::block_facts) so an edit re-splits only the blocks
// it changed.
struct BlockNameWords {
  std::vector<NameWord> words;
  static BlockNameWords extract_block(const Analysis& analysis, const Block& block);
};

}  // namespace histlint

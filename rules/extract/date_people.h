// Who each sentence is about, for linking ages, events and anniversaries to people: the people
// named in it (from PeopleFacts) and the pronouns he/him/his/she/her resolved to the subject of
// the previous clause or sentence, within the paragraph, never to a person of the other sex.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "rules/finding.h"

namespace histlint {

class Analysis;

struct PersonReference {
  std::string_view person_id;  // owned by the analysis's PeopleFacts
  Span span;                   // the name or the pronoun
  uint32_t sentence = UINT32_MAX;
  bool pronoun = false;
  bool possessive = false;  // "Trotsky's", "his", "her"
  // The subject of its clause, as a cheap reading tells: a name or he/she that opens the
  // sentence or a clause, not governed by a preposition or a verb, not possessive.
  bool subject = false;
};

struct SentencePeople {
  std::vector<PersonReference> references;  // text order
  std::vector<uint32_t> first_reference;    // per sentence, index into references (size + 1)

  static SentencePeople extract(const Analysis& analysis);

  std::span<const PersonReference> in_sentence(uint32_t sentence) const;
  // The subjects of a sentence (several for "He and Natalya …").
  std::vector<const PersonReference*> subjects(uint32_t sentence) const;
};

}  // namespace histlint

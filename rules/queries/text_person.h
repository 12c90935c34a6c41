// What the text says about a person the knowledge base lacks: the evidence behind their hover
// card and behind the entry "Add to the project's people file" writes. Only people the text
// itself introduces (PeopleFacts' "doc:" ids) have one, so a place or a ship never does.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rules/analysis.h"
#include "rules/finding.h"
#include "rules/kb/knowledge_base.h"

namespace histlint {

struct TextPerson {
  std::string person_id;  // "doc:anna-petrova"
  std::string name;       // as first introduced
  std::vector<std::string> aliases;
  std::optional<PartialDate> birth;  // "(1821–1881)", "was born … in 1821"
  std::optional<PartialDate> death;
  std::string birth_place;        // "born in Tver"
  std::string death_place;        // "died in Kazan"
  std::string description;        // the appositive, as written: "a seamstress from Tver"
  Span first_mention;             // the first mention in the document
  size_t first_mention_line = 0;  // 0-based line of the first mention
  // Its sentence around it, as prose: "… the daughter of Colonel Henry Darnall, Charles …".
  std::string first_mention_context;
  size_t mentions = 0;  // in this document
};

// Every person the document introduces that the knowledge base lacks, in order of
// introduction, with the evidence gathered over all their mentions in one pass (analysis facts:
// extracted on the first card or code action, then shared).
struct TextPeople {
  std::vector<TextPerson> people;

  static TextPeople extract(const Analysis& analysis);
  const TextPerson* find(std::string_view person_id) const;
};

// The evidence for the person; nullopt for knowledge-base people and unresolved names.
std::optional<TextPerson> text_person(const Analysis& analysis, std::string_view person_id);

// The place after "born in" / "died at" that follows a name ending at `pos` ("Nadia Orlova was
// born in Kazan", "… died at Nice on 3 May 1881"): one to three capitalised words that are not a
// month. `is_birth` tells which verb was read. Nullopt when there is none.
struct StatedPlace {
  std::string place;
  bool is_birth = true;
};
std::optional<StatedPlace> read_life_place(std::string_view text, size_t pos, size_t limit);

}  // namespace histlint

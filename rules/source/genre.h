// Whether a document is a primary source — a newspaper page, letter, diary, government notice,
// court record or transcript — which is itself the source and is not asked for citations.
#pragma once

#include <string_view>

#include "rules/analysis.h"

namespace histlint::source_rules {

// The genre the configuration or front matter `genre:` gives, else the one the text shows.
struct GenreFacts {
  bool primary = false;
  static GenreFacts extract(const Analysis& analysis);
};

// Recognises a primary source from its text alone. Conservative: it needs two independent
// signs (a masthead and newspaper columns, a salutation and a letter's closing, a notice's
// formula, dated diary entries, question-and-answer testimony).
bool looks_like_primary_source(const Document& doc);

}  // namespace histlint::source_rules

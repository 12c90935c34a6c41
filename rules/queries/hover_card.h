// What a hover answers with, shared by the person and date hovers and the dispatch over them.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include "rules/finding.h"

namespace histlint {

struct HoverCard {
  Span span;              // the hovered name or expression
  std::string markdown;   // for clients that take Markdown
  std::string plaintext;  // fallback for clients that do not
};

// Counts a person's mentions in the other documents of the workspace (the server's index);
// the person card shows the figure when given.
using WorkspaceMentionCounter = std::function<size_t(std::string_view person_id)>;

}  // namespace histlint

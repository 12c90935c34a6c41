#include "rules/hover.h"

#include "rules/kb/person_queries.h"

namespace histlint {

std::optional<HoverCard> hover_at(const Analysis& analysis, size_t offset) {
  return person_hover(analysis, offset);
}

}  // namespace histlint

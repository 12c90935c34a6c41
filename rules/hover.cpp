#include "rules/hover.h"

namespace histlint {

std::optional<HoverCard> hover_at(const Analysis& analysis, size_t offset) {
  (void)analysis;
  (void)offset;
  return std::nullopt;
}

}  // namespace histlint

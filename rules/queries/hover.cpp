#include "rules/queries/hover.h"

#include "rules/queries/date_hover.h"
#include "rules/queries/person_queries.h"

namespace histlint {

std::optional<HoverCard> hover_at(const Analysis& analysis, size_t offset,
                                  const WorkspaceMentionCounter& workspace_mentions) {
  if (auto card = person_hover(analysis, offset, workspace_mentions)) return card;
  return date_hover(analysis, offset);
}

}  // namespace histlint

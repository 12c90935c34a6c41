// A document's timeline (rules/queries/timeline.h) as JSON, which the `histlint/timeline`
// request answers, and as the self-contained HTML page that `histlint report` writes and the
// editors show.
#pragma once

#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "protocol/jsonrpc.h"
#include "protocol/positions.h"
#include "rules/finding.h"
#include "rules/queries/timeline.h"

namespace histlint {

// {"path", "people", "events", "findings", "conflicts", "ages"}: days as Julian day numbers
// with their ISO dates, places as LSP ranges in `encoding`, sentences as text (cut to a few
// hundred characters). Indices in "conflicts" and "ages" point into the other arrays.
protocol::Json timeline_json(const Timeline& timeline, const std::vector<Finding>& findings,
                             const std::string& path, const protocol::LineIndex& index,
                             protocol::PositionEncoding encoding);

// One HTML5 page with no external resources: for each folder, the timelines of its documents on
// one axis (inline SVG, CSS and a little JavaScript for zoom, scroll, tooltips and culling), and
// the findings listed below it. `documents` are timeline_json() objects.
void write_timeline_html(const std::vector<protocol::Json>& documents, std::string_view title,
                         std::ostream& out);

}  // namespace histlint

// A document's timeline (rules/queries/timeline.h) as JSON, which the `histlint/timeline`
// request answers, and as the self-contained HTML page that `histlint report` writes and the
// editors show.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "protocol/jsonrpc.h"
#include "protocol/positions.h"
#include "rules/finding.h"
#include "rules/queries/timeline.h"

namespace histlint {

// The timeline as the editors get it. "people", "conflicts" and "ages" are arrays of objects;
// "sentences", "events" and "findings", which run to thousands in a long document, are objects
// of columns, one array per field, entry i of each describing item i (a tenth of the size and
// time of one object per item). Days are Julian day numbers (2440588 is 1970-01-01); people's
// and ages' "date" gives the ISO form.
// Places are LSP positions in `encoding`: the columns startLine, startCharacter, endLine,
// endCharacter. Events and findings name their sentence by its index in "sentences"; findings
// name their date by its index in "events" (-1 when the sentence has none); "conflicts" and
// "ages" name findings, events and people by index.
// Returns the object's JSON text, written directly (an nlohmann value of a 1 MB document's
// timeline took longer to build and dump than the 20 ms the answer may take);
// `leading_members` ("\"uri\":…,", already JSON) open the object.
std::string timeline_json(const Timeline& timeline, const std::vector<Finding>& findings,
                          const std::string& path, const protocol::LineIndex& index,
                          protocol::PositionEncoding encoding,
                          std::string_view leading_members = {});

// One document's timeline with what the page quotes of it.
struct TimelineDocument {
  std::string path;
  std::string text;
  Timeline timeline;
  std::vector<Finding> findings;
};

// One HTML5 page with no external resources: for each folder, the timelines of its documents on
// one axis (inline SVG, CSS and a little JavaScript for zoom, scroll, tooltips and culling), and
// the findings listed below it.
void write_timeline_html(const std::vector<TimelineDocument>& documents, std::string_view title,
                         std::ostream& out);

// "1940-08-21" (proleptic Gregorian) for a Julian day number.
std::string timeline_iso_date(int64_t day);
// The text of a span, cut to a few hundred bytes (at a character boundary) with "…".
std::string timeline_excerpt(std::string_view text, Span span);

}  // namespace histlint

// textDocument/inlayHint: computed ages, New Style days and resolved relative dates, shown after
// the expressions they explain (rules/queries/inlay_hints.h decides which are certain). The hints
// come in text order, so their positions are counted on from one to the next (PositionCursor)
// and the reply is written as text: a whole 1 MB document has ten thousand of them.
#include <filesystem>

#include "protocol/lsp.h"
#include "protocol/uri.h"
#include "rules/queries/inlay_hints.h"
#include "server/json_text.h"
#include "server/lsp_server.h"
#include "server/position_cursor.h"

namespace histlint {

using protocol::Json;

void LspServer::on_inlay_hint(const Json& id, const Json& params) {
  const protocol::Range range = protocol::range_from_json(protocol::member(params, "range"));
  with_analysis(id, params, [this, range](DocumentAnalysis& analysis) -> AnalysisResult {
    // Read now, not at the analysis: switching the setting re-analyses nothing.
    const auto path = protocol::path_from_uri(analysis.uri);
    if (!workspace_->inlay_hints(path ? std::optional<std::filesystem::path>(*path)
                                      : std::nullopt)) {
      return Json::array();
    }
    const auto& index = analysis.snapshot->index();
    const size_t end_of_text = analysis.snapshot->text().size();
    const size_t from = index.offset_of(range.start, encoding_).value_or(end_of_text);
    const size_t to = std::max(from, index.offset_of(range.end, encoding_).value_or(end_of_text));
    PositionCursor positions(index, encoding_);
    JsonText out;
    out.array(inlay_hints(*analysis.analysis, from, to), [&](JsonText& o, const InlayHint& hint) {
      const protocol::Position at = positions.at(hint.offset);
      o.raw("{\"position\":{").key("line").number(at.line).raw(",").key("character");
      o.number(at.character).raw("},").key("label").string(hint.label).raw(",");
      o.key("tooltip").string(hint.tooltip).raw(",\"paddingLeft\":true}");
    });
    return SerializedResult{std::move(out.text())};
  });
}

}  // namespace histlint

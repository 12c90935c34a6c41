// textDocument/inlayHint: computed ages, New Style days and resolved relative dates, shown after
// the expressions they explain (rules/queries/inlay_hints.h decides which are certain).
#include <filesystem>

#include "protocol/lsp.h"
#include "protocol/uri.h"
#include "rules/queries/inlay_hints.h"
#include "server/lsp_server.h"

namespace histlint {

using protocol::Json;

void LspServer::on_inlay_hint(const Json& id, const Json& params) {
  const protocol::Range range = protocol::range_from_json(protocol::member(params, "range"));
  with_analysis(id, params, [this, range](DocumentAnalysis& analysis) -> Json {
    Json hints = Json::array();
    // Read now, not at the analysis: switching the setting re-analyses nothing.
    const auto path = protocol::path_from_uri(analysis.uri);
    if (!workspace_->inlay_hints(path ? std::optional<std::filesystem::path>(*path)
                                      : std::nullopt)) {
      return hints;
    }
    const auto& index = analysis.snapshot->index();
    const size_t end_of_text = analysis.snapshot->text().size();
    const size_t from = index.offset_of(range.start, encoding_).value_or(end_of_text);
    const size_t to = std::max(from, index.offset_of(range.end, encoding_).value_or(end_of_text));
    for (const InlayHint& hint : inlay_hints(*analysis.analysis, from, to)) {
      hints.push_back({{"position", to_json(index.position_of(hint.offset, encoding_))},
                       {"label", hint.label},
                       {"tooltip", hint.tooltip},
                       {"paddingLeft", true}});
    }
    return hints;
  });
}

}  // namespace histlint

// textDocument/hover and textDocument/codeAction.
#include "protocol/lsp.h"
#include "rules/extract/people.h"
#include "rules/queries/hover.h"
#include "server/lsp_server.h"

namespace histlint {

using protocol::Json;

void LspServer::on_hover(const Json& id, const Json& params) {
  const protocol::Position position =
      protocol::position_from_json(protocol::member(params, "position"));
  with_analysis(id, params, [this, position](DocumentAnalysis& analysis) -> Json {
    const auto& index = analysis.snapshot->index();
    const auto offset = index.offset_of(position, encoding_);
    if (!offset) return nullptr;  // a line past the end: nothing there
    // Mentions elsewhere: the other open documents, then the workspace files not open.
    const auto elsewhere = [this, &analysis](std::string_view person_id) {
      size_t n = mention_index_->count(person_id, open_uris());
      for (const auto& [uri, state] : states_) {
        if (uri != analysis.uri && state.latest) {
          n += state.latest->analysis->facts<PeopleFacts>().mention_count(person_id);
        }
      }
      return n;
    };
    const auto card = hover_at(*analysis.analysis, *offset, elsewhere);
    if (!card) return nullptr;
    return {{"contents",
             {{"kind", markdown_hover_ ? "markdown" : "plaintext"},
              {"value", markdown_hover_ ? card->markdown : card->plaintext}}},
            {"range", to_json(index.range_of(card->span.offset, card->span.length, encoding_))}};
  });
}

void LspServer::on_code_action(const Json& id, const Json& params) {
  const protocol::Range range = protocol::range_from_json(protocol::member(params, "range"));
  if (const Json* only = protocol::optional_member(protocol::member(params, "context"), "only")) {
    bool wants_quickfix = false;
    for (const Json& kind : *only) wants_quickfix |= kind == "quickfix" || kind == "";
    if (!wants_quickfix) {
      reply(id, Json::array());
      return;
    }
  }
  with_analysis(id, params, [this, range](DocumentAnalysis& analysis) -> Json {
    const auto& index = analysis.snapshot->index();
    const size_t end_of_text = analysis.snapshot->text().size();
    const size_t start = index.offset_of(range.start, encoding_).value_or(end_of_text);
    const size_t end = std::max(start, index.offset_of(range.end, encoding_).value_or(end_of_text));
    return code_actions_json(
        analysis.findings, Span{start, end - start}, *analysis.snapshot, analysis.uri,
        versioned_edits_ ? std::optional<int64_t>(analysis.version) : std::nullopt,
        diagnostic_options_);
  });
}

}  // namespace histlint

// textDocument/diagnostic (LSP 3.17 pull diagnostics). A client that advertises
// textDocument.diagnostic pulls; the server then stops pushing publishDiagnostics to it (the two
// would show every finding twice) and asks it to pull again (workspace/diagnostic/refresh) when
// an analysis it did not ask for changes a document's findings. Other clients keep the push.
#include <cstdint>
#include <cstdio>

#include "protocol/lsp.h"
#include "server/lsp_server.h"

namespace histlint {

using protocol::Json;

namespace {

// The result id of a list of diagnostics: a hash of its JSON (FNV-1a), so that a pull of the
// same findings answers "unchanged" whatever analysis produced them.
std::string result_id_of(const Json& diagnostics) {
  uint64_t hash = 14695981039346656037ull;
  for (const unsigned char c : diagnostics.dump()) {
    hash = (hash ^ c) * 1099511628211ull;
  }
  char text[17];
  std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(hash));
  return text;
}

}  // namespace

Json LspServer::diagnostic_report(const std::string& uri, const Json& diagnostics,
                                  const std::string& previous_result_id) {
  std::string result_id = result_id_of(diagnostics);
  states_[uri].pulled_result_id = result_id;
  if (result_id == previous_result_id) return {{"kind", "unchanged"}, {"resultId", result_id}};
  return {{"kind", "full"}, {"resultId", result_id}, {"items", diagnostics}};
}

void LspServer::on_diagnostic(const Json& id, const Json& params) {
  const std::string uri = protocol::string_member(protocol::member(params, "textDocument"), "uri");
  std::string previous;
  if (const Json* given = protocol::optional_member(params, "previousResultId");
      given && given->is_string()) {
    previous = given->get<std::string>();
  }
  if (!documents_.find(uri)) {
    // Closed, or dropped after bad edits: nothing to show.
    reply(id, {{"kind", "full"}, {"items", Json::array()}});
    return;
  }
  with_analysis(
      id, params,
      [this, previous](DocumentAnalysis& analysis) -> Json {
        return diagnostic_report(analysis.uri, analysis.diagnostics, previous);
      },
      /*follows_edits=*/true);
}

void LspServer::diagnostics_changed(const DocumentAnalysis& analysis) {
  if (!pull_diagnostics_) {
    notify("textDocument/publishDiagnostics", {{"uri", analysis.uri},
                                               {"version", analysis.version},
                                               {"diagnostics", analysis.diagnostics}});
    return;
  }
  // Pulled already (the pull was waiting for this analysis), or never pulled: nothing to tell.
  const std::string& pulled = states_[analysis.uri].pulled_result_id;
  if (!client_diagnostic_refresh_ || pulled.empty() ||
      pulled == result_id_of(analysis.diagnostics)) {
    return;
  }
  request_diagnostic_refresh();
}

void LspServer::request_diagnostic_refresh() {
  // One refresh makes the client pull every open document: one at a time, and one more after
  // it for the findings that changed while it was out (the client may have pulled before).
  if (refresh_pending_) {
    refresh_again_ = true;
    return;
  }
  refresh_pending_ = true;
  request("workspace/diagnostic/refresh", nullptr, [this](const protocol::Message&) {
    refresh_pending_ = false;
    if (refresh_again_) {
      refresh_again_ = false;
      request_diagnostic_refresh();
    }
  });
}

}  // namespace histlint

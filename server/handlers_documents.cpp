// textDocument/didOpen, didChange, didClose, didSave.
#include <filesystem>

#include "protocol/lsp.h"
#include "protocol/uri.h"
#include "server/log.h"
#include "server/lsp_server.h"

namespace histlint {

using protocol::Json;

void LspServer::on_did_open(const Json& params) {
  const Json& item = protocol::member(params, "textDocument");
  const std::string uri = protocol::string_member(item, "uri");
  const OpenDocument& doc = documents_.open(uri, protocol::string_member(item, "languageId"),
                                            protocol::integer_member(item, "version"),
                                            protocol::string_member(item, "text"));
  states_[uri].latest.reset();
  fail_parked(uri, protocol::ErrorCode::ContentModified, "the document was reopened");
  log::debug("opened " + uri + " v" + std::to_string(doc.version) + " (" +
             std::to_string(doc.snapshot->text().size()) + " bytes)");
  schedule_analysis(uri, /*immediate=*/true);
}

void LspServer::on_did_change(const Json& params) {
  const Json& item = protocol::member(params, "textDocument");
  const std::string uri = protocol::string_member(item, "uri");
  const int64_t version = protocol::integer_member(item, "version");
  const Json& list = protocol::member(params, "contentChanges");
  if (!list.is_array()) throw protocol::ParamsError("\"contentChanges\" must be an array");
  std::vector<ContentChange> changes;
  changes.reserve(list.size());
  for (const Json& change : list) {
    ContentChange parsed;
    if (const Json* range = protocol::optional_member(change, "range")) {
      parsed.range = protocol::range_from_json(*range);
    }
    parsed.text = protocol::string_member(change, "text");
    changes.push_back(std::move(parsed));
  }
  const OpenDocument* doc = documents_.find(uri);
  if (doc && version <= doc->version) {
    log::warning("didChange for " + uri + " goes from v" + std::to_string(doc->version) + " to v" +
                 std::to_string(version) + "; applying it anyway");
  }
  std::string error;
  switch (documents_.apply(uri, version, changes, encoding_, &error)) {
    case DocumentStore::EditResult::NotOpen:
      log::warning("didChange for " + uri + ", which is not open; ignored");
      return;
    case DocumentStore::EditResult::BadRange:
      log::error("didChange for " + uri + " v" + std::to_string(version) +
                 " does not apply: " + error);
      drop_document(uri, "an edit from the editor did not apply (" + error + ")");
      return;
    case DocumentStore::EditResult::Applied:
      break;
  }
  fail_parked(uri, protocol::ErrorCode::ContentModified, "the document changed");
  schedule_analysis(uri, /*immediate=*/false);
}

void LspServer::on_did_close(const Json& params) {
  const std::string uri = protocol::string_member(protocol::member(params, "textDocument"), "uri");
  if (!documents_.close(uri)) {
    log::warning("didClose for " + uri + ", which is not open; ignored");
    return;
  }
  states_.erase(uri);
  scheduler_->cancel(uri);
  update_open_claims(uri, nullptr);
  answer_parked(uri, nullptr);
  reindex_workspace();  // its file now speaks for it, perhaps changed
  notify("textDocument/publishDiagnostics", {{"uri", uri}, {"diagnostics", Json::array()}});
}

void LspServer::on_did_save(const Json& params) {
  const std::string uri = protocol::string_member(protocol::member(params, "textDocument"), "uri");
  // Saving the configuration or the workspace knowledge base changes every document's findings.
  if (const auto path = protocol::path_from_uri(uri)) {
    const std::filesystem::path file(*path);
    if (file.filename() == ".histlint.json" ||
        (file.filename() == "people.json" && file.parent_path().filename() == ".histlint")) {
      reanalyze_all();
      return;
    }
  }
  reindex_workspace();
}

}  // namespace histlint

// initialize, initialized, shutdown, exit, $/cancelRequest.
#include <filesystem>

#include "common/bounded_json.h"
#include "protocol/lsp.h"
#include "protocol/uri.h"
#include "server/log.h"
#include "server/lsp_server.h"

namespace histlint {

using protocol::Json;

namespace {

// The value at a path of object keys, or null.
const Json& at_path(const Json& json, std::initializer_list<const char*> keys) {
  static const Json null_json;
  const Json* node = &json;
  for (const char* key : keys) {
    node = protocol::optional_member(*node, key);
    if (!node) return null_json;
  }
  return *node;
}

bool flag(const Json& json, std::initializer_list<const char*> keys) {
  const Json& value = at_path(json, keys);
  return value.is_boolean() && value.get<bool>();
}

// The first encoding of the client's list (its order of preference) that the server speaks.
protocol::PositionEncoding negotiate_encoding(const Json& capabilities) {
  const Json& offered = at_path(capabilities, {"general", "positionEncodings"});
  if (offered.is_array()) {
    for (const Json& name : offered) {
      if (!name.is_string()) continue;
      if (const auto encoding = protocol::parse_encoding(name.get<std::string>())) return *encoding;
    }
  }
  return protocol::PositionEncoding::Utf16;  // what LSP mandates by default
}

}  // namespace

void LspServer::on_initialize(const Json& id, const Json& params) {
  if (!params.is_object()) throw protocol::ParamsError("initialize needs an object");
  const Json& capabilities = at_path(params, {"capabilities"});
  encoding_ = negotiate_encoding(capabilities);
  diagnostic_options_.encoding = encoding_;
  diagnostic_options_.related_information =
      flag(capabilities, {"textDocument", "publishDiagnostics", "relatedInformation"});
  const Json& hover_formats = at_path(capabilities, {"textDocument", "hover", "contentFormat"});
  if (hover_formats.is_array()) {
    markdown_hover_ = false;
    for (const Json& format : hover_formats) {
      if (format == "markdown") markdown_hover_ = true;
      if (format == "markdown" || format == "plaintext") break;
    }
  }
  hierarchical_symbols_ =
      flag(capabilities, {"textDocument", "documentSymbol", "hierarchicalDocumentSymbolSupport"});
  versioned_edits_ = flag(capabilities, {"workspace", "workspaceEdit", "documentChanges"});
  client_configuration_ = flag(capabilities, {"workspace", "configuration"});
  client_watches_files_ =
      flag(capabilities, {"workspace", "didChangeWatchedFiles", "dynamicRegistration"});
  pull_diagnostics_ = at_path(capabilities, {"textDocument", "diagnostic"}).is_object();
  client_diagnostic_refresh_ = flag(capabilities, {"workspace", "diagnostics", "refreshSupport"});
  work_done_progress_ = flag(capabilities, {"window", "workDoneProgress"});
  client_inlay_hint_refresh_ = flag(capabilities, {"workspace", "inlayHint", "refreshSupport"});

  std::vector<std::filesystem::path> folders;
  if (const Json* list = protocol::optional_member(params, "workspaceFolders");
      list && list->is_array()) {
    for (const Json& folder : *list) {
      if (const auto path = protocol::path_from_uri(protocol::string_member(folder, "uri"))) {
        folders.emplace_back(*path);
      }
    }
  } else if (const Json* root = protocol::optional_member(params, "rootUri");
             root && root->is_string()) {
    if (const auto path = protocol::path_from_uri(root->get<std::string>())) {
      folders.emplace_back(*path);
    }
  } else if (const Json* root_path = protocol::optional_member(params, "rootPath");
             root_path && root_path->is_string()) {
    folders.emplace_back(root_path->get<std::string>());
  }
  workspace_->set_folders(folders);
  if (const Json* settings = protocol::optional_member(params, "initializationOptions")) {
    if (const std::string error = workspace_->set_editor_settings(*settings); !error.empty()) {
      show_message(protocol::MessageType::Error, error);
    }
  }

  Json server_capabilities{
      {"positionEncoding", protocol::encoding_name(encoding_)},
      {"textDocumentSync",
       {{"openClose", true},
        {"change", static_cast<int>(protocol::TextDocumentSyncKind::Incremental)},
        {"save", {{"includeText", false}}}}},
      {"hoverProvider", true},
      {"codeActionProvider", {{"codeActionKinds", {"quickfix", "refactor"}}}},
      {"executeCommandProvider", {{"commands", {"histlint.addPersonToPeopleFile"}}}},
      {"inlayHintProvider", true},
      // Findings depend on the other open documents (events they share) and the workspace.
      {"diagnosticProvider", {{"interFileDependencies", true}, {"workspaceDiagnostics", false}}},
      {"workspace", {{"workspaceFolders", {{"supported", true}, {"changeNotifications", true}}}}},
  };
  server_capabilities.update(people_capabilities());
  state_ = State::Running;
  log::info("initialized: positions in " + std::string(protocol::encoding_name(encoding_)) + ", " +
            std::to_string(folders.size()) + " workspace folder(s)");
  reply(id, {{"capabilities", std::move(server_capabilities)},
             {"serverInfo", {{"name", "histlint"}, {"version", HISTLINT_VERSION}}}});
}

void LspServer::on_initialized(const Json&) {
  if (client_configuration_) pull_configuration();
  reindex_workspace();
  if (client_watches_files_) {
    const Json watchers = Json::array({{{"globPattern", "**/.histlint.json"}},
                                       {{"globPattern", "**/.histlint/people.json"}},
                                       {{"globPattern", "**/*.{md,markdown,txt}"}}});
    request("client/registerCapability",
            {{"registrations",
              {{{"id", "histlint-config-watch"},
                {"method", "workspace/didChangeWatchedFiles"},
                {"registerOptions", {{"watchers", watchers}}}}}}},
            [](const protocol::Message& response) {
              if (response.error) {
                log::warning("the client refused to watch configuration files: " +
                             json_excerpt(*response.error));
              }
            });
  }
}

void LspServer::on_shutdown(const Json& id, const Json&) {
  state_ = State::ShutDown;
  shutdown_requested_ = true;
  for (const auto& uri : documents_.documents()) scheduler_->cancel(uri.first);
  fail_parked({}, protocol::ErrorCode::RequestCancelled, "the server is shutting down");
  reply(id, nullptr);
}

void LspServer::on_exit(const Json&) {
  finished_ = true;
  log::info(shutdown_requested_ ? "exit" : "exit without shutdown");
}

void LspServer::on_cancel_request(const Json& params) {
  const Json& id = protocol::member(params, "id");
  for (auto it = parked_.begin(); it != parked_.end(); ++it) {
    if (it->id == id) {
      reply_error(id, protocol::ErrorCode::RequestCancelled, "cancelled");
      parked_.erase(it);
      return;
    }
  }
  // Already answered (everything else is answered at once): nothing to do.
}

}  // namespace histlint

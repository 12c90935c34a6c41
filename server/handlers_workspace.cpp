// workspace/didChangeConfiguration, didChangeWatchedFiles, didChangeWorkspaceFolders, and the
// workspace/configuration request the server sends.
#include "common/bounded_json.h"
#include "protocol/lsp.h"
#include "protocol/uri.h"
#include "server/log.h"
#include "server/lsp_server.h"

namespace histlint {

using protocol::Json;

void LspServer::apply_editor_settings(const Json& settings) {
  if (const std::string error = workspace_->set_editor_settings(settings); !error.empty()) {
    show_message(protocol::MessageType::Error, error);
    return;
  }
  reanalyze_all();
}

void LspServer::pull_configuration() {
  request("workspace/configuration", {{"items", {{{"section", "histlint"}}}}},
          [this](const protocol::Message& response) {
            if (response.error) {
              log::warning("workspace/configuration failed: " + json_excerpt(*response.error));
              return;
            }
            if (response.result.is_array() && !response.result.empty()) {
              apply_editor_settings(response.result[0]);
            }
          });
}

void LspServer::on_did_change_configuration(const Json& params) {
  const Json* settings = protocol::optional_member(params, "settings");
  // Clients that use the pull model send no settings (or unrelated ones): ask for ours.
  const bool has_ours = settings && settings->is_object() &&
                        (settings->contains("histlint") || settings->contains("rules") ||
                         settings->contains("thresholds") || settings->contains("documentDate") ||
                         settings->contains("citationScope") || settings->contains("inlayHints"));
  if (has_ours) {
    apply_editor_settings(*settings);
  } else if (client_configuration_) {
    pull_configuration();
  } else {
    reanalyze_all();
  }
}

void LspServer::on_did_change_watched_files(const Json& params) {
  // Configuration and knowledge-base files are re-read when their modification time changes;
  // a changed prose file only changes the workspace's mentions.
  const Json* changes = protocol::optional_member(params, "changes");
  bool settings_changed = !changes || !changes->is_array();
  if (!settings_changed) {
    for (const Json& change : *changes) {
      const std::string uri = protocol::string_member(change, "uri");
      settings_changed |= uri.ends_with("/.histlint.json") || uri.ends_with("/people.json");
    }
  }
  if (settings_changed) {
    reanalyze_all();
  } else {
    reindex_workspace();
  }
}

void LspServer::on_did_change_workspace_folders(const Json& params) {
  const Json& event = protocol::member(params, "event");
  for (const Json& folder : protocol::member(event, "removed")) {
    if (const auto path = protocol::path_from_uri(protocol::string_member(folder, "uri"))) {
      workspace_->remove_folder(*path);
    }
  }
  for (const Json& folder : protocol::member(event, "added")) {
    if (const auto path = protocol::path_from_uri(protocol::string_member(folder, "uri"))) {
      workspace_->add_folder(*path);
    }
  }
  reanalyze_all();
}

}  // namespace histlint

// What the server knows of the workspace: its folders, the .histlint.json that applies to each
// document, the editor's settings on top, and the knowledge base (bundled, plus the folder's
// .histlint/people.json and any files the configuration names). Files are re-read when their
// modification time changes, so edits are picked up without restarting. Thread-safe.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "protocol/jsonrpc.h"
#include "rules/kb/knowledge_base.h"
#include "rules/options.h"

namespace histlint {

struct ConfigResult;

class Workspace {
 public:
  struct Settings {
    std::shared_ptr<const Options> options;
    std::shared_ptr<const KnowledgeBase> kb;
    bool excluded = false;            // the configuration's "exclude" globs match the file
    std::vector<std::string> errors;  // configuration or knowledge-base files that failed to load
  };

  Workspace();
  ~Workspace();

  void set_folders(std::vector<std::filesystem::path> folders);
  std::vector<std::filesystem::path> folders() const;
  void add_folder(const std::filesystem::path& folder);
  void remove_folder(const std::filesystem::path& folder);

  // Settings from the editor (initializationOptions, workspace/configuration,
  // didChangeConfiguration): the keys of .histlint.json that make sense per editor — "rules",
  // "thresholds", "documentDate", "citationScope", "inlayHints" — either at the top level or
  // under "histlint".
  // They override the configuration file. Returns an error message (and keeps the previous
  // settings) when they are invalid; empty on success.
  std::string set_editor_settings(const protocol::Json& settings);

  // The settings for a document; `file` is empty for documents that are not files (untitled:).
  Settings resolve(const std::optional<std::filesystem::path>& file);
  // Whether inlay hints are shown for a document ("inlayHints": the editor's setting, else the
  // configuration file's).
  bool inlay_hints(const std::optional<std::filesystem::path>& file);
  // The knowledge base of the first workspace folder, for workspace-wide queries.
  std::shared_ptr<const KnowledgeBase> knowledge_base();

 private:
  struct CachedConfig;
  struct CachedKnowledgeBase;

  std::optional<std::filesystem::path> folder_of(
      const std::optional<std::filesystem::path>& file) const;
  std::shared_ptr<const ConfigResult> config_for(const std::optional<std::filesystem::path>& file);
  std::shared_ptr<const KnowledgeBase> knowledge_base_for(
      const std::vector<std::filesystem::path>& files, std::vector<std::string>& errors);

  mutable std::mutex mutex_;
  std::vector<std::filesystem::path> folders_;
  protocol::Json editor_settings_;  // the accepted keys only
  std::shared_ptr<const Options> editor_options_;
  std::map<std::filesystem::path, std::unique_ptr<CachedConfig>> configs_;
  // By the list of extra files merged over the bundled knowledge base.
  std::map<std::vector<std::filesystem::path>, std::unique_ptr<CachedKnowledgeBase>>
      knowledge_bases_;
};

}  // namespace histlint

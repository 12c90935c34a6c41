#include "server/workspace.h"
#include "server/kb_files.h"

#include <algorithm>
#include <system_error>

#include "common/bounded_json.h"
#include "server/config.h"

namespace histlint {

namespace fs = std::filesystem;

namespace {

constexpr const char* kEditorSettingKeys[] = {"rules", "thresholds", "documentDate",
                                              "citationScope", "inlayHints"};

// A file's modification time, or nullopt when it cannot be read.
std::optional<fs::file_time_type> modified(const fs::path& path) {
  std::error_code ec;
  const auto time = fs::last_write_time(path, ec);
  if (ec) return std::nullopt;
  return time;
}

bool is_within(const fs::path& file, const fs::path& folder) {
  const auto [folder_end, file_it] =
      std::mismatch(folder.begin(), folder.end(), file.begin(), file.end());
  return folder_end == folder.end() ||
         (folder_end->empty() && std::next(folder_end) == folder.end());
}

// The editor's settings laid over the file's options.
Options overlay(const Options& base, const Options& editor, const protocol::Json& keys) {
  Options merged = base;
  if (keys.contains("rules")) {
    merged.rules.insert(merged.rules.end(), editor.rules.begin(), editor.rules.end());
  }
  if (keys.contains("thresholds")) {
    for (const auto& [key, value] : editor.thresholds) merged.thresholds[key] = value;
  }
  if (keys.contains("documentDate")) merged.document_date = editor.document_date;
  if (keys.contains("citationScope")) merged.citation_scope = editor.citation_scope;
  return merged;
}

}  // namespace

struct Workspace::CachedConfig {
  std::optional<fs::file_time_type> stamp;
  std::shared_ptr<const ConfigResult> result;
};

struct Workspace::CachedKnowledgeBase {
  std::vector<std::optional<fs::file_time_type>> stamps;
  std::shared_ptr<const KnowledgeBase> kb;
  std::string error;
};

Workspace::Workspace() : editor_settings_(protocol::Json::object()) {}
Workspace::~Workspace() = default;

void Workspace::set_folders(std::vector<fs::path> folders) {
  const std::lock_guard lock(mutex_);
  folders_ = std::move(folders);
}

std::vector<fs::path> Workspace::folders() const {
  const std::lock_guard lock(mutex_);
  return folders_;
}

void Workspace::add_folder(const fs::path& folder) {
  const std::lock_guard lock(mutex_);
  if (std::find(folders_.begin(), folders_.end(), folder) == folders_.end()) {
    folders_.push_back(folder);
  }
}

void Workspace::remove_folder(const fs::path& folder) {
  const std::lock_guard lock(mutex_);
  folders_.erase(std::remove(folders_.begin(), folders_.end(), folder), folders_.end());
}

std::string Workspace::set_editor_settings(const protocol::Json& settings) {
  const protocol::Json* section = &settings;
  if (settings.is_object() && settings.contains("histlint") && settings["histlint"].is_object()) {
    section = &settings["histlint"];
  }
  protocol::Json accepted = protocol::Json::object();
  if (section->is_object()) {
    for (const char* key : kEditorSettingKeys) {
      if (section->contains(key) && !(*section)[key].is_null()) accepted[key] = (*section)[key];
    }
  } else if (!section->is_null()) {
    return "editor settings must be an object, not " + json_excerpt(*section);
  }
  const ConfigResult parsed = parse_config(accepted.dump(2), "<editor settings>");
  if (!parsed.ok()) return parsed.error;
  const std::lock_guard lock(mutex_);
  editor_settings_ = std::move(accepted);
  editor_options_ = std::make_shared<const Options>(parsed.config->options);
  return {};
}

std::optional<fs::path> Workspace::folder_of(const std::optional<fs::path>& file) const {
  std::optional<fs::path> best;
  for (const auto& folder : folders_) {
    if (file && !is_within(*file, folder)) continue;
    if (!best || folder.native().size() > best->native().size()) best = folder;
  }
  if (!best && !file && !folders_.empty()) best = folders_.front();
  return best;
}

std::shared_ptr<const ConfigResult> Workspace::config_for(const std::optional<fs::path>& file) {
  const std::optional<fs::path> start = file ? file->parent_path() : folder_of(file);
  const std::optional<fs::path> found = start ? find_config_file(*start) : std::nullopt;
  if (!found) {
    const fs::path root = start.value_or(fs::current_path());
    return std::make_shared<const ConfigResult>(ConfigResult{default_config(root), {}});
  }
  auto& cached = configs_[*found];
  if (!cached) cached = std::make_unique<CachedConfig>();
  const auto stamp = modified(*found);
  if (!cached->result || cached->stamp != stamp) {
    cached->stamp = stamp;
    ConfigResult loaded = load_config_file(*found);
    if (!loaded.ok()) {
      // While the file is broken (reported as an error), the last configuration it gave stays.
      loaded.config =
          cached->result ? cached->result->config : default_config(found->parent_path());
    }
    cached->result = std::make_shared<const ConfigResult>(std::move(loaded));
  }
  return cached->result;
}

std::shared_ptr<const KnowledgeBase> Workspace::knowledge_base_for(
    const std::vector<fs::path>& files, std::vector<std::string>& errors) {
  std::vector<std::optional<fs::file_time_type>> stamps;
  for (const auto& file : files) stamps.push_back(modified(file));
  auto& cached = knowledge_bases_[files];
  if (!cached || cached->stamps != stamps) {
    auto fresh = std::make_unique<CachedKnowledgeBase>();
    fresh->stamps = stamps;
    if (files.empty()) {
      // The bundled knowledge base lives for the whole process.
      fresh->kb = std::shared_ptr<const KnowledgeBase>(&bundled_knowledge_base(),
                                                       [](const KnowledgeBase*) {});
    } else {
      std::vector<std::string> paths;
      for (const auto& file : files) paths.push_back(file.string());
      fresh->kb = std::make_shared<const KnowledgeBase>(load_knowledge_base(paths, &fresh->error));
    }
    cached = std::move(fresh);
  }
  if (!cached->error.empty()) errors.push_back(cached->error);
  return cached->kb;
}

Workspace::Settings Workspace::resolve(const std::optional<fs::path>& file) {
  const std::lock_guard lock(mutex_);
  Settings settings;
  const auto config = config_for(file);
  if (!config->error.empty()) settings.errors.push_back(config->error);
  settings.excluded = file && config->config->excludes(*file);

  std::vector<fs::path> kb_files;
  if (const auto folder = folder_of(file)) {
    const fs::path workspace_kb = *folder / ".histlint" / "people.json";
    std::error_code ec;
    if (fs::exists(workspace_kb, ec)) kb_files.push_back(workspace_kb);
  }
  for (const auto& extra : config->config->knowledge_base) {
    if (std::find(kb_files.begin(), kb_files.end(), extra) == kb_files.end()) {
      kb_files.push_back(extra);
    }
  }
  settings.kb = knowledge_base_for(kb_files, settings.errors);

  if (editor_options_) {
    auto options = std::make_shared<Options>(
        overlay(config->config->options, *editor_options_, editor_settings_));
    if (file) options->genre = config->config->genre_for(*file);
    settings.options = std::move(options);
  } else if (file && !config->config->genre_globs.empty()) {
    auto options = std::make_shared<Options>(config->config->options);
    options->genre = config->config->genre_for(*file);
    settings.options = std::move(options);
  } else {
    settings.options = std::shared_ptr<const Options>(config->config, &config->config->options);
  }
  return settings;
}

bool Workspace::inlay_hints(const std::optional<fs::path>& file) {
  const std::lock_guard lock(mutex_);
  if (editor_settings_.contains("inlayHints")) return editor_settings_["inlayHints"].get<bool>();
  return config_for(file)->config->inlay_hints;
}

std::shared_ptr<const KnowledgeBase> Workspace::knowledge_base() {
  std::optional<fs::path> folder;
  {
    const std::lock_guard lock(mutex_);
    folder = folders_.empty() ? std::nullopt : std::optional<fs::path>(folders_.front());
  }
  return resolve(folder ? std::optional<fs::path>(*folder / ".") : std::nullopt).kb;
}

}  // namespace histlint

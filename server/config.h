// `.histlint.json`: discovery, parsing with precise errors, and the effective settings for a file.
// Shared by `histlint check` and the language server (which loads it per workspace folder).
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "rules/options.h"

namespace histlint {

inline constexpr std::string_view kConfigFileName = ".histlint.json";

// Extensions checked when a folder is walked and the configuration sets no "include".
inline constexpr std::string_view kDefaultIncludes[] = {"**/*.md", "**/*.markdown", "**/*.txt"};

struct Config {
  std::filesystem::path file;  // the .histlint.json read; empty for the built-in defaults
  std::filesystem::path root;  // the folder globs and relative paths are resolved against
  Options options;
  std::vector<std::filesystem::path> knowledge_base;  // absolute paths of extra KB files
  std::vector<std::string> include;                   // globs; empty means kDefaultIncludes
  std::vector<std::string> exclude;
  // "genre" given per glob, in file order; the first glob matching a file decides.
  std::vector<std::pair<std::string, Genre>> genre_globs;
  // Whether the language server shows inlay hints (computed ages, New Style days, resolved
  // relative dates) for the files under it.
  bool inlay_hints = true;

  // Whether a folder walk picks up the file (include globs, then exclude globs).
  bool includes(const std::filesystem::path& file) const;
  // Whether an exclude glob matches the file or one of its folders below the root.
  bool excludes(const std::filesystem::path& path) const;
  // The genre of a file: its first matching "genre" glob, else the configuration's "genre".
  Genre genre_for(const std::filesystem::path& file) const;
};

// Either a configuration or an error message naming the file, line, column and key:
// "/repo/.histlint.json:4:5: error: unknown key "rulez"; expected one of …".
struct ConfigResult {
  std::shared_ptr<const Config> config;
  std::string error;
  bool ok() const { return config != nullptr; }
};

// Parses the text of a configuration file. `path` names it in errors and anchors relative paths.
ConfigResult parse_config(std::string_view text, const std::filesystem::path& path);

// Reads and parses one configuration file.
ConfigResult load_config_file(const std::filesystem::path& path);

// The nearest .histlint.json in `folder` or one of its ancestors.
std::optional<std::filesystem::path> find_config_file(const std::filesystem::path& folder);

// The configuration that applies to a file: the nearest .histlint.json above it, or the defaults
// (rooted at the file's folder) when there is none.
ConfigResult load_config_for(const std::filesystem::path& file);

// The built-in defaults, rooted at `root`.
std::shared_ptr<const Config> default_config(const std::filesystem::path& root);

// The effective configuration as JSON text, for `histlint config --print`: the file it came from
// and every setting, including each rule's resulting severity ("off" when disabled).
std::string describe_config(const Config& config);

// Caches configurations by folder, so a walk over many files reads each .histlint.json once.
// With an override path (--config), every file gets that one configuration.
class ConfigCache {
 public:
  explicit ConfigCache(std::optional<std::filesystem::path> override_path = std::nullopt);
  const ConfigResult& for_file(const std::filesystem::path& file);
  const ConfigResult& for_folder(const std::filesystem::path& folder);

 private:
  std::optional<ConfigResult> override_;
  std::map<std::filesystem::path, ConfigResult> by_folder_;  // absolute folder -> result
  std::map<std::filesystem::path, ConfigResult> by_file_;    // config file -> result
};

// Glob matching for include/exclude: "*" and "?" stay within one path segment, "**" spans
// segments, "[a-z]" is a class and "{md,txt}" alternatives. A pattern without "/" matches the
// file name at any depth; a trailing "/" matches everything below the folder.
bool path_glob_match(std::string_view pattern, std::string_view relative_path);

}  // namespace histlint

#include "server/cli_files.h"

#include <algorithm>
#include <set>

namespace histlint {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kStdinDisplay = "<stdin>";

class Collector {
 public:
  Collector(ConfigCache& configs, TargetList& list) : configs_(configs), list_(list) {}

  // The configuration, or null after recording its error (once per configuration file).
  std::shared_ptr<const Config> accept(const ConfigResult& result, const fs::path& path) {
    if (!result.ok() && reported_errors_.insert(result.error).second) {
      list_.problems.push_back({path.generic_string(), result.error});
    }
    return result.config;
  }

  void add_file(const fs::path& file, std::string display, std::shared_ptr<const Config> config) {
    std::error_code ec;
    const fs::path canonical = fs::weakly_canonical(file, ec);
    if (!seen_.insert(ec ? file : canonical).second) return;  // named twice
    list_.targets.push_back({file, std::move(display), std::move(config), false});
  }

  void walk(const fs::path& folder) {
    std::error_code ec;
    std::vector<fs::directory_entry> entries;
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
      entries.push_back(*it);
    }
    if (ec) {
      list_.problems.push_back({folder.generic_string(),
                                folder.generic_string() + ": cannot read folder: " + ec.message()});
      return;
    }
    std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
      return a.path().filename() < b.path().filename();
    });
    for (const auto& entry : entries) {
      const fs::path& path = entry.path();
      const std::string name = path.filename().string();
      std::error_code type_ec;
      if (entry.is_directory(type_ec)) {
        // Hidden folders (.git, .venv) and node_modules hold no prose of the project; symlinked
        // folders could loop.
        if (name.front() == '.' || name == "node_modules" || entry.is_symlink(type_ec)) continue;
        auto config = accept(configs_.for_folder(path), path);
        if (config && config->excludes(path)) continue;
        walk(path);
      } else if (entry.is_regular_file(type_ec)) {
        auto config = accept(configs_.for_file(path), path);
        if (config && config->includes(path)) add_file(path, display_of(path), config);
      }
    }
  }

  static std::string display_of(const fs::path& path) {
    return path.lexically_normal().generic_string();
  }

 private:
  ConfigCache& configs_;
  TargetList& list_;
  std::set<fs::path> seen_;
  std::set<std::string> reported_errors_;
};

}  // namespace

TargetList collect_targets(const std::vector<std::string>& paths, ConfigCache& configs,
                           const std::optional<std::string>& stdin_name) {
  TargetList list;
  Collector collector(configs, list);
  bool stdin_taken = false;
  for (const std::string& arg : paths) {
    if (arg == "-") {
      if (stdin_taken) continue;
      stdin_taken = true;
      const fs::path claimed = stdin_name ? fs::path(*stdin_name) : fs::path(kStdinDisplay);
      auto config = collector.accept(configs.for_file(claimed), claimed);
      if (!config) continue;
      list.targets.push_back(
          {claimed, stdin_name ? Collector::display_of(claimed) : std::string(kStdinDisplay),
           std::move(config), true});
      continue;
    }
    const fs::path path(arg);
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      const bool missing = !ec || ec == std::errc::no_such_file_or_directory;
      list.problems.push_back(
          {arg, arg + ": " + (missing ? "no such file or folder" : ec.message())});
      continue;
    }
    if (fs::is_directory(status)) {
      collector.walk(path);
      continue;
    }
    auto config = collector.accept(configs.for_file(path), path);
    if (config && !config->excludes(path)) {
      collector.add_file(path, Collector::display_of(path), std::move(config));
    }
  }
  return list;
}

}  // namespace histlint

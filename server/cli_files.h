// Which files `histlint check` reads: paths from the command line, folders walked recursively
// through each file's configuration (include/exclude), standard input for "-".
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "server/config.h"
#include "server/report.h"

namespace histlint {

struct CheckTarget {
  std::filesystem::path path;  // the file to read; for standard input, where it claims to be
  std::string display;         // the path as reported
  std::shared_ptr<const Config> config;
  bool from_stdin = false;
};

struct TargetList {
  std::vector<CheckTarget> targets;   // command-line order; a folder's files in sorted order
  std::vector<FileProblem> problems;  // missing paths, unreadable folders, configuration errors
};

// Expands the command line's paths. `stdin_name` is the name standard input is reported under;
// it also locates its configuration. Files named explicitly are checked whatever their extension,
// unless the configuration excludes them.
TargetList collect_targets(const std::vector<std::string>& paths, ConfigCache& configs,
                           const std::optional<std::string>& stdin_name);

}  // namespace histlint

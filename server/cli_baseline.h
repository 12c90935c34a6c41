// Baselines: the findings a project has accepted, so `check` reports only new ones. A finding is
// matched by file, rule and the fingerprint of its flagged text, never by line, so edits elsewhere
// in a document do not resurrect it.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "server/report.h"

namespace histlint {

// How a baseline names a file: its path relative to the baseline file's folder, "/"-separated.
std::string baseline_path(const std::filesystem::path& file, const std::filesystem::path& baseline);

class Baseline {
 public:
  // Reads a baseline written by write_baseline; on failure returns false and sets `error`.
  bool load(const std::filesystem::path& file, std::string& error);

  // Drops the file's findings that the baseline holds (each entry absorbs one finding) and
  // returns how many it dropped.
  size_t filter(const std::string& path, CheckedFile& file);

 private:
  std::map<std::tuple<std::string, std::string, std::string>, size_t> remaining_;
};

// One file's findings, named as in the baseline.
struct BaselineEntryFile {
  std::string path;
  const CheckedFile* file;
};

// Writes every finding of the files; returns false and sets `error` when the file cannot be
// written.
bool write_baseline(const std::filesystem::path& baseline,
                    const std::vector<BaselineEntryFile>& files, std::string& error);

}  // namespace histlint

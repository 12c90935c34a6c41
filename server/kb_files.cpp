#include "server/kb_files.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

namespace histlint {

namespace {

std::optional<std::string> executable_dir() {
  std::error_code ec;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) return std::nullopt;
  return exe.parent_path().string();
}

}  // namespace

std::optional<std::string> bundled_knowledge_base_path() {
  std::vector<std::filesystem::path> candidates;
  if (const char* dir = std::getenv("HISTLINT_DATA_DIR"); dir && *dir) {
    candidates.emplace_back(std::filesystem::path(dir) / "people.json");
  }
  if (auto exe_dir = executable_dir()) {
    candidates.emplace_back(std::filesystem::path(*exe_dir) / ".." / "share" / "histlint" /
                            "people.json");
  }
  candidates.emplace_back(std::filesystem::path(HISTLINT_INSTALL_DATA_DIR) / "people.json");
  candidates.emplace_back(std::filesystem::path(HISTLINT_SOURCE_DATA_DIR) / "people.json");
  for (const auto& candidate : candidates) {
    std::error_code ec;
    if (std::filesystem::is_regular_file(candidate, ec)) {
      return std::filesystem::weakly_canonical(candidate, ec).string();
    }
  }
  return std::nullopt;
}

const KnowledgeBase& bundled_knowledge_base() {
  // Never destroyed: freeing every entry at exit would only slow each run's end.
  static const KnowledgeBase* const kb = new KnowledgeBase([] {
    auto path = bundled_knowledge_base_path();
    if (!path) {
      std::cerr << "histlint: people knowledge base not found (set HISTLINT_DATA_DIR to the "
                   "folder holding people.json)\n";
      return KnowledgeBase();
    }
    std::string error;
    auto loaded = load_knowledge_base_file(*path, &error);
    if (!loaded) {
      std::cerr << "histlint: " << error << "\n";
      return KnowledgeBase();
    }
    return std::move(*loaded);
  }());
  return *kb;
}

std::optional<KnowledgeBase> load_knowledge_base_file(const std::string& path, std::string* error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    if (error) *error = path + ":1: cannot open the file";
    return std::nullopt;
  }
  std::ostringstream content;
  content << in.rdbuf();
  if (in.bad()) {
    if (error) *error = path + ":1: cannot read the file";
    return std::nullopt;
  }
  return KnowledgeBase::parse(content.str(), path, error);
}

KnowledgeBase load_knowledge_base(const std::vector<std::string>& extra_files, std::string* error) {
  std::vector<KnowledgeBase> overlays;
  std::string errors;
  for (const auto& path : extra_files) {
    std::string file_error;
    auto extra = load_knowledge_base_file(path, &file_error);
    if (!extra) {
      if (!errors.empty()) errors += '\n';
      errors += file_error;
      continue;
    }
    overlays.push_back(std::move(*extra));
  }
  if (error) *error = errors;
  return KnowledgeBase::layered(bundled_knowledge_base(), std::move(overlays));
}

std::vector<std::string> knowledge_base_files(const Config& config) {
  std::error_code ec;
  const std::filesystem::path project =
      config.file.empty() ? std::filesystem::current_path(ec) : config.root;
  std::vector<std::string> files;
  const std::filesystem::path workspace_kb = project / ".histlint" / "people.json";
  if (std::filesystem::is_regular_file(workspace_kb, ec)) files.push_back(workspace_kb.string());
  for (const auto& extra : config.knowledge_base) {
    if (std::find(files.begin(), files.end(), extra.string()) == files.end()) {
      files.push_back(extra.string());
    }
  }
  return files;
}

const KnowledgeBase& KnowledgeBases::for_config(const Config& config,
                                                std::vector<FileProblem>& problems) {
  const auto files = knowledge_base_files(config);
  if (files.empty()) return bundled_knowledge_base();
  auto it = loaded_.find(files);
  if (it == loaded_.end()) {
    std::string error;
    auto kb = std::make_unique<KnowledgeBase>(load_knowledge_base(files, &error));
    if (!error.empty()) problems.push_back({files.front(), error});
    it = loaded_.emplace(files, std::move(kb)).first;
  }
  return *it->second;
}

}  // namespace histlint

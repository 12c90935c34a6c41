#include "server/kb_loader.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace histlint {

namespace fs = std::filesystem;

std::vector<std::string> knowledge_base_files(const Config& config) {
  std::error_code ec;
  const fs::path project = config.file.empty() ? fs::current_path(ec) : config.root;
  std::vector<std::string> files;
  const fs::path workspace_kb = project / ".histlint" / "people.json";
  if (fs::is_regular_file(workspace_kb, ec)) files.push_back(workspace_kb.string());
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
  if (files.empty()) return KnowledgeBase::bundled();
  auto it = loaded_.find(files);
  if (it == loaded_.end()) {
    std::string error;
    auto kb = std::make_unique<KnowledgeBase>(KnowledgeBase::load(files, &error));
    if (!error.empty()) problems.push_back({files.front(), error});
    it = loaded_.emplace(files, std::move(kb)).first;
  }
  return *it->second;
}

}  // namespace histlint

// The people knowledge bases of the command-line tools: the bundled one, merged with a project's
// .histlint/people.json and the files its configuration names. Shared by check and extract.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "rules/kb/knowledge_base.h"
#include "server/config.h"
#include "server/report.h"

namespace histlint {

// The knowledge-base files merged over the bundled one for a configuration: the project's
// .histlint/people.json beside its .histlint.json (or in the working folder when there is no
// configuration file), as the server reads it for a workspace folder, then the configured files.
std::vector<std::string> knowledge_base_files(const Config& config);

// Loads each distinct knowledge base once. A file that fails to load is a problem, like a
// broken configuration.
class KnowledgeBases {
 public:
  const KnowledgeBase& for_config(const Config& config, std::vector<FileProblem>& problems);

 private:
  std::map<std::vector<std::string>, std::unique_ptr<KnowledgeBase>> loaded_;
};

}  // namespace histlint

// The people knowledge base as files: where the bundled data is, reading it once, reading
// workspace files to merge over it, and which files a configuration adds (shared by check and
// extract). rules/kb parses the text; this reads it.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "rules/kb/knowledge_base.h"
#include "server/config.h"
#include "server/report.h"

namespace histlint {

// Where the bundled data file is: $HISTLINT_DATA_DIR/people.json, then
// <exe_dir>/../share/histlint/people.json, then the installed and the source tree's data.
std::optional<std::string> bundled_knowledge_base_path();

// The knowledge base shipped with the binary, loaded once. Empty (with a message on stderr)
// when the data file cannot be found or read.
const KnowledgeBase& bundled_knowledge_base();

// True when `path` starts with the binary knowledge-base magic (kb_binary.h).
bool is_binary_knowledge_base_file(const std::string& path);

// Parses one file (JSON, or a binary base, which is memory-mapped); on failure returns nullopt and
// sets `error` to "path:line: message".
std::optional<KnowledgeBase> load_knowledge_base_file(const std::string& path, std::string* error);

// The bundled knowledge base with each extra file merged over it in order (an entry with an
// existing id replaces it). Files that fail to load are skipped; `error` (if given) receives
// one "path:line: message" per failure, newline-separated, and is cleared on success.
KnowledgeBase load_knowledge_base(const std::vector<std::string>& extra_files, std::string* error);

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

// Where people are mentioned in the workspace folders' files that are not open in the editor,
// for references and the hover card's "N in other workspace documents". Rebuilt on a worker
// after start-up and when files may have changed; a rebuild re-reads only the files whose size
// or modification time, or whose knowledge base, changed. Thread-safe.
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "protocol/positions.h"
#include "server/workspace.h"

namespace histlint {

class MentionIndex {
 public:
  // Files above this size are not indexed (a stray data dump must not stall the server).
  static constexpr uintmax_t kMaxFileBytes = 8u << 20;
  static constexpr size_t kMaxFiles = 10000;

  struct Mention {
    std::string uri;
    protocol::Range range;
  };

  // Files looked at so far and in all, after each file of a rebuild.
  using Progress = std::function<void(size_t done, size_t total)>;

  // Walks the workspace folders for .md, .markdown and .txt files (hidden folders and
  // node_modules skipped, the configuration's excludes honoured) and records their mentions.
  // Stops early, keeping the previous index, once `superseded` turns true.
  void rebuild(Workspace& workspace, protocol::PositionEncoding encoding,
               const std::atomic<bool>& superseded, const Progress& progress = {});

  // The mentions of a person, leaving out the files in `skip` (the open documents, which the
  // server knows better).
  std::vector<Mention> mentions_of(std::string_view person_id,
                                   const std::set<std::string>& skip) const;
  size_t count(std::string_view person_id, const std::set<std::string>& skip) const;
  size_t file_count() const;

 private:
  struct IndexedFile {
    std::filesystem::file_time_type modified;
    uintmax_t size = 0;
    std::shared_ptr<const KnowledgeBase> kb;  // the one the names were recognised with
    std::string uri;
    std::map<std::string, std::vector<protocol::Range>, std::less<>> mentions;  // by person id
  };

  mutable std::mutex mutex_;
  // Shared, so that a rebuild keeps unchanged files without copying their mentions.
  std::map<std::filesystem::path, std::shared_ptr<const IndexedFile>> files_;
};

}  // namespace histlint

#include "server/open_claims.h"

#include <string_view>

namespace histlint {

std::set<std::string> OpenClaims::sharing(const std::string& path,
                                          const DocumentClaims& claims) const {
  std::set<std::string> paths;
  for (const std::string& key : claims.keys()) {
    ++comparisons_;
    const auto it = paths_by_key_.find(key);
    if (it == paths_by_key_.end()) continue;
    for (const std::string& other : it->second) {
      ++comparisons_;
      if (other != path) paths.insert(other);
    }
  }
  return paths;
}

std::vector<std::string> OpenClaims::uris_of(const std::set<std::string>& paths) const {
  std::vector<std::string> uris;
  uris.reserve(paths.size());
  for (const std::string& path : paths) uris.push_back(entries_.at(path).uri);
  return uris;
}

void OpenClaims::index(const std::string& path, const DocumentClaims& claims) {
  for (const std::string& key : claims.keys()) paths_by_key_[key].insert(path);
}

void OpenClaims::unindex(const std::string& path, const DocumentClaims& claims) {
  for (const std::string& key : claims.keys()) {
    const auto it = paths_by_key_.find(key);
    if (it == paths_by_key_.end()) continue;
    it->second.erase(path);
    if (it->second.empty()) paths_by_key_.erase(it);
  }
}

std::vector<std::string> OpenClaims::record(const std::string& path, Entry entry) {
  const std::lock_guard lock(mutex_);
  const auto it = entries_.find(path);
  const std::shared_ptr<const DocumentClaims> previous =
      it == entries_.end() ? nullptr : it->second.claims;
  const bool has_events = entry.claims && !entry.claims->claims().empty();
  const bool changed = previous ? !has_events || !previous->same_events(*entry.claims) : has_events;
  if (previous) ++comparisons_;
  std::set<std::string> affected;
  if (changed) {
    if (previous) affected = sharing(path, *previous);
    if (has_events) affected.merge(sharing(path, *entry.claims));
  }
  if (previous && changed) unindex(path, *previous);
  if (has_events) {
    if (changed) index(path, *entry.claims);
    entries_[path] = std::move(entry);
  } else if (it != entries_.end()) {
    entries_.erase(it);
  }
  return uris_of(affected);
}

std::vector<std::string> OpenClaims::forget(const std::string& path) {
  const std::lock_guard lock(mutex_);
  const auto it = entries_.find(path);
  if (it == entries_.end()) return {};
  const auto claims = it->second.claims;
  unindex(path, *claims);
  entries_.erase(it);
  return uris_of(sharing(path, *claims));
}

OpenClaims::Others OpenClaims::others(const std::string& path) const {
  const std::lock_guard lock(mutex_);
  Others out;
  for (const auto& [other_path, entry] : entries_) {
    if (other_path == path) continue;
    out.documents.push_back(entry.claims);
    out.texts[other_path] = OpenText{entry.uri, entry.snapshot};
  }
  return out;
}

bool OpenClaims::missed_any(const std::string& path, const Analysis::OtherDocuments& seen) const {
  const std::lock_guard lock(mutex_);
  const auto it = entries_.find(path);
  if (it == entries_.end()) return false;
  const auto shared = sharing(path, *it->second.claims);
  if (shared.empty()) return false;
  std::unordered_map<std::string_view, const DocumentClaims*> seen_by_path;
  for (const auto& claims : seen) {
    if (claims) seen_by_path.emplace(claims->path(), claims.get());
  }
  for (const std::string& other_path : shared) {
    // Compared by events, not by analysis: another analysis of unchanged events (a keystroke
    // elsewhere in that document) misses nothing.
    ++comparisons_;
    const auto read = seen_by_path.find(other_path);
    if (read == seen_by_path.end() || !read->second->same_events(*entries_.at(other_path).claims)) {
      return true;
    }
  }
  return false;
}

size_t OpenClaims::comparisons() const {
  const std::lock_guard lock(mutex_);
  return comparisons_;
}

}  // namespace histlint

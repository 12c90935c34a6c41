#include "server/open_claims.h"

#include <algorithm>

namespace histlint {

std::vector<std::string> OpenClaims::sharing(const std::string& path,
                                             const DocumentClaims& claims) const {
  std::vector<std::string> uris;
  for (const auto& [other_path, entry] : entries_) {
    if (other_path != path && entry.claims->shares_event_with(claims)) uris.push_back(entry.uri);
  }
  return uris;
}

std::vector<std::string> OpenClaims::record(const std::string& path, Entry entry) {
  const std::lock_guard lock(mutex_);
  const auto it = entries_.find(path);
  const std::shared_ptr<const DocumentClaims> previous =
      it == entries_.end() ? nullptr : it->second.claims;
  const bool has_events = entry.claims && !entry.claims->claims().empty();
  const bool changed = previous ? !has_events || !previous->same_events(*entry.claims) : has_events;
  std::vector<std::string> affected;
  if (changed) {
    if (previous) affected = sharing(path, *previous);
    if (has_events) {
      for (auto& uri : sharing(path, *entry.claims)) {
        if (std::find(affected.begin(), affected.end(), uri) == affected.end()) {
          affected.push_back(std::move(uri));
        }
      }
    }
  }
  if (has_events) {
    entries_[path] = std::move(entry);
  } else if (it != entries_.end()) {
    entries_.erase(it);
  }
  return affected;
}

std::vector<std::string> OpenClaims::forget(const std::string& path) {
  const std::lock_guard lock(mutex_);
  const auto it = entries_.find(path);
  if (it == entries_.end()) return {};
  const auto claims = it->second.claims;
  entries_.erase(it);
  return sharing(path, *claims);
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
  for (const auto& [other_path, entry] : entries_) {
    if (other_path == path || !entry.claims->shares_event_with(*it->second.claims)) continue;
    // Compared by events, not by analysis: another analysis of unchanged events (a keystroke
    // elsewhere in that document) misses nothing.
    // Captured by name: clang before 16 rejects capturing a structured binding.
    const std::string& wanted = other_path;
    const auto read = std::find_if(seen.begin(), seen.end(), [&wanted](const auto& claims) {
      return claims && claims->path() == wanted;
    });
    if (read == seen.end() || !(*read)->same_events(*entry.claims)) return true;
  }
  return false;
}

}  // namespace histlint

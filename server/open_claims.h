// The dated events of the documents open in the editor, so that each document's analysis can
// compare its events with the others' (date/conflicting-dates across documents). The server
// thread records each analysis; workers read a copy when an analysis starts. Thread-safe.
// Documents are indexed by event key, so that finding those sharing events with one costs the
// size of the answer, not a comparison with every open document.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "rules/analysis.h"
#include "rules/extract/date_events.h"
#include "server/diagnostics.h"
#include "server/document_store.h"

namespace histlint {

class OpenClaims {
 public:
  // What one analysis of `path` (see analysis_path) found: its events and the text they are in.
  struct Entry {
    std::string uri;
    std::shared_ptr<const TextSnapshot> snapshot;
    std::shared_ptr<const DocumentClaims> claims;
  };
  // The other documents, as an analysis of `path` reads them.
  struct Others {
    Analysis::OtherDocuments documents;
    OpenTexts texts;
  };

  // Records the newest analysis of `path`. Returns the URIs of the other documents whose
  // findings may change because of it: those with events in common with its old or new events,
  // when these changed.
  std::vector<std::string> record(const std::string& path, Entry entry);
  // Forgets a closed document; returns the URIs of the documents that shared events with it.
  std::vector<std::string> forget(const std::string& path);
  Others others(const std::string& path) const;
  // True when an analysis of `path` that read `seen` missed the current events of a document
  // it has events in common with (their events changed meanwhile, or were analysed at the same
  // time).
  bool missed_any(const std::string& path, const Analysis::OtherDocuments& seen) const;

  // Index look-ups and event comparisons made so far: what the bookkeeping costs, for tests.
  size_t comparisons() const;

 private:
  // The paths of the other documents with an event key in common with `claims`, in order.
  std::set<std::string> sharing(const std::string& path, const DocumentClaims& claims) const;
  std::vector<std::string> uris_of(const std::set<std::string>& paths) const;
  void index(const std::string& path, const DocumentClaims& claims);
  void unindex(const std::string& path, const DocumentClaims& claims);

  mutable std::mutex mutex_;
  std::map<std::string, Entry> entries_;  // only documents with events
  std::unordered_map<std::string, std::set<std::string>> paths_by_key_;
  mutable size_t comparisons_ = 0;
};

}  // namespace histlint

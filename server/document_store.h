// The documents the client has open: their text, version and language, edited incrementally.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "protocol/positions.h"

namespace histlint {

// One version of a document's text with its line index. Immutable, shared with analysis workers.
class TextSnapshot {
 public:
  explicit TextSnapshot(std::string text) : text_(std::move(text)), index_(text_) {}
  TextSnapshot(const TextSnapshot&) = delete;
  TextSnapshot& operator=(const TextSnapshot&) = delete;

  const std::string& text() const { return text_; }
  const protocol::LineIndex& index() const { return index_; }

 private:
  const std::string text_;
  const protocol::LineIndex index_;  // views text_
};

struct OpenDocument {
  std::string uri;
  std::string language_id;  // as the client sent it: "markdown", "plaintext", ...
  int64_t version = 0;
  std::shared_ptr<const TextSnapshot> snapshot;
};

// One entry of didChange's contentChanges: a ranged edit, or the whole text when no range.
struct ContentChange {
  std::optional<protocol::Range> range;
  std::string text;
};

class DocumentStore {
 public:
  // Opens (or reopens, replacing) a document.
  const OpenDocument& open(std::string uri, std::string language_id, int64_t version,
                           std::string text);
  // Returns false when the document was not open.
  bool close(const std::string& uri);
  const OpenDocument* find(const std::string& uri) const;
  const std::map<std::string, OpenDocument>& documents() const { return documents_; }

  enum class EditResult { Applied, NotOpen, BadRange };
  // Applies the changes in order, each against the text the previous one left. All or nothing:
  // when one does not apply (a line past the end, start after end), the document is unchanged
  // and `error` says which change failed and why.
  EditResult apply(const std::string& uri, int64_t version,
                   const std::vector<ContentChange>& changes, protocol::PositionEncoding encoding,
                   std::string* error);

 private:
  std::map<std::string, OpenDocument> documents_;
};

}  // namespace histlint

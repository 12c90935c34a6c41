#include "server/document_store.h"

namespace histlint {

namespace {

std::string describe(const protocol::Position& p) {
  return std::to_string(p.line) + ":" + std::to_string(p.character);
}

}  // namespace

const OpenDocument& DocumentStore::open(std::string uri, std::string language_id, int64_t version,
                                        std::string text) {
  OpenDocument doc{uri, std::move(language_id), version,
                   std::make_shared<const TextSnapshot>(std::move(text))};
  auto& slot = documents_[std::move(uri)];
  slot = std::move(doc);
  return slot;
}

bool DocumentStore::close(const std::string& uri) {
  return documents_.erase(uri) > 0;
}

const OpenDocument* DocumentStore::find(const std::string& uri) const {
  const auto it = documents_.find(uri);
  return it == documents_.end() ? nullptr : &it->second;
}

DocumentStore::EditResult DocumentStore::apply(const std::string& uri, int64_t version,
                                               const std::vector<ContentChange>& changes,
                                               protocol::PositionEncoding encoding,
                                               std::string* error) {
  const auto it = documents_.find(uri);
  if (it == documents_.end()) return EditResult::NotOpen;
  std::shared_ptr<const TextSnapshot> current = it->second.snapshot;
  for (size_t i = 0; i < changes.size(); ++i) {
    const ContentChange& change = changes[i];
    if (!change.range) {
      current = std::make_shared<const TextSnapshot>(change.text);
      continue;
    }
    const auto& index = current->index();
    const auto start = index.offset_of(change.range->start, encoding);
    const auto end = index.offset_of(change.range->end, encoding);
    if (!start || !end || *start > *end) {
      if (error) {
        *error = "change " + std::to_string(i + 1) + " of " + std::to_string(changes.size()) +
                 " has range " + describe(change.range->start) + "-" + describe(change.range->end) +
                 ", outside the " + std::to_string(index.line_count()) + "-line text of version " +
                 std::to_string(it->second.version);
        if (start && end) *error += " (start after end)";
      }
      return EditResult::BadRange;
    }
    std::string text;
    text.reserve(current->text().size() - (*end - *start) + change.text.size());
    text.append(current->text(), 0, *start);
    text.append(change.text);
    text.append(current->text(), *end);
    current = std::make_shared<const TextSnapshot>(std::move(text));
  }
  it->second.snapshot = std::move(current);
  it->second.version = version;
  return EditResult::Applied;
}

}  // namespace histlint

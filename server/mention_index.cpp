#include "server/mention_index.h"

#include <algorithm>
#include <system_error>

#include "protocol/uri.h"
#include "rules/analysis.h"
#include "rules/extract/people.h"
#include "rules/text/document.h"
#include "rules/text/utf8.h"
#include "server/file_text.h"
#include "server/log.h"

namespace histlint {

namespace fs = std::filesystem;

namespace {

bool is_prose_file(const fs::path& path) {
  const std::string extension = path.extension().string();
  return extension == ".md" || extension == ".markdown" || extension == ".txt";
}

// The prose files below `folder`, in a stable order.
std::vector<fs::path> prose_files(const fs::path& folder, size_t limit) {
  std::vector<fs::path> out;
  std::error_code ec;
  fs::recursive_directory_iterator it(folder, fs::directory_options::skip_permission_denied, ec);
  for (; !ec && it != fs::recursive_directory_iterator() && out.size() < limit; it.increment(ec)) {
    const fs::path& path = it->path();
    const std::string name = path.filename().string();
    if (it->is_directory(ec)) {
      if (name.starts_with(".") || name == "node_modules") it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file(ec) && is_prose_file(path)) out.push_back(path);
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

void MentionIndex::rebuild(Workspace& workspace, protocol::PositionEncoding encoding,
                           const std::atomic<bool>& superseded, const Progress& progress) {
  std::map<fs::path, std::shared_ptr<const IndexedFile>> previous;
  {
    const std::lock_guard lock(mutex_);
    previous = files_;
  }
  std::map<fs::path, std::shared_ptr<const IndexedFile>> next;
  std::vector<fs::path> paths;
  for (const fs::path& folder : workspace.folders()) {
    auto found = prose_files(folder, kMaxFiles);
    paths.insert(paths.end(), found.begin(), found.end());
  }
  size_t done = 0;
  for (const fs::path& path : paths) {
    if (progress) progress(done++, paths.size());
    if (superseded) return;
    std::error_code ec;
    const auto size = fs::file_size(path, ec);
    const auto modified = fs::last_write_time(path, ec);
    if (ec || size > kMaxFileBytes || next.count(path)) continue;
    // The configuration may have changed too: excludes, the knowledge base.
    const Workspace::Settings settings = workspace.resolve(path);
    if (settings.excluded) continue;
    if (const auto old = previous.find(path); old != previous.end() && old->second->size == size &&
                                              old->second->modified == modified &&
                                              old->second->kb == settings.kb) {
      next.emplace(path, old->second);
      continue;
    }
    auto text = read_file_text(path);
    // Unreadable or not UTF-8: `check` reports it, the index skips it.
    if (!text || !utf8::is_valid(*text)) continue;
    auto file = std::make_shared<IndexedFile>(
        IndexedFile{modified, size, settings.kb, protocol::uri_from_path(path.string()), {}});
    const Document doc(std::move(*text), language_for_path(path.string()));
    const protocol::LineIndex lines(doc.text());
    const Analysis analysis(doc, *settings.options, *settings.kb, path.string());
    for (const PersonMention& mention : analysis.facts<PeopleFacts>().mentions) {
      if (mention.person_id.empty()) continue;
      file->mentions[mention.person_id].push_back(
          lines.range_of(mention.span.offset, mention.span.length, encoding));
    }
    next.emplace(path, std::move(file));
  }
  if (progress) progress(paths.size(), paths.size());
  const std::lock_guard lock(mutex_);
  files_ = std::move(next);
  log::debug("indexed the people of " + std::to_string(files_.size()) + " workspace files");
}

std::vector<MentionIndex::Mention> MentionIndex::mentions_of(
    std::string_view person_id, const std::set<std::string>& skip) const {
  std::vector<Mention> out;
  const std::lock_guard lock(mutex_);
  for (const auto& [path, file] : files_) {
    if (skip.count(file->uri)) continue;
    const auto it = file->mentions.find(person_id);
    if (it == file->mentions.end()) continue;
    for (const auto& range : it->second) out.push_back({file->uri, range});
  }
  return out;
}

size_t MentionIndex::count(std::string_view person_id, const std::set<std::string>& skip) const {
  size_t n = 0;
  const std::lock_guard lock(mutex_);
  for (const auto& [path, file] : files_) {
    if (skip.count(file->uri)) continue;
    if (const auto it = file->mentions.find(person_id); it != file->mentions.end()) {
      n += it->second.size();
    }
  }
  return n;
}

size_t MentionIndex::file_count() const {
  const std::lock_guard lock(mutex_);
  return files_.size();
}

}  // namespace histlint

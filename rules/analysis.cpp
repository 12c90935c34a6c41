#include "rules/analysis.h"

#include <charconv>
#include <functional>

namespace histlint {

namespace {

// Reads "YYYY-MM-DD", "YYYY-MM" or "YYYY" at the start of a front matter value.
std::optional<CivilDate> parse_iso_date(std::string_view s) {
  CivilDate d;
  auto read = [&](size_t pos, size_t len, int& out) {
    if (s.size() < pos + len) return false;
    auto [p, ec] = std::from_chars(s.data() + pos, s.data() + pos + len, out);
    return ec == std::errc() && p == s.data() + pos + len;
  };
  if (!read(0, 4, d.year)) return std::nullopt;
  if (s.size() >= 7 && s[4] == '-' && read(5, 2, d.month)) {
    if (d.month < 1 || d.month > 12) return std::nullopt;
    if (s.size() >= 10 && s[7] == '-' && read(8, 2, d.day) && (d.day < 1 || d.day > 31)) {
      return std::nullopt;
    }
  }
  return d;
}

BlockDigest digest_block(const Document& doc, const Block& block) {
  const std::hash<std::string_view> hash;
  return {hash(doc.slice(block.span)), hash(doc.prose_slice(block.span))};
}

}  // namespace

BlockFactStore::Key BlockFactStore::key_of(std::type_index type, const BlockDigest& digest,
                                           const Block& block) {
  return {type,
          digest.text_hash,
          digest.prose_hash,
          block.span.length,
          static_cast<int>(block.kind),
          block.heading_level,
          block.in_reference_section};
}

size_t BlockFactStore::KeyHash::operator()(const Key& key) const {
  uint64_t seed = key.text_hash;
  for (const uint64_t value :
       {static_cast<uint64_t>(key.type.hash_code()), key.prose_hash,
        static_cast<uint64_t>(key.length),
        static_cast<uint64_t>(key.kind) << 8 | static_cast<uint64_t>(key.heading_level)}) {
    seed ^= value + 0x9e3779b97f4a7c15ULL + (seed << 6) + (seed >> 2);
  }
  return static_cast<size_t>(seed);
}

std::shared_ptr<const void> BlockFactStore::find(const Key& key) {
  const std::lock_guard lock(mutex_);
  const auto it = entries_.find(key);
  if (it == entries_.end()) return nullptr;
  it->second.last_run = run_;
  return it->second.facts;
}

void BlockFactStore::insert(const Key& key, std::shared_ptr<const void> facts) {
  const std::lock_guard lock(mutex_);
  entries_[key] = {std::move(facts), run_};
  ++computed_;
}

void BlockFactStore::begin_run() {
  const std::lock_guard lock(mutex_);
  ++run_;
}

void BlockFactStore::end_run() {
  const std::lock_guard lock(mutex_);
  std::erase_if(entries_, [&](const auto& entry) { return entry.second.last_run != run_; });
}

void BlockFactStore::clear() {
  const std::lock_guard lock(mutex_);
  entries_.clear();
}

size_t BlockFactStore::computed() const {
  const std::lock_guard lock(mutex_);
  return computed_;
}

const BlockDigest& Analysis::block_digest(size_t index) const {
  if (digests_.empty()) {
    digests_.reserve(doc_.blocks().size());
    for (const Block& block : doc_.blocks()) digests_.push_back(digest_block(doc_, block));
    hashed_ += digests_.size();
  }
  return digests_[index];
}

BlockDigest Analysis::digest_of(const Block& block) const {
  const auto& blocks = doc_.blocks();
  if (!blocks.empty() && &block >= blocks.data() && &block < blocks.data() + blocks.size()) {
    return block_digest(static_cast<size_t>(&block - blocks.data()));
  }
  ++hashed_;
  return digest_block(doc_, block);
}

std::optional<CivilDate> Analysis::document_date() const {
  if (auto value = doc_.front_matter("date")) {
    if (auto d = parse_iso_date(*value)) return d;
  }
  return options_.document_date;
}

}  // namespace histlint

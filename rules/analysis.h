// One analysis of one document: the inputs every rule reads and a cache of shared facts.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <typeindex>
#include <unordered_map>
#include <vector>

#include "rules/options.h"
#include "rules/text/document.h"
#include "rules/text/lexicon.h"
#include "rules/text/tokens.h"

namespace histlint {

class KnowledgeBase;
class DocumentClaims;

// Hashes of one block's text and masked prose: what identifies a block across versions of a
// document, with its length, kind, heading level and reference section flag.
struct BlockDigest {
  uint64_t text_hash = 0;
  uint64_t prose_hash = 0;
};

// Facts of single blocks kept from one analysis of a document to the next and shared by the
// rules that read them, so that an edit recomputes them only for the blocks it changed. Keyed by
// the fact type and the block's text, masked prose, length, kind, heading level and reference
// section flag (everything of a Block but its position); the owner (ParagraphCache)
// drops the whole store when anything else the facts may read changes (options, language,
// knowledge base). After each complete run only the entries that run used stay. Thread-safe.
class BlockFactStore {
 public:
  struct Key {
    std::type_index type = typeid(void);
    uint64_t text_hash = 0;
    uint64_t prose_hash = 0;
    size_t length = 0;
    int kind = 0;
    int heading_level = 0;
    bool in_reference_section = false;
    bool operator==(const Key&) const = default;
  };
  static Key key_of(std::type_index type, const BlockDigest& digest, const Block& block);

  std::shared_ptr<const void> find(const Key& key);
  void insert(const Key& key, std::shared_ptr<const void> facts);
  // A run marks the entries it uses; end_run drops the others.
  void begin_run();
  void end_run();
  void clear();
  size_t computed() const;  // entries computed so far (not found)

 private:
  struct KeyHash {
    size_t operator()(const Key& key) const;
  };
  struct Entry {
    std::shared_ptr<const void> facts;
    uint64_t last_run = 0;
  };
  mutable std::mutex mutex_;
  uint64_t run_ = 0;
  size_t computed_ = 0;
  std::unordered_map<Key, Entry, KeyHash> entries_;
};

class Analysis {
 public:
  Analysis(const Document& doc, const Options& options, const KnowledgeBase& kb,
           std::string path = {}, Lexicon& lexicon = Lexicon::standard())
      : doc_(doc), options_(options), kb_(kb), path_(std::move(path)), tokens_(doc, lexicon) {}
  Analysis(const Analysis&) = delete;
  Analysis& operator=(const Analysis&) = delete;

  const Document& doc() const { return doc_; }
  const Options& options() const { return options_; }
  const KnowledgeBase& kb() const { return kb_; }
  const std::string& path() const { return path_; }
  // Every block's words, numbers and punctuation, split once; and the words' classes.
  const TokenLayer& tokens() const { return tokens_; }
  Lexicon& lexicon() const { return tokens_.lexicon(); }
  // The digest of each block of doc(), by block index, hashed once per analysis on first use and
  // shared by every fact type and the paragraph cache.
  const BlockDigest& block_digest(size_t index) const;
  // Block texts this analysis has hashed so far: one per block of doc(), plus any block of
  // another document asked for.
  size_t blocks_hashed() const { return hashed_; }

  // The date "N years ago" counts from: front matter `date:` first, then the options.
  std::optional<CivilDate> document_date() const;

  // The dated events of the workspace's other documents (the server's open documents), for
  // rules that compare across documents. Empty for a document checked on its own.
  using OtherDocuments = std::vector<std::shared_ptr<const DocumentClaims>>;
  void set_other_documents(OtherDocuments others) { other_documents_ = std::move(others); }
  const OtherDocuments& other_documents() const { return other_documents_; }

  // A flag the caller sets when the result is no longer wanted (the server's document changed):
  // the engine then stops between rules.
  void set_cancellation(const std::atomic<bool>* flag) { cancelled_ = flag; }
  bool cancelled() const { return cancelled_ && cancelled_->load(std::memory_order_relaxed); }

  // Frees the extracted facts other than Keep..., for a caller that keeps the analysis to run
  // one rule again (those needing other facts would extract them anew).
  template <class... Keep>
  void keep_only_facts() {
    std::erase_if(cache_, [](const auto& entry) {
      return ((entry.first != std::type_index(typeid(Keep))) && ...);
    });
  }

  // Facts shared by several rules (dates, people mentions, citations), extracted once on first
  // use. T provides `static T extract(const Analysis&)`. Not thread-safe: one thread per Analysis.
  template <class T>
  const T& facts() const {
    const std::type_index key(typeid(T));
    auto it = cache_.find(key);
    if (it == cache_.end()) {
      it = cache_.emplace(key, std::make_shared<const T>(T::extract(*this))).first;
    }
    return *static_cast<const T*>(it->second.get());
  }

  // Facts of one block, block-relative, shared across analyses through the store lent by the
  // engine (computed afresh without one). T provides `static T extract_block(const Analysis&,
  // const Block&)`, which may read only that block.
  template <class T>
  std::shared_ptr<const T> block_facts(const Block& block) const {
    if (!block_store_) return std::make_shared<const T>(T::extract_block(*this, block));
    const auto key = BlockFactStore::key_of(typeid(T), digest_of(block), block);
    if (auto found = block_store_->find(key)) return std::static_pointer_cast<const T>(found);
    auto facts = std::make_shared<const T>(T::extract_block(*this, block));
    block_store_->insert(key, facts);
    return facts;
  }
  // Lends the store block_facts keeps its answers in (the engine's, from its ParagraphCache).
  void use_block_store(std::shared_ptr<BlockFactStore> store) const {
    block_store_ = std::move(store);
  }

 private:
  // The digest of a block of doc(), or of a block of another document (hashed afresh).
  BlockDigest digest_of(const Block& block) const;

  const Document& doc_;
  const Options& options_;
  const KnowledgeBase& kb_;
  std::string path_;
  TokenLayer tokens_;
  OtherDocuments other_documents_;
  const std::atomic<bool>* cancelled_ = nullptr;
  mutable std::unordered_map<std::type_index, std::shared_ptr<const void>> cache_;
  mutable std::shared_ptr<BlockFactStore> block_store_;
  mutable std::vector<BlockDigest> digests_;  // empty until first asked, then one per block
  mutable size_t hashed_ = 0;
};

}  // namespace histlint

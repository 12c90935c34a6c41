// The one analysis engine shared by `histlint check` and `histlint lsp`.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "rules/analysis.h"
#include "rules/finding.h"
#include "rules/rule.h"

namespace histlint {

// The paragraph-scope findings of each block, relative to the block, kept from one analysis of
// a document to the next so that an edit rescans only the blocks it changed. Entries are keyed
// by a hash of the block's text and masked prose, its length, kind, heading level and reference
// section flag; the whole cache is dropped when the options, document date, language, rule
// registry or knowledge base change. The knowledge base is told apart by its address: keep it
// alive as long as the cache. After each complete analysis only the blocks of that analysis
// stay. Thread-safe.
class ParagraphCache {
 public:
  // Blocks whose paragraph-scope rules ran, and blocks whose findings were reused, so far.
  size_t blocks_scanned() const;
  size_t blocks_reused() const;
  // Per-block facts (BlockFactStore) the rules of an analysis share, kept under the same rules.
  const BlockFactStore& block_facts() const { return *block_facts_; }

 private:
  friend struct ParagraphPass;
  struct BlockKey {
    uint64_t text_hash = 0;
    uint64_t prose_hash = 0;
    size_t length = 0;
    int kind = 0;
    int heading_level = 0;
    bool in_reference_section = false;
    bool operator==(const BlockKey&) const = default;
  };
  struct BlockKeyHash {
    size_t operator()(const BlockKey& key) const;
  };
  struct Entry {
    std::shared_ptr<const std::vector<Finding>> findings;  // block-relative, in rule order
    uint64_t last_run = 0;
  };

  mutable std::mutex mutex_;
  uint64_t context_ = 0;
  uint64_t run_ = 0;
  std::unordered_map<BlockKey, Entry, BlockKeyHash> entries_;
  size_t scanned_ = 0;
  size_t reused_ = 0;
  std::shared_ptr<BlockFactStore> block_facts_ = std::make_shared<BlockFactStore>();
};

// The findings of each rule before the document-wide steps (garble overlap, suppressions,
// order), by registry index; empty for a rule that is off.
struct RuleFindings {
  std::vector<std::vector<Finding>> by_rule;
};

// Runs every enabled rule over the analysis with its configured severity. With a cache, the
// paragraph-scope rules run block by block and only on blocks the cache does not know.
RuleFindings collect_findings(const Analysis& analysis, const RuleRegistry& registry,
                              ParagraphCache* cache = nullptr);
// Runs the rule `id` again (the analysis's other documents changed) and replaces its findings.
void rerun_rule(const Analysis& analysis, const RuleRegistry& registry, std::string_view id,
                RuleFindings& findings);
// Applies the document-wide steps: drops date and source findings inside garbled text, applies
// inline suppressions and sorts by position.
std::vector<Finding> finish_findings(const Analysis& analysis, const RuleRegistry& registry,
                                     RuleFindings findings);

// collect_findings then finish_findings. Returns early, with findings that mean nothing, once
// the analysis is cancelled: callers that cancel check Analysis::cancelled().
std::vector<Finding> run_rules(const Analysis& analysis,
                               const RuleRegistry& registry = RuleRegistry::builtin(),
                               ParagraphCache* cache = nullptr);

// Convenience for a whole text: builds the Document and Analysis, then run_rules.
std::vector<Finding> analyze_text(std::string_view path, std::string text, const Options& options,
                                  const KnowledgeBase& kb);

}  // namespace histlint

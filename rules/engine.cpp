#include "rules/engine.h"

#include <algorithm>
#include <functional>
#include <iterator>

#include "rules/kb/knowledge_base.h"
#include "rules/suppressions.h"

namespace histlint {

namespace {

// Text that is not prose (spun salad, scraped page furniture) makes no claims and states no
// facts: date and source findings inside a span a garble rule flagged would be noise on noise.
void drop_findings_inside_garble(std::vector<Finding>& findings) {
  std::vector<Span> garbled;
  for (const auto& f : findings) {
    if (f.rule == "garble/spun-text" || f.rule == "garble/boilerplate") garbled.push_back(f.span);
  }
  if (garbled.empty()) return;
  std::erase_if(findings, [&](const Finding& f) {
    if (f.rule.starts_with("garble/")) return false;
    return std::any_of(garbled.begin(), garbled.end(), [&](const Span& g) {
      return f.span.offset >= g.offset && f.span.end() <= g.end();
    });
  });
}

void label(const RuleDef& rule, const RuleSetting& setting, std::vector<Finding>& findings,
           size_t first) {
  for (size_t i = first; i < findings.size(); ++i) {
    findings[i].rule = std::string(rule.info.id);
    if (setting.forced) findings[i].severity = *setting.forced;
  }
}

void mix(uint64_t& seed, uint64_t value) {
  seed ^= value + 0x9e3779b97f4a7c15ULL + (seed << 6) + (seed >> 2);
}

uint64_t hash_of(std::string_view text) {
  return std::hash<std::string_view>{}(text);
}

void shift(Finding& f, size_t by) {
  f.span.offset += by;
  for (auto& related : f.related) {
    if (related.path.empty()) related.span.offset += by;
  }
  for (auto& fix : f.fixes) {
    for (auto& edit : fix.edits) edit.span.offset += by;
  }
}

}  // namespace

size_t ParagraphCache::BlockKeyHash::operator()(const BlockKey& key) const {
  uint64_t seed = key.text_hash;
  mix(seed, key.prose_hash);
  mix(seed, key.length);
  mix(seed, static_cast<uint64_t>(key.kind) << 8 | static_cast<uint64_t>(key.heading_level));
  return static_cast<size_t>(seed);
}

size_t ParagraphCache::blocks_scanned() const {
  const std::lock_guard lock(mutex_);
  return scanned_;
}

size_t ParagraphCache::blocks_reused() const {
  const std::lock_guard lock(mutex_);
  return reused_;
}

// Runs the paragraph-scope rules block by block, through the cache.
struct ParagraphPass {
  const Analysis& analysis;
  const RuleRegistry& registry;
  ParagraphCache& cache;
  std::vector<const RuleDef*> rules;  // enabled paragraph-scope rules, in registry order
  std::vector<RuleSetting> settings;
  Options block_options;  // the analysis's options, with the document date of the whole

  // Everything besides the block that the findings depend on.
  uint64_t context() const {
    uint64_t seed = reinterpret_cast<uintptr_t>(&analysis.kb());
    mix(seed, reinterpret_cast<uintptr_t>(&registry));
    mix(seed, static_cast<uint64_t>(analysis.doc().language()));
    for (const auto& [selector, value] : block_options.rules) {
      mix(seed, hash_of(selector));
      mix(seed, hash_of(value));
    }
    for (const auto& [key, value] : block_options.thresholds) {
      mix(seed, hash_of(key));
      mix(seed, std::hash<double>{}(value));
    }
    if (const auto& date = block_options.document_date) {
      mix(seed, static_cast<uint64_t>(date->year) << 16 | date->month << 8 | date->day);
    } else {
      mix(seed, 1);
    }
    mix(seed, static_cast<uint64_t>(block_options.citation_scope));
    mix(seed, block_options.report_unused_disables);
    return seed;
  }

  // Starts a run: drops what the cache knows when the context changed, and lends the analysis
  // the per-block fact store.
  void begin() {
    const uint64_t context_now = context();
    {
      const std::lock_guard lock(cache.mutex_);
      if (cache.context_ != context_now) {
        cache.entries_.clear();
        cache.block_facts_->clear();
        cache.context_ = context_now;
      }
    }
    cache.block_facts_->begin_run();
    analysis.use_block_store(cache.block_facts_);
  }

  void end() { cache.block_facts_->end_run(); }

  std::shared_ptr<const std::vector<Finding>> scan(const Block& block) const {
    const Document part(analysis.doc(), block);
    const Analysis one_block(part, block_options, analysis.kb(), analysis.path());
    one_block.use_block_store(cache.block_facts_);
    auto findings = std::make_shared<std::vector<Finding>>();
    for (size_t r = 0; r < rules.size(); ++r) {
      const size_t first = findings->size();
      rules[r]->check(one_block, *findings);
      label(*rules[r], settings[r], *findings, first);
    }
    return findings;
  }

  // The block-relative findings of every block, in block order; empty when cancelled.
  std::vector<std::shared_ptr<const std::vector<Finding>>> run() {
    const Document& doc = analysis.doc();
    uint64_t run;
    {
      const std::lock_guard lock(cache.mutex_);
      run = ++cache.run_;
    }
    std::vector<std::shared_ptr<const std::vector<Finding>>> by_block(doc.blocks().size());
    for (size_t b = 0; b < doc.blocks().size(); ++b) {
      if (analysis.cancelled()) return {};
      const Block& block = doc.blocks()[b];
      const BlockDigest& digest = analysis.block_digest(b);
      const ParagraphCache::BlockKey key{digest.text_hash,    digest.prose_hash,
                                         block.span.length,   static_cast<int>(block.kind),
                                         block.heading_level, block.in_reference_section};
      {
        const std::lock_guard lock(cache.mutex_);
        if (const auto it = cache.entries_.find(key); it != cache.entries_.end()) {
          it->second.last_run = run;
          by_block[b] = it->second.findings;
          ++cache.reused_;
          continue;
        }
      }
      by_block[b] = scan(block);
      const std::lock_guard lock(cache.mutex_);
      cache.entries_[key] = {by_block[b], run};
      ++cache.scanned_;
    }
    // Only the blocks of this version stay: the cache follows the document, not its history.
    const std::lock_guard lock(cache.mutex_);
    std::erase_if(cache.entries_, [&](const auto& entry) { return entry.second.last_run != run; });
    return by_block;
  }
};

RuleFindings collect_findings(const Analysis& analysis, const RuleRegistry& registry,
                              ParagraphCache* cache) {
  RuleFindings out;
  out.by_rule.resize(registry.rules().size());
  std::optional<ParagraphPass> paragraphs;
  if (cache) {
    Options block_options = analysis.options();
    block_options.document_date = analysis.document_date();
    paragraphs.emplace(ParagraphPass{analysis, registry, *cache, {}, {}, std::move(block_options)});
    paragraphs->begin();
  }
  for (const auto& rule : registry.rules()) {
    const RuleSetting setting = rule_setting(analysis.options(), rule.info);
    if (!setting.enabled || !paragraphs || rule.info.scope != RuleScope::Paragraph) continue;
    paragraphs->rules.push_back(&rule);
    paragraphs->settings.push_back(setting);
  }
  std::vector<std::shared_ptr<const std::vector<Finding>>> by_block;
  if (paragraphs && !paragraphs->rules.empty()) {
    by_block = paragraphs->run();
    if (analysis.cancelled()) return out;
  }
  const auto& blocks = analysis.doc().blocks();
  for (size_t r = 0; r < registry.rules().size(); ++r) {
    if (analysis.cancelled()) return out;
    const RuleDef& rule = registry.rules()[r];
    const RuleSetting setting = rule_setting(analysis.options(), rule.info);
    if (!setting.enabled) continue;
    auto& findings = out.by_rule[r];
    if (paragraphs && rule.info.scope == RuleScope::Paragraph) {
      for (size_t b = 0; b < by_block.size(); ++b) {
        for (const Finding& f : *by_block[b]) {
          if (f.rule != rule.info.id) continue;
          findings.push_back(f);
          shift(findings.back(), blocks[b].span.offset);
        }
      }
      continue;
    }
    rule.check(analysis, findings);
    label(rule, setting, findings, 0);
  }
  // Only the block facts of this version stay, as with the findings.
  if (paragraphs && !analysis.cancelled()) paragraphs->end();
  return out;
}

void rerun_rule(const Analysis& analysis, const RuleRegistry& registry, std::string_view id,
                RuleFindings& findings) {
  for (size_t r = 0; r < registry.rules().size(); ++r) {
    const RuleDef& rule = registry.rules()[r];
    if (rule.info.id != id) continue;
    const RuleSetting setting = rule_setting(analysis.options(), rule.info);
    findings.by_rule[r].clear();
    if (!setting.enabled) continue;
    rule.check(analysis, findings.by_rule[r]);
    label(rule, setting, findings.by_rule[r], 0);
  }
}

std::vector<Finding> finish_findings(const Analysis& analysis, const RuleRegistry& registry,
                                     RuleFindings collected) {
  std::vector<Finding> findings;
  for (auto& of_rule : collected.by_rule) {
    std::move(of_rule.begin(), of_rule.end(), std::back_inserter(findings));
  }
  drop_findings_inside_garble(findings);
  apply_suppressions(analysis.doc(), analysis.options(), registry, findings);
  std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
    if (a.span.offset != b.span.offset) return a.span.offset < b.span.offset;
    return a.rule < b.rule;
  });
  return findings;
}

std::vector<Finding> run_rules(const Analysis& analysis, const RuleRegistry& registry,
                               ParagraphCache* cache) {
  RuleFindings collected = collect_findings(analysis, registry, cache);
  if (analysis.cancelled()) return {};
  return finish_findings(analysis, registry, std::move(collected));
}

std::vector<Finding> analyze_text(std::string_view path, std::string text, const Options& options,
                                  const KnowledgeBase& kb) {
  const Document doc(std::move(text), language_for_path(path));
  const Analysis analysis(doc, options, kb, std::string(path));
  return run_rules(analysis);
}

}  // namespace histlint

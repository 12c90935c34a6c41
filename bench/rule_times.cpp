// Where one analysis of a document spends its time: building the Document and its tokens, then
// each rule in registry order (a rule is charged for the shared facts it extracts first), then
// the document-wide finishing steps. Prints milliseconds per step, then the time of a whole
// analysis after a one-character edit through the paragraph cache. A benchmark, not a test.
// Usage: rule_times FILE [REPEATS]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

#include "rules/analysis.h"
#include "rules/engine.h"
#include "rules/rule.h"
#include "server/kb_files.h"

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: rule_times FILE [REPEATS]\n");
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  const int repeats = argc > 2 ? std::max(1, std::atoi(argv[2])) : 3;
  using namespace histlint;
  const KnowledgeBase& kb = bundled_knowledge_base();
  const Options options;
  const RuleRegistry& registry = RuleRegistry::builtin();
  // The median of each step over the repeats; the first run also pays for lazy loading.
  std::map<std::string, std::vector<double>> times;
  std::vector<std::string> order;
  const auto record = [&](const std::string& step, double ms) {
    if (!times.count(step)) order.push_back(step);
    times[step].push_back(ms);
  };
  for (int run = 0; run < repeats; ++run) {
    auto start = Clock::now();
    const Document doc(text, language_for_path(argv[1]));
    record("document", ms_since(start));
    start = Clock::now();
    const Analysis analysis(doc, options, kb, argv[1]);
    record("tokens", ms_since(start));
    RuleFindings collected;
    collected.by_rule.resize(registry.rules().size());
    for (size_t r = 0; r < registry.rules().size(); ++r) {
      const RuleDef& rule = registry.rules()[r];
      if (!rule_setting(options, rule.info).enabled) continue;
      start = Clock::now();
      rule.check(analysis, collected.by_rule[r]);
      record(std::string(rule.info.id) +
                 (rule.info.scope == RuleScope::Paragraph ? " (paragraph)" : ""),
             ms_since(start));
    }
    start = Clock::now();
    const auto findings = finish_findings(analysis, registry, std::move(collected));
    record("finish", ms_since(start));
  }
  std::printf("%.2f MB, %d runs, median ms per step\n", text.size() / 1048576.0, repeats);
  double total = 0;
  for (const auto& step : order) {
    auto& v = times[step];
    std::sort(v.begin(), v.end());
    total += v[v.size() / 2];
    std::printf("%9.1f  %s\n", v[v.size() / 2], step.c_str());
  }
  std::printf("%9.1f  total\n", total);
  // What an editor waits for: the whole analysis through the engine's paragraph cache after a
  // one-character edit in the middle of the text (the cache warmed by the unedited text).
  ParagraphCache cache;
  {
    const Document doc(text, language_for_path(argv[1]));
    const Analysis analysis(doc, options, kb, argv[1]);
    (void)run_rules(analysis, registry, &cache);
  }
  std::vector<double> edits;
  const size_t middle = text.find(' ', text.size() / 2);
  for (int run = 0; run < repeats; ++run) {
    std::string edited = text;
    if (middle != std::string::npos) edited.insert(middle, run % 2 ? "  " : " ");
    const auto start = Clock::now();
    const Document doc(std::move(edited), language_for_path(argv[1]));
    const Analysis analysis(doc, options, kb, argv[1]);
    (void)run_rules(analysis, registry, &cache);
    edits.push_back(ms_since(start));
  }
  std::sort(edits.begin(), edits.end());
  std::printf("%9.1f  after a one-character edit, with the paragraph cache\n",
              edits[edits.size() / 2]);
  // Where that goes: each document-scope rule after the same edit, its block facts kept from the
  // unedited text in a store of their own (a paragraph-scope rule's time is the paragraph pass).
  const auto store = std::make_shared<BlockFactStore>();
  std::map<std::string, std::vector<double>> after_edit;
  for (int run = 0; run <= repeats; ++run) {
    std::string edited = text;
    if (run > 0 && middle != std::string::npos) edited.insert(middle, run % 2 ? " " : "  ");
    const Document doc(std::move(edited), language_for_path(argv[1]));
    const Analysis analysis(doc, options, kb, argv[1]);
    store->begin_run();
    analysis.use_block_store(store);
    for (const RuleDef& rule : registry.rules()) {
      if (!rule_setting(options, rule.info).enabled || rule.info.scope == RuleScope::Paragraph) {
        continue;
      }
      std::vector<Finding> findings;
      const auto start = Clock::now();
      rule.check(analysis, findings);
      if (run > 0) after_edit[std::string(rule.info.id)].push_back(ms_since(start));
    }
    store->end_run();
  }
  for (const auto& step : order) {
    auto it = after_edit.find(step);
    if (it == after_edit.end()) continue;
    std::sort(it->second.begin(), it->second.end());
    std::printf("%9.1f  %s after the edit\n", it->second[it->second.size() / 2], step.c_str());
  }
  return 0;
}

// The binary knowledge base at scale: load (memory-map and open), name lookup, id lookup, hover
// and workspace search on a large base. Prints figures; asserts nothing.
// Usage: kb_bench BASE.hkb   (build one: python3 bench/kb_dump_gen.py dump.json.gz, then
//                             histlint kb import-wikidata dump.json.gz -o base.hkb)
#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "bench/bench_support.h"
#include "rules/analysis.h"
#include "rules/extract/people.h"
#include "rules/kb/knowledge_base.h"
#include "rules/kb/name_fold.h"
#include "rules/options.h"
#include "rules/queries/person_queries.h"
#include "rules/text/document.h"
#include "server/kb_files.h"

namespace {

using Clock = std::chrono::steady_clock;

double micros(Clock::duration d) {
  return std::chrono::duration<double, std::micro>(d).count();
}

using histlint::bench::Stats;
using histlint::bench::summarise;

// This thread's CPU time in ms: on a shared machine, wall time also counts the waits for a core.
double cpu_ms() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

long peak_rss_mb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace histlint;
  if (argc < 2) {
    std::fprintf(stderr, "usage: kb_bench BASE.hkb\n");
    return 2;
  }
  const std::string path = argv[1];

  // Load: map and open, several times (the first may read the file into the page cache).
  std::vector<double> loads;
  std::vector<double> load_cpu;
  std::optional<KnowledgeBase> kb;
  for (int i = 0; i < 5; ++i) {
    std::string error;
    kb.reset();
    const auto start = Clock::now();
    const double cpu_start = cpu_ms();
    kb = load_knowledge_base_file(path, &error);
    load_cpu.push_back(cpu_ms() - cpu_start);
    loads.push_back(micros(Clock::now() - start) / 1000);
    if (!kb) {
      std::fprintf(stderr, "%s\n", error.c_str());
      return 1;
    }
  }
  const Stats load = summarise(loads);
  std::printf("base: %s, %zu people, binary=%d\n", path.c_str(), kb->size(), kb->is_binary());
  std::printf(
      "load (mmap + header checks): first %.2f ms, median %.2f ms, max %.2f ms"
      " (CPU: first %.2f ms, median %.2f ms)\n",
      loads.front(), load.median, load.max, load_cpu.front(), summarise(load_cpu).median);
  // As a configured file is opened: merged over the bundled base (itself loaded once per
  // process, outside the timing), whose people the base lacks are indexed in memory.
  {
    (void)bundled_knowledge_base();
    std::vector<double> layered;
    std::vector<double> layered_cpu;
    for (int i = 0; i < 5; ++i) {
      std::string error;
      const auto start = Clock::now();
      const double cpu_start = cpu_ms();
      const KnowledgeBase merged = load_knowledge_base({path}, &error);
      layered_cpu.push_back(cpu_ms() - cpu_start);
      layered.push_back(micros(Clock::now() - start) / 1000);
    }
    const Stats s = summarise(layered);
    std::printf(
        "load over the bundled base (%zu people): median %.2f ms, max %.2f ms (CPU: median %.2f "
        "ms)\n",
        bundled_knowledge_base().size(), s.median, s.max, summarise(layered_cpu).median);
  }

  // Names to look up, drawn from random people (decoded outside the timing).
  std::mt19937 rng(15);
  std::uniform_int_distribution<uint32_t> pick(0, static_cast<uint32_t>(kb->size() - 1));
  std::vector<std::string> names;
  std::vector<std::string> ids;
  for (int i = 0; i < 20000; ++i) {
    const Person& p = kb->people()[pick(rng)];
    if (p.name.size() > 200) continue;
    names.push_back(fold_name(p.name));
    ids.push_back(p.id);
  }
  std::vector<std::string> misses;
  for (const auto& n : names) misses.push_back(n + "x");

  // Cold: each lookup of a fresh base touches pages not read yet.
  {
    std::string error;
    auto fresh = load_knowledge_base_file(path, &error);
    std::vector<double> cold;
    for (size_t i = 0; i < 1000 && i < names.size(); ++i) {
      const auto start = Clock::now();
      (void)fresh->lookup(names[i]);
      cold.push_back(micros(Clock::now() - start));
    }
    const Stats s = summarise(cold);
    std::printf("name lookup, fresh mapping:  median %.3f us  p99 %.3f us  max %.1f us\n", s.median,
                s.p99, s.max);
  }
  auto time_each = [&](const char* label, const std::vector<std::string>& keys, auto&& fn) {
    size_t found = 0;
    std::vector<double> each;
    for (const auto& k : keys) {
      const auto start = Clock::now();
      found += fn(k);
      each.push_back(micros(Clock::now() - start));
    }
    const Stats s = summarise(each);
    std::printf("%-28s median %.3f us  p99 %.3f us  max %.1f us  (%zu of %zu found)\n", label,
                s.median, s.p99, s.max, found, keys.size());
  };
  time_each("name lookup (hit):", names,
            [&](const std::string& k) { return kb->lookup(k) != nullptr; });
  time_each("name lookup (miss):", misses,
            [&](const std::string& k) { return kb->lookup(k) != nullptr; });
  time_each("first-word test:", names, [&](const std::string& k) {
    return kb->starts_name(std::string_view(k).substr(0, k.find(' ')));
  });
  time_each("id lookup:", ids, [&](const std::string& k) { return kb->find(k) != nullptr; });

  // Hover: a document naming people of the base, analysed as after an edit, then hovered.
  std::string text;
  for (size_t i = 0; i < 400 && i < names.size(); ++i) {
    const Person& p = *kb->find(ids[i]);
    text += "In " + std::to_string(1800 + i % 150) + " " + p.name + " wrote to " +
            kb->find(ids[(i + 1) % ids.size()])->name + ".\n\n";
  }
  const Document doc(text, Language::Markdown);
  const Options options;
  const Analysis analysis(doc, options, *kb, "bench.md");
  auto start = Clock::now();
  const auto& facts = analysis.facts<PeopleFacts>();
  std::printf("document: %zu bytes, %zu mentions recognised in %.2f ms\n", text.size(),
              facts.mentions.size(), micros(Clock::now() - start) / 1000);
  start = Clock::now();
  (void)person_hover(analysis, facts.mentions.empty() ? 0 : facts.mentions[0].span.offset);
  std::printf("first hover (date facts extracted for the card): %.2f ms\n",
              micros(Clock::now() - start) / 1000);
  std::vector<double> hovers;
  size_t cards = 0;
  for (const auto& m : facts.mentions) {
    start = Clock::now();
    cards += person_hover(analysis, m.span.offset + m.span.length / 2).has_value();
    hovers.push_back(micros(Clock::now() - start));
  }
  const Stats h = summarise(hovers);
  std::printf(
      "hover on a name:             median %.1f us  p99 %.1f us  max %.1f us  (%zu cards)\n",
      h.median, h.p99, h.max, cards);

  start = Clock::now();
  const auto found = kb->search(names.empty() ? "" : names[0], 20);
  std::printf("workspace search (scans every name): %.1f ms, %zu results\n",
              micros(Clock::now() - start) / 1000, found.size());
  std::printf("peak RSS: %ld MB\n", peak_rss_mb());
  return 0;
}

// Inlay-hint latency on a 1 MB document: the first request after an analysis (which extracts the
// anchored readings of relative dates), then requests for the whole document and for one
// screenful, as editors send them, in-process and then over LSP (the language server answering
// textDocument/inlayHint from its analysis, positions and serialisation included). Prints
// figures; asserts nothing. Usage: inlay_hints_bench
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "bench/bench_support.h"
#include "bench/lsp_client.h"
#include "rules/analysis.h"
#include "rules/engine.h"
#include "rules/options.h"
#include "rules/queries/inlay_hints.h"
#include "rules/rule.h"
#include "rules/text/document.h"
#include "server/kb_files.h"

namespace {

using Clock = std::chrono::steady_clock;

double millis(Clock::duration d) {
  return std::chrono::duration<double, std::milli>(d).count();
}

// Paragraphs with every kind of hint (ages, Old Style days, relative dates) and plain prose
// between them, the days varied so that no two paragraphs are alike.
std::string corpus(size_t target) {
  static const char* const kMonths[] = {"January", "March", "May", "July", "September", "November"};
  std::string out;
  for (int i = 0; out.size() < target; ++i) {
    const std::string day = std::to_string(1 + i % 27);
    const std::string month = kMonths[i % 6];
    const std::string year = std::to_string(1850 + i % 60);
    out += "## Entry " + std::to_string(i) + "\n\nThe committee met on " + day + " " + month + " " +
           year +
           ". Two days later the minutes were signed, and the next morning the "
           "secretary posted them to the members who had stayed away.\n\n"
           "The envoy wrote on " +
           day + " " + month +
           " 1702 O.S. that the harbour was "
           "frozen, and the ships waited for the thaw.\n\n"
           "Trotsky was assassinated in Mexico at the age of 60, the papers said. "
           "Abraham Lincoln was assassinated at the age of 56.\n\n"
           "Nothing else of note happened that season; the accounts were balanced and the "
           "roads were repaired before the winter came.\n\n";
  }
  out.resize(target);
  return out;
}

}  // namespace

int main() {
  using namespace histlint;
  const KnowledgeBase& kb = bundled_knowledge_base();
  const std::string text = corpus(1 << 20);
  const Document doc(text, Language::Markdown);
  const Options options;
  const Analysis analysis(doc, options, kb, "bench.md");
  auto start = Clock::now();
  (void)collect_findings(analysis, RuleRegistry::builtin());
  std::printf("document: %.2f MB, analysed (every rule) in %.0f ms\n", text.size() / 1048576.0,
              millis(Clock::now() - start));

  start = Clock::now();
  const size_t first_count = inlay_hints(analysis, 0, text.size()).size();
  std::printf("first request, whole document: %zu hints in %.1f ms\n", first_count,
              millis(Clock::now() - start));

  constexpr int kRuns = 10;
  std::vector<double> whole;
  for (int i = 0; i < kRuns; ++i) {
    start = Clock::now();
    (void)inlay_hints(analysis, 0, text.size());
    whole.push_back(millis(Clock::now() - start));
  }
  std::sort(whole.begin(), whole.end());
  std::printf("whole document, warm: median %.2f ms, max %.2f ms\n", whole[kRuns / 2],
              whole.back());

  // One screenful (about 60 lines, 4 KB) at evenly spread places.
  std::vector<double> screen;
  for (size_t from = 0; from + 4096 < text.size(); from += text.size() / 50) {
    start = Clock::now();
    (void)inlay_hints(analysis, from, from + 4096);
    screen.push_back(millis(Clock::now() - start));
  }
  std::sort(screen.begin(), screen.end());
  std::printf("one screenful (4 KB), warm: median %.3f ms, max %.3f ms over %zu requests\n",
              screen[screen.size() / 2], screen.back(), screen.size());

  bench::InProcessClient client;
  const std::string uri = "file:///bench/bench.md";
  client.open(uri, text);
  size_t lines = 0;
  for (char c : text) lines += c == '\n';
  const auto request = [&](size_t first_line, size_t last_line) {
    return nlohmann::json{{"textDocument", {{"uri", uri}}},
                          {"range",
                           {{"start", {{"line", first_line}, {"character", 0}}},
                            {"end", {{"line", last_line}, {"character", 0}}}}}};
  };
  bench::RequestTime first;
  const size_t reply_bytes =
      client.call("textDocument/inlayHint", request(0, lines + 1), first).size();
  std::vector<double> whole_wall, whole_cpu;
  for (int i = 0; i < kRuns; ++i) {
    bench::RequestTime time;
    client.call("textDocument/inlayHint", request(0, lines + 1), time);
    whole_wall.push_back(time.wall_ms);
    whole_cpu.push_back(time.cpu_ms);
  }
  std::printf(
      "over LSP, whole document: first %.1f ms (cpu %.1f ms), then median %.1f ms (cpu %.1f ms), "
      "reply %zu bytes\n",
      first.wall_ms, first.cpu_ms, bench::summarise(whole_wall).median,
      bench::summarise(whole_cpu).median, reply_bytes);
  std::vector<double> screen_wall, screen_cpu;
  for (size_t line = 0; line + 60 < lines; line += lines / 50) {
    bench::RequestTime time;
    client.call("textDocument/inlayHint", request(line, line + 60), time);
    screen_wall.push_back(time.wall_ms);
    screen_cpu.push_back(time.cpu_ms);
  }
  const auto screen_stats = bench::summarise(screen_wall);
  std::printf(
      "over LSP, one screenful (60 lines): median %.3f ms (cpu %.3f ms), max %.3f ms over %zu "
      "requests\n",
      screen_stats.median, bench::summarise(screen_cpu).median, screen_stats.max,
      screen_wall.size());
  return 0;
}

// Prints where the time of a histlint/timeline answer goes on a 1 MB document: the timeline from
// the analysis (build_timeline, facts already extracted by the rules) and its JSON text with LSP
// positions (timeline_json); then the request itself, answered by the
// language server in-process from its analysis of the document (the first answer after the
// analysis, then warm ones). The target is 20 ms for the whole answer.
// Usage: timeline_latency [SIZE_MB]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "bench/bench_support.h"
#include "bench/lsp_client.h"
#include "protocol/positions.h"
#include "rules/engine.h"
#include "rules/queries/timeline.h"
#include "server/kb_files.h"
#include "server/timeline_report.h"

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// Prose with dates, names, ages and a conflict per few paragraphs.
std::string make_document(size_t bytes) {
  static const char* const kParagraphs[] = {
      "Leon Trotsky arrived in Mexico on 9 January 1937, where Diego Rivera and Frida Kahlo had "
      "arranged his asylum. The commission met in Coyoacán in April 1937.",
      "Karl Marx was expelled from the League in 1852 after a long quarrel. In 1860, at the age "
      "of 50, Marx finished a long draft in London.",
      "Marx was expelled from the League in 1854. The meeting of 30 June 1920 drew a crowd; "
      "between 1918 and 1920 the war consumed the country.",
      "Natalia Sedova outlived her husband by twenty-two years and died in Paris on 23 January "
      "1962. The archive opened in 1980.",
  };
  return histlint::bench::generated_history(bytes, kParagraphs);
}

}  // namespace

int main(int argc, char** argv) {
  using namespace histlint;
  const double megabytes = argc > 1 ? std::atof(argv[1]) : 1.0;
  const Document doc(make_document(static_cast<size_t>(megabytes * 1e6)), Language::Markdown);
  const Options options;
  const Analysis analysis(doc, options, bundled_knowledge_base(), "big.md");
  auto start = Clock::now();
  const auto findings = run_rules(analysis);
  const double rules_ms = ms_since(start);
  const protocol::LineIndex index(doc.text());
  double build_ms = 0, json_ms = 0;
  const double cpu_start = bench::thread_cpu_ms();
  size_t reply_bytes = 0, events = 0;
  constexpr int kRuns = 5;
  for (int run = 0; run < kRuns; ++run) {
    start = Clock::now();
    const Timeline timeline = build_timeline(analysis, findings);
    build_ms += ms_since(start);
    start = Clock::now();
    reply_bytes =
        timeline_json(timeline, findings, "big.md", index, protocol::PositionEncoding::Utf16)
            .size();
    json_ms += ms_since(start);
    events = timeline.events.size();
  }
  const double cpu_ms = (bench::thread_cpu_ms() - cpu_start) / kRuns;
  std::printf("document %.2f MB: %zu findings, %zu dates; rules %.0f ms (not part of the answer)\n",
              doc.text().size() / 1e6, findings.size(), events, rules_ms);
  std::printf(
      "histlint/timeline answer: build_timeline %.1f ms + timeline_json (JSON text) %.1f ms = "
      "%.1f ms (cpu %.1f ms; target 20 ms), reply %zu bytes\n",
      build_ms / kRuns, json_ms / kRuns, (build_ms + json_ms) / kRuns, cpu_ms, reply_bytes);

  bench::InProcessClient client;
  const std::string uri = "file:///bench/big.md";
  client.open(uri, std::string(doc.text()));
  const nlohmann::json params = {{"textDocument", {{"uri", uri}}}};
  bench::RequestTime first;
  const size_t lsp_bytes = client.call("histlint/timeline", params, first).size();
  std::vector<double> warm_wall, warm_cpu;
  for (int run = 0; run < kRuns; ++run) {
    bench::RequestTime time;
    client.call("histlint/timeline", params, time);
    warm_wall.push_back(time.wall_ms);
    warm_cpu.push_back(time.cpu_ms);
  }
  std::printf(
      "histlint/timeline over LSP (in-process, request body in to reply body out): first %.1f ms "
      "(cpu %.1f ms), then median %.1f ms (cpu %.1f ms); target 20 ms; reply %zu bytes\n",
      first.wall_ms, first.cpu_ms, bench::summarise(warm_wall).median,
      bench::summarise(warm_cpu).median, lsp_bytes);
}

// Prints the language server's didChange -> publishDiagnostics latency on a 1 MB Markdown
// document: the time from an incremental edit arriving to its diagnostics being sent, measured
// in-process (message parsing, edit, analysis on the worker, conversion and serialisation), with
// the debounce set to zero. An editor sees this plus the debounce (150 ms by default).
// Prints the targets beside the figures, and the peak RSS. Each latency is given as wall time
// and as the CPU time the whole process spent meanwhile (the machine may be shared).
// Usage: lsp_latency [SIZE_MB | FILE] [EDITS]   (a FILE is analysed as Markdown prose)
#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "bench/bench_support.h"
#include "bench/lsp_client.h"
#include "rules/engine.h"
#include "rules/kb/knowledge_base.h"
#include "server/kb_files.h"
#include "server/lsp_server.h"

namespace {

using Json = nlohmann::json;
using Clock = std::chrono::steady_clock;

// Prose of the kind the tool is for, with dates (a few impossible) and names.
std::string make_document(size_t bytes) {
  static const char* const kParagraphs[] = {
      "Leon Trotsky (7 November 1879 – 21 August 1940) arrived in Mexico on 9 January 1937, "
      "where Diego Rivera and Frida Kahlo had arranged his asylum. The Dewey Commission met in "
      "Coyoacán in April 1937.",
      "The meeting of 31 June 1920 never took place; the minutes of 30 June 1920 record the "
      "delegates' departure. Between 1918–20 the civil war consumed the country.",
      "According to most historians, the purges of 1936–1938 removed nearly the entire Old "
      "Guard of the party: Zinoviev and Kamenev were shot in August 1936, Bukharin in March "
      "1938.",
      "In 1940–1879 the archive was reorganised, a range that runs backwards. Natalia Sedova "
      "outlived her husband by twenty-two years and died in Paris on 23 January 1962.",
  };
  return histlint::bench::generated_history(bytes, kParagraphs);
}

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// CPU time of the whole process (server thread and workers), in milliseconds.
double cpu_ms() {
  timespec now{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
  return now.tv_sec * 1e3 + now.tv_nsec / 1e6;
}

// The line to type on: the first line of the first paragraph of prose from the middle of the
// text on, so that an edit changes one paragraph (line 400 of a generated document).
uint32_t prose_line(const std::string& text) {
  size_t at = text.size() / 2;
  while (true) {
    const size_t gap = text.find("\n\n", at);
    if (gap == std::string::npos) return 400;
    at = gap + 2;
    while (at < text.size() && text[at] == '\n') ++at;
    const size_t end = text.find('\n', at);
    const std::string_view line(text.data() + at,
                                (end == std::string::npos ? text.size() : end) - at);
    if (line.size() > 40 && std::isupper(static_cast<unsigned char>(line[0]))) break;
  }
  return static_cast<uint32_t>(
      std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
}

std::string summary(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const auto at = [&](double q) {
    return v[std::min(v.size() - 1, static_cast<size_t>(q * v.size()))];
  };
  char line[160];
  std::snprintf(line, sizeof line,
                "min %.1f ms, p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms", v.front(),
                at(0.5), at(0.9), at(0.99), v.back());
  return line;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string size_or_file = argc > 1 ? argv[1] : "1";
  const int edits = argc > 2 ? std::max(1, std::atoi(argv[2])) : 20;
  std::string text;
  if (std::ifstream in(size_or_file, std::ios::binary); in) {
    text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  } else {
    text = make_document(static_cast<size_t>(std::atof(size_or_file.c_str()) * 1024 * 1024));
  }
  const double megabytes = text.size() / 1048576.0;
  const std::string uri = "file:///bench/history.md";

  histlint::bench::InProcessClient client;

  const Json document = {{"uri", uri}, {"languageId", "markdown"}, {"version", 1}, {"text", text}};
  auto start = Clock::now();
  double cpu_start = cpu_ms();
  client.notify("textDocument/didOpen", {{"textDocument", document}});
  const size_t findings = client.wait_for_diagnostics(1);
  std::printf("document: %.2f MB, %zu diagnostics\n", text.size() / 1048576.0, findings);
  std::printf(
      "didOpen -> publishDiagnostics (first analysis): %.1f ms, CPU %.1f ms   target <= %.0f ms\n",
      ms_since(start), cpu_ms() - cpu_start, 150 * megabytes);

  // Typing in the middle of the document: insert a word, then delete it again.
  const uint32_t line = prose_line(text);
  std::vector<double> latencies;
  std::vector<double> cpu;
  for (int i = 0; i < edits; ++i) {
    const bool insert = i % 2 == 0;
    const Json range = {{"start", {{"line", line}, {"character", 0}}},
                        {"end", {{"line", line}, {"character", insert ? 0 : 4}}}};
    const Json change = {{"range", range}, {"text", insert ? "Yes " : ""}};
    const Json identifier = {{"uri", uri}, {"version", i + 2}};
    start = Clock::now();
    cpu_start = cpu_ms();
    client.notify("textDocument/didChange",
                  {{"textDocument", identifier}, {"contentChanges", Json::array({change})}});
    client.wait_for_diagnostics(i + 2);
    latencies.push_back(ms_since(start));
    cpu.push_back(cpu_ms() - cpu_start);
  }
  std::printf(
      "didChange -> publishDiagnostics over %d edits on line %u (plus the debounce)   target p99 "
      "<= 15 ms at 1 MB, 60 ms at 10 MB\n  wall: %s\n  CPU:  %s\n",
      edits, line + 1, summary(latencies).c_str(), summary(cpu).c_str());

  // Fast typing with no debounce: each edit supersedes the analysis still running for the one
  // before, which stops at the next rule instead of finishing for nothing.
  const int burst = 10;
  int64_t version = edits + 1;
  Clock::time_point last_edit;
  for (int i = 0; i < burst; ++i) {
    const bool insert = i % 2 == 0;
    const Json range = {{"start", {{"line", line}, {"character", 0}}},
                        {"end", {{"line", line}, {"character", insert ? 0 : 4}}}};
    const Json change = {{"range", range}, {"text", insert ? "Yes " : ""}};
    last_edit = Clock::now();
    client.notify("textDocument/didChange",
                  {{"textDocument", {{"uri", uri}, {"version", ++version}}},
                   {"contentChanges", Json::array({change})}});
    std::this_thread::sleep_for(std::chrono::milliseconds(30));  // a keystroke every 30 ms
  }
  client.wait_for_diagnostics(version);
  std::printf("a burst of %d edits 30 ms apart: last edit -> its diagnostics %.1f ms\n", burst,
              ms_since(last_edit));

  // The share of the rules themselves: the same analysis without the server around it.
  start = Clock::now();
  const auto direct = histlint::analyze_text("history.md", text, histlint::Options{},
                                             histlint::bundled_knowledge_base());
  std::printf("of which the rules engine alone (analyze_text, %zu findings): %.1f ms\n",
              direct.size(), ms_since(start));

  const int hovers = 200;
  start = Clock::now();
  for (int i = 0; i < hovers; ++i) {
    const Json position = {{"line", 2 + (i % 40) * 4}, {"character", 5}};
    histlint::bench::RequestTime time;
    client.call("textDocument/hover", {{"textDocument", {{"uri", uri}}}, {"position", position}},
                time);
  }
  std::printf("hover on the analysed document: %.3f ms per request\n", ms_since(start) / hovers);
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::printf("peak RSS %.1f MB   target <= %.1f MB (30 MB + 3 x the document)\n",
              usage.ru_maxrss / 1024.0, 30 + 3 * text.size() / 1048576.0);
  return 0;
}

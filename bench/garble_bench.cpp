// Throughput of the garble/ rules: prints MB/s per rule on three 10 MB inputs — a single-line
// spun page (seed 003 repeated), clean multi-paragraph prose, and OCR-noisy hard-wrapped text.
//
// usage: garble_bench [SEED_003_PATH] [MEGABYTES]
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "rules/analysis.h"
#include "rules/kb/knowledge_base.h"
#include "rules/rule.h"
#include "rules/text/document.h"

namespace {

using Clock = std::chrono::steady_clock;

std::string repeat_to(const std::string& unit, size_t bytes, const std::string& joiner) {
  std::string out;
  out.reserve(bytes + unit.size());
  while (out.size() < bytes) out += unit + joiner;
  return out;
}

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

void run(const char* name, std::string text, const char* path) {
  const double mb = static_cast<double>(text.size()) / (1024.0 * 1024.0);
  auto start = Clock::now();
  const histlint::Document doc(std::move(text), histlint::language_for_path(path));
  const double parse = seconds_since(start);
  std::printf("%s: %.1f MB, %zu sentences; document model %.2f s (%.1f MB/s)\n", name, mb,
              doc.sentences().size(), parse, mb / parse);
  const histlint::Options options;
  const histlint::KnowledgeBase kb;
  double total = 0;
  for (const auto& rule : histlint::RuleRegistry::builtin().rules()) {
    if (!rule.info.id.starts_with("garble/")) continue;
    const histlint::Analysis analysis(doc, options, kb, path);
    std::vector<histlint::Finding> findings;
    start = Clock::now();
    rule.check(analysis, findings);
    const double s = seconds_since(start);
    total += s;
    std::printf("  %-20s %7.2f s %8.1f MB/s %8zu findings\n", std::string(rule.info.id).c_str(), s,
                mb / s, findings.size());
  }
  std::printf("  %-20s %7.2f s %8.1f MB/s\n", "all garble rules", total, mb / total);
}

}  // namespace

int main(int argc, char** argv) {
  // Default: the shared seeds beside the source tree (bench/ -> repo -> ../shared).
  std::string here = __FILE__;
  here = here.substr(0, here.rfind('/'));
  const std::string seed_path =
      argc > 1 ? argv[1] : here + "/../../shared/seeds/003_f5263c5005460305.txt";
  const size_t bytes = (argc > 2 ? std::stoul(argv[2]) : 10) * 1024 * 1024;
  std::ifstream in(seed_path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string seed = ss.str();
  while (!seed.empty() && (seed.back() == '\n' || seed.back() == '\r')) seed.pop_back();
  if (seed.empty()) {
    std::fprintf(stderr, "garble_bench: cannot read %s\n", seed_path.c_str());
    return 2;
  }
  const std::string clean =
      "The rural assemblies created in 1864 were meant to repair roads, staff clinics and open "
      "schools in provinces where the central government had neither the money nor the will to "
      "do so. Their members were elected in three curiae: landowners, townspeople and peasant "
      "communes; the landowners dominated from the start. “We must wait,” the governor wrote, "
      "“until the harvest is in… and then we shall see.”";
  const std::string noisy =
      "Censorship was rarely as efficient as tbe critics claimed. Tlie office in the\n"
      "capital rnay have employed a handful of readers, wbo read every wor1d almanac\n"
      "and sermon that went to press; inevitably tliey read quickly and fkipped what\n"
      "looked harmless. Authors learned to bury tbeir arguments in long descri-\n"
      "ptions of foreign countries, w|th ~ junk tkrndl here and there.";
  run("single-line spun page (seed 003 repeated)", repeat_to(seed, bytes, " "), "page.txt");
  run("clean prose paragraphs", repeat_to(clean, bytes, "\n\n"), "essay.md");
  run("OCR-noisy hard-wrapped text", repeat_to(noisy, bytes, "\n\n"), "scan.txt");
  return 0;
}

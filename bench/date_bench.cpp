// Date extraction throughput: builds a multi-megabyte corpus from the shared seed texts and a
// date-dense synthetic paragraph, then times DateFacts::extract and the date/ rules on it.
// Usage: date_bench [MEGABYTES] [SEEDS_DIR]   (defaults: 4, ../shared/seeds from the repository)
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "rules/analysis.h"
#include "rules/engine.h"
#include "rules/extract/dates.h"
#include "rules/extract/people.h"
#include "rules/kb/knowledge_base.h"
#include "rules/text/document.h"
#include "server/kb_files.h"

using namespace histlint;

namespace {

constexpr const char* kDenseParagraph =
    "Trotsky was born on 7 November [O.S. 26 October] 1879 and died on 21 August 1940 (aged 60). "
    "In the spring of 1935 he moved to Norway; in December 1936 Mexico offered asylum, and on "
    "Saturday, 9 January 1937, the tanker reached Tampico. Within six months, from 1937 to 1938, "
    "the Moscow trials (1936–38) ran on. Two years later, in 1940, Mercader struck; he died the "
    "next day. The early 1920s, the 19th century and 490–479 BC are periods; p. 1917, 273 times "
    "and 5 million are not dates. Sixty-five years since Trotsky's death, the 65th anniversary "
    "passed.\n\n";

// The seed texts, or nothing when the folder is missing (the synthetic paragraph still runs).
std::string seed_text(const std::filesystem::path& dir) {
  std::string out;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    std::ifstream in(entry.path());
    std::stringstream s;
    s << in.rdbuf();
    out += s.str() + "\n\n";
  }
  return out;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  const double megabytes = argc > 1 ? std::atof(argv[1]) : 4.0;
  const size_t target = static_cast<size_t>(megabytes * 1024 * 1024);
  const std::string seeds = seed_text(argc > 2 ? argv[2] : "../shared/seeds");
  if (seeds.empty()) std::fprintf(stderr, "date_bench: no seed texts found; synthetic text only\n");
  std::string text;
  text.reserve(target + 4096);
  while (text.size() < target) {
    text += seeds;
    text += kDenseParagraph;
  }
  const double mb = static_cast<double>(text.size()) / (1024.0 * 1024.0);

  auto start = std::chrono::steady_clock::now();
  const Document doc(text, Language::PlainText);
  const double segment_s = seconds_since(start);

  DateFacts facts;
  double extract_s = 1e9;
  for (int run = 0; run < 3; ++run) {  // best of three
    start = std::chrono::steady_clock::now();
    facts = DateFacts::extract(doc);
    extract_s = std::min(extract_s, seconds_since(start));
  }

  // The date rules, with the people knowledge base, on a fresh analysis. Name recognition
  // (rules/extract/people) is timed on its own first, since every people-aware rule shares it.
  const Options options;
  const Analysis analysis(doc, options, bundled_knowledge_base(), "bench.txt");
  start = std::chrono::steady_clock::now();
  const size_t mentions = analysis.facts<PeopleFacts>().mentions.size();
  const double people_s = seconds_since(start);
  start = std::chrono::steady_clock::now();
  size_t findings = 0;
  for (const RuleDef& rule : RuleRegistry::builtin().rules()) {
    if (rule.info.id.substr(0, 5) != "date/") continue;
    std::vector<Finding> out;
    rule.check(analysis, out);
    findings += out.size();
  }
  const double rules_s = seconds_since(start);

  std::printf("corpus: %.1f MB (%zu dates, %zu relative, %zu ages, %zu anniversaries)\n", mb,
              facts.dates.size(), facts.relatives.size(), facts.ages.size(),
              facts.anniversaries.size());
  std::printf("document model: %.3f s (%.1f MB/s)\n", segment_s, mb / segment_s);
  std::printf("date extraction: %.3f s (%.1f MB/s)\n", extract_s, mb / extract_s);
  std::printf("name recognition: %.3f s (%.1f MB/s), %zu mentions\n", people_s, mb / people_s,
              mentions);
  std::printf("date rules (pronouns, events, nine rules): %.3f s (%.1f MB/s), %zu findings\n",
              rules_s, mb / rules_s, findings);
  return 0;
}

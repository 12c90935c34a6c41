// Person hover latency on a 1 MB document: the one-off name recognition an edit costs, then
// hovers, definitions and references on the analysed text, and hovers on people only the text
// knows (their cards gather evidence over every mention). Prints figures; asserts nothing.
// Usage: hover_bench [SEEDS_DIR]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "bench/bench_support.h"
#include "rules/analysis.h"
#include "rules/extract/people.h"
#include "rules/kb/knowledge_base.h"
#include "rules/options.h"
#include "rules/queries/person_queries.h"
#include "rules/text/document.h"
#include "server/kb_files.h"

namespace {

using Clock = std::chrono::steady_clock;

double micros(Clock::duration d) {
  return std::chrono::duration<double, std::micro>(d).count();
}

// Historical prose about many people: the seed texts (from `seeds_dir`, by default the shared
// folder beside the repository) repeated, else built-in paragraphs.
std::string corpus(size_t target, const std::string& seeds_dir) {
  std::string seeds;
  for (const char* name :
       {"000_49e6caaae9c19ab0.txt", "001_428cb211aaff2c87.txt", "002_7b9d9777e363c83c.txt",
        "003_f5263c5005460305.txt", "004_c27644235a2dde79.txt"}) {
    std::ifstream in(seeds_dir + "/" + name);
    std::stringstream text;
    text << in.rdbuf();
    seeds += text.str() + "\n\n";
  }
  if (seeds.size() < 1000) {
    seeds =
        "Leon Trotsky (1879–1940) led the Red Army. Lenin and Stalin disagreed; Natalia Sedova "
        "kept a diary. In 1940 Ramón Mercader killed Trotsky in Coyoacán.\n\n"
        "Winston Churchill met Franklin D. Roosevelt and Stalin at Yalta in 1945. De Gaulle "
        "was not invited; Churchill's doctor noted it.\n\n";
  }
  // People the knowledge base lacks, introduced once and named again throughout.
  const std::string introductions =
      "Marta Kovalenko (4 May 1821 – 1881), a seamstress from Tver, kept the ledgers. Nadia "
      "Orlova was born in Kazan on 2 March 1879.\n\n";
  const std::string text_people =
      "Kovalenko wrote to Orlova again. Orlova, a teacher of music, answered Kovalenko.\n\n";
  std::string out = introductions;
  for (size_t paragraphs = 0; out.size() < target;) {
    for (size_t begin = 0; begin < seeds.size() && out.size() < target;) {
      const size_t end = std::min(seeds.find("\n\n", begin), seeds.size());
      out.append(seeds, begin, end - begin);
      out += "\n\n";
      if (++paragraphs % 8 == 0) out += text_people;
      begin = end + 2;
    }
  }
  out.resize(target);
  // Do not end inside a UTF-8 sequence.
  while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80) out.pop_back();
  if (!out.empty() && static_cast<unsigned char>(out.back()) >= 0xC0) out.pop_back();
  return out;
}

using histlint::bench::Stats;
using histlint::bench::summarise;

}  // namespace

int main(int argc, char** argv) {
  using namespace histlint;
  std::error_code ec;
  const auto exe_dir = std::filesystem::read_symlink("/proc/self/exe", ec).parent_path();
  const std::string seeds_dir =
      argc > 1 ? argv[1] : (exe_dir / ".." / ".." / "shared" / "seeds").string();
  auto start = Clock::now();
  const KnowledgeBase& kb = bundled_knowledge_base();
  const double load_ms = micros(Clock::now() - start) / 1000;
  std::printf("knowledge base: %zu people loaded in %.1f ms\n", kb.size(), load_ms);

  const std::string text = corpus(1 << 20, seeds_dir);
  const Document doc(text, Language::Markdown);
  const Options options;

  // Cold: a fresh analysis, as after an edit; the first hover recognises every name.
  constexpr int kColdRuns = 5;
  std::vector<double> cold;
  size_t mentions = 0;
  for (int i = 0; i < kColdRuns; ++i) {
    const Analysis analysis(doc, options, kb, "bench.md");
    start = Clock::now();
    const auto& facts = analysis.facts<PeopleFacts>();
    cold.push_back(micros(Clock::now() - start));
    mentions = facts.mentions.size();
  }
  const Stats cold_stats = summarise(cold);
  std::printf("document: %.2f MB, %zu person mentions\n", text.size() / 1048576.0, mentions);
  std::printf("name recognition (once per edit): median %.1f ms, max %.1f ms (%.1f MB/s)\n",
              cold_stats.median / 1000, cold_stats.max / 1000,
              text.size() / 1048576.0 / (cold_stats.median / 1e6));

  // Warm: hovers on an analysed document, as the editor sends them. The card's dated-sentence
  // line needs the date facts; they are extracted once here, outside the timing, as the date
  // rules do on every analysis.
  const Analysis analysis(doc, options, kb, "bench.md");
  const auto& facts = analysis.facts<PeopleFacts>();
  start = Clock::now();
  (void)person_hover(analysis, facts.mentions.empty() ? 0 : facts.mentions[0].span.offset);
  std::printf("first hover (date facts extracted for the card): %.1f ms\n",
              micros(Clock::now() - start) / 1000);

  std::vector<size_t> offsets;
  for (size_t i = 0; i < facts.mentions.size();
       i += std::max<size_t>(1, facts.mentions.size() / 2000)) {
    offsets.push_back(facts.mentions[i].span.offset + facts.mentions[i].span.length / 2);
  }
  std::vector<double> hover, definition, references, misses;
  size_t cards = 0;
  for (size_t offset : offsets) {
    start = Clock::now();
    auto card = person_hover(analysis, offset);
    hover.push_back(micros(Clock::now() - start));
    cards += card.has_value();
    start = Clock::now();
    (void)person_definition(analysis, offset);
    definition.push_back(micros(Clock::now() - start));
    start = Clock::now();
    (void)person_references(analysis, offset);
    references.push_back(micros(Clock::now() - start));
    start = Clock::now();
    (void)person_hover(analysis, offset + 40);  // usually not on a name
    misses.push_back(micros(Clock::now() - start));
  }
  for (const auto& [label, values] :
       {std::pair{"hover on a name", &hover}, std::pair{"hover elsewhere", &misses},
        std::pair{"definition", &definition}, std::pair{"references", &references}}) {
    const Stats s = summarise(*values);
    std::printf("%-16s median %7.1f us   p99 %7.1f us   max %7.1f us   (%zu samples)\n", label,
                s.median, s.p99, s.max, values->size());
  }
  std::printf("cards returned: %zu of %zu hovers\n", cards, offsets.size());

  // Cards from the text: the evidence is read again around every mention of the person.
  std::vector<size_t> text_offsets;
  size_t text_mentions = 0;
  for (const auto& m : facts.mentions) {
    if (!m.person_id.starts_with("doc:")) continue;
    ++text_mentions;
    if (text_mentions % std::max<size_t>(1, facts.mentions.size() / 4000) == 0) {
      text_offsets.push_back(m.span.offset);
    }
  }
  if (!text_offsets.empty()) {
    const Analysis fresh(doc, options, kb, "bench.md");
    (void)fresh.facts<PeopleFacts>();
    start = Clock::now();
    (void)person_hover(fresh, text_offsets.front());
    std::printf("first hover on a text person (evidence gathered for every text person): %.2f ms\n",
                micros(Clock::now() - start) / 1000);
  }
  std::vector<double> text_hover;
  size_t text_cards = 0;
  for (size_t offset : text_offsets) {
    start = Clock::now();
    auto card = person_hover(analysis, offset);
    text_hover.push_back(micros(Clock::now() - start));
    text_cards += card.has_value();
  }
  const Stats t = summarise(text_hover);
  std::printf(
      "hover, text person median %7.1f us   p99 %7.1f us   max %7.1f us   (%zu samples, "
      "%zu cards, %zu mentions of text-only people)\n",
      t.median, t.p99, t.max, text_hover.size(), text_cards, text_mentions);
  start = Clock::now();
  const auto people = document_people(analysis);
  std::printf("document symbols: %zu people in %.2f ms\n", people.size(),
              micros(Clock::now() - start) / 1000);
  return 0;
}

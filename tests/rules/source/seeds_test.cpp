// The source/ rules on the shared seed texts: every source label holds, and the rules stay quiet
// enough to keep on (fewer than one finding per 150 words).
#include <doctest/doctest.h>

#include <algorithm>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

#include "source_test_util.h"

using namespace histlint;

namespace {

std::string read_seed(const std::string& prefix) {
  const std::filesystem::path dir = std::filesystem::path(HISTLINT_SHARED_DIR) / "seeds";
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().filename().string().rfind(prefix, 0) == 0) {
      std::ifstream in(entry.path(), std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      return ss.str();
    }
  }
  FAIL("seed not found: " << prefix);
  return {};
}

std::vector<Finding> source_findings(const std::string& text) {
  RuleRegistry registry;
  register_source_rules(registry);
  const Document doc(text, Language::PlainText);
  const Options options;
  const KnowledgeBase kb;
  const Analysis analysis(doc, options, kb);
  return run_rules(analysis, registry);
}

size_t word_count(const std::string& text) {
  std::istringstream in(text);
  return static_cast<size_t>(
      std::distance(std::istream_iterator<std::string>(in), std::istream_iterator<std::string>()));
}

bool flags(const std::string& text, const std::vector<Finding>& findings,
           const std::string& needle) {
  const size_t at = text.find(needle);
  REQUIRE(at != std::string::npos);
  return std::any_of(findings.begin(), findings.end(), [&](const Finding& f) {
    return f.span.offset < at + needle.size() && f.span.end() > at;
  });
}

}  // namespace

TEST_CASE("seeds: the source labels hold") {
  const auto s000 = read_seed("000_");
  CHECK(flags(s000, source_findings(s000), "who he has voted with 273 times"));
  const auto s001 = read_seed("001_");
  CHECK(flags(s001, source_findings(s001), "“To choose the victim, carefully prepare the blow"));
  const auto s004 = read_seed("004_");
  CHECK(flags(s004, source_findings(s004),
              "with 5 million fighters, and faced down 14 imperialist armies on the battlefield"));
  const auto s002 = read_seed("002_");
  const auto f002 = source_findings(s002);
  CHECK_FALSE(flags(s002, f002,
                    "was a Russian Marxist revolutionary and theorist, Soviet politician, and the "
                    "founder and first leader of the Red Army."));
  CHECK_FALSE(flags(s002, f002,
                    "He was assassinated on Stalin’s orders in Mexico, by Ramón Mercader, a "
                    "Spanish-born Soviet agent in August 1940.[4]"));
}

TEST_CASE("seeds: fewer than one source finding per 150 words") {
  for (const char* prefix : {"000_", "001_", "002_", "004_"}) {
    const auto text = read_seed(prefix);
    const auto findings = source_findings(text);
    INFO(prefix << ": " << findings.size() << " findings, " << word_count(text) << " words");
    CHECK(findings.size() * 150 < word_count(text));
  }
}

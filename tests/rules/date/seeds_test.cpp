// The date findings on the five shared seed texts: exactly the labelled contradictions.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "rules/analysis.h"
#include "rules/kb/knowledge_base.h"
#include "rules/rule.h"
#include "server/kb_files.h"

using namespace histlint;

namespace {

// The date/ rules only, so another family's state cannot affect this test.
std::vector<std::string> date_findings(const std::string& name) {
  const auto path = std::filesystem::path(HISTLINT_SHARED_DIR) / "seeds" / name;
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  const Document doc(text.str(), language_for_path(path.string()));
  const Options options;
  const Analysis analysis(doc, options, bundled_knowledge_base(), path.string());
  std::vector<std::string> out;
  for (const RuleDef& rule : RuleRegistry::builtin().rules()) {
    if (rule.info.id.rfind("date/", 0) != 0) continue;
    std::vector<Finding> found;
    rule.check(analysis, found);
    for (const Finding& f : found) out.push_back(text.str().substr(f.span.offset, f.span.length));
  }
  return out;
}

}  // namespace

TEST_CASE("seed date findings are the labelled ones and no others") {
  if (!std::filesystem::exists(std::filesystem::path(HISTLINT_SHARED_DIR) / "seeds")) return;
  CHECK(date_findings("000_49e6caaae9c19ab0.txt") ==
        std::vector<std::string>{"settled in Mexico in 1936"});
  CHECK(date_findings("001_428cb211aaff2c87.txt") == std::vector<std::string>{"Within six months"});
  CHECK(date_findings("002_7b9d9777e363c83c.txt").empty());
  CHECK(date_findings("003_f5263c5005460305.txt").empty());
  CHECK(date_findings("004_c27644235a2dde79.txt") == std::vector<std::string>{"at age 61"});
}

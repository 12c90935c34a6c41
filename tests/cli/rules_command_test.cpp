#include "server/cli_rules.h"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "rules/rule.h"
#include "rules/suppressions.h"

namespace histlint {
namespace {

struct Run {
  int code;
  std::string out;
  std::string err;
};

Run rules(const std::vector<std::string>& args) {
  std::ostringstream out, err;
  const int code = run_rules_command(args, out, err);
  return {code, out.str(), err.str()};
}

Run explain(const std::vector<std::string>& args) {
  std::ostringstream out, err;
  const int code = run_explain_command(args, out, err);
  return {code, out.str(), err.str()};
}

TEST_CASE("rules lists every registered rule and the suppression checker") {
  const Run text = rules({});
  CHECK(text.code == 0);
  const Run json = rules({"--format", "json"});
  CHECK(json.code == 0);
  const auto listed = nlohmann::json::parse(json.out);
  REQUIRE(listed.size() == RuleRegistry::builtin().rules().size() + 1);
  for (size_t i = 0; i < RuleRegistry::builtin().rules().size(); ++i) {
    const RuleInfo& info = RuleRegistry::builtin().rules()[i].info;
    CHECK(listed[i]["id"] == info.id);
    CHECK(listed[i]["summary"] == info.summary);
    CHECK(text.out.find(std::string(info.id) + "  ") != std::string::npos);
  }
  CHECK(listed.back()["id"] == "histlint/unused-disable");
  CHECK(listed.back()["default"] == "opt-in");
  CHECK(rules({"--format", "xml"}).code == 2);
  CHECK(rules({"extra"}).code == 2);
}

TEST_CASE("explain prints the explanation, the example and what histlint reports on it") {
  const Run run = explain({"histlint/unused-disable"});
  CHECK(run.code == 0);
  CHECK(run.out.rfind("histlint/unused-disable (default: opt-in)\n\n", 0) == 0);
  CHECK(run.out.find("Example:\n    <!-- histlint-disable-next-line") != std::string::npos);
  CHECK(run.out.find("histlint reports:\n    1:1: warning: ") != std::string::npos);
  // Prose is wrapped at 80 columns; only indented text (the example, findings, snippets to copy)
  // may run longer.
  std::istringstream lines(run.out);
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("    ", 0) == 0) continue;
    CHECK_MESSAGE(line.size() <= 80, line);
  }
}

TEST_CASE("every rule's example is flagged by the rule itself") {
  for (const auto& rule : RuleRegistry::builtin().rules()) {
    const Run run = explain({std::string(rule.info.id)});
    CHECK(run.code == 0);
    CHECK_MESSAGE(!rule.info.example.empty(), rule.info.id << " has no example");
    CHECK_MESSAGE(run.out.find("histlint reports:") != std::string::npos,
                  rule.info.id << ": its example is not flagged by it:\n"
                               << rule.info.example);
  }
}

TEST_CASE("explain: families, unknown rules, usage") {
  const Run family = explain({"histlint"});
  CHECK(family.code == 0);
  CHECK(family.out.find("histlint/unused-disable") != std::string::npos);
  const Run typo = explain({"histlint/unused-disabel"});
  CHECK(typo.code == 2);
  CHECK(typo.err.find("unknown rule \"histlint/unused-disabel\"; did you mean "
                      "\"histlint/unused-disable\"?") != std::string::npos);
  CHECK(explain({}).code == 2);
  CHECK(explain({"a", "b"}).code == 2);
  CHECK(explain({"--help"}).code == 0);
}

}  // namespace
}  // namespace histlint

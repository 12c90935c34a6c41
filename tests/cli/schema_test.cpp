// data/histlint.schema.json, which editors use to validate .histlint.json, must agree with the
// configuration parser and list every rule. HISTLINT_UPDATE_GOLDEN=1 rewrites its rule list.
#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>

#include "cli/temp_dir.h"
#include "rules/rule.h"
#include "rules/suppressions.h"
#include "server/config.h"

namespace histlint {
namespace {

using ordered_json = nlohmann::ordered_json;

const std::string kSchemaPath = std::string(HISTLINT_SOURCE_DIR) + "/data/histlint.schema.json";

ordered_json load_schema() {
  std::ifstream in(kSchemaPath);
  REQUIRE_MESSAGE(in, "cannot read " << kSchemaPath);
  return ordered_json::parse(in);
}

std::vector<const RuleInfo*> every_rule() {
  std::vector<const RuleInfo*> rules;
  for (const auto& rule : RuleRegistry::builtin().rules()) rules.push_back(&rule.info);
  rules.push_back(&unused_disable_rule());
  return rules;
}

TEST_CASE("the schema lists every rule with its summary") {
  ordered_json schema = load_schema();
  ordered_json expected = ordered_json::object();
  for (const RuleInfo* rule : every_rule()) {
    expected[std::string(rule->id)] = {{"$ref", "#/definitions/setting"},
                                       {"description", rule->summary}};
  }
  if (std::getenv("HISTLINT_UPDATE_GOLDEN")) {
    schema["properties"]["rules"]["properties"] = expected;
    std::ofstream(kSchemaPath) << schema.dump(2, ' ', false) << '\n';
    MESSAGE("updated " << kSchemaPath);
    return;
  }
  const auto& listed = schema["properties"]["rules"]["properties"];
  std::string differences;
  for (const auto& [id, entry] : expected.items()) {
    if (!listed.contains(id)) {
      differences += " missing " + id + ";";
    } else if (listed[id] != entry) {
      differences += " outdated " + id + ";";
    }
  }
  for (const auto& [id, entry] : listed.items()) {
    if (!expected.contains(id)) differences += " no such rule " + id + ";";
  }
  CHECK_MESSAGE(
      differences.empty(),
      "data/histlint.schema.json:" << differences
                                   << " regenerate its rule list with HISTLINT_UPDATE_GOLDEN=1 "
                                      "test_cli -tc='the schema lists*'");
}

TEST_CASE("every rule id and family fits the schema's selector pattern") {
  const ordered_json schema = load_schema();
  const std::regex selector(
      schema["properties"]["rules"]["propertyNames"]["pattern"].get<std::string>());
  for (const RuleInfo* rule : every_rule()) {
    const std::string id(rule->id);
    CHECK_MESSAGE(std::regex_match(id, selector), id);
    const std::string family = id.substr(0, id.find('/'));
    CHECK(std::regex_match(family, selector));
    CHECK(std::regex_match(family + "/*", selector));
  }
  CHECK(std::regex_match(std::string("*"), selector));
  CHECK_FALSE(std::regex_match(std::string("date/**"), selector));
  CHECK_FALSE(std::regex_match(std::string("dates"), selector));
}

TEST_CASE("the parser accepts every key of the schema with the schema's example") {
  const ordered_json schema = load_schema();
  CHECK(schema["additionalProperties"] == false);
  testing::TempDir dir;
  dir.write("research/people.json", "[]");
  for (const auto& [key, property] : schema["properties"].items()) {
    if (key == "$schema") continue;
    REQUIRE_MESSAGE(property.contains("examples"), key);
    REQUIRE_MESSAGE(property.contains("description"), key);
    ordered_json config = {{key, property["examples"][0]}};
    const auto result = parse_config(config.dump(), dir.path() / ".histlint.json");
    CHECK_MESSAGE(result.ok(), key << ": " << result.error);
  }
}

}  // namespace
}  // namespace histlint

#include "server/workspace.h"

#include <doctest/doctest.h>

#include "cli/temp_dir.h"

namespace histlint {
namespace {

TEST_CASE("a configuration file that breaks keeps its last valid settings, with the error") {
  const testing::TempDir dir;
  const auto config = dir.write(".histlint.json", R"({"rules": {"date": "off"}})");
  const auto file = dir.write("doc.md", "text\n");
  Workspace workspace;
  workspace.set_folders({dir.path()});
  const auto valid = workspace.resolve(file);
  CHECK(valid.errors.empty());
  const std::vector<std::pair<std::string, std::string>> date_off = {{"date", "off"}};
  CHECK(valid.options->rules == date_off);

  dir.write(".histlint.json", R"({"rules": {"date": 1e400}})");
  // The cache looks at the modification time, which may not have ticked yet.
  std::filesystem::last_write_time(
      config, std::filesystem::last_write_time(config) + std::chrono::seconds(2));
  const auto broken = workspace.resolve(file);
  REQUIRE(broken.errors.size() == 1);
  CHECK(broken.errors[0].find("number out of range at /rules/date") != std::string::npos);
  CHECK(broken.options->rules == date_off);
}

}  // namespace
}  // namespace histlint

// Every garble label of the shared seed labels holds when the garble rules run alone.
#include <doctest/doctest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "garble_test_util.h"

using namespace histlint;
using namespace histlint::garble_test;

namespace {

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

TEST_CASE("garble labels of the seed texts hold") {
  const std::string shared = HISTLINT_SHARED_DIR;
  const auto labels = nlohmann::json::parse(read(shared + "/acceptance/seeds-labels.json"));
  size_t checked = 0;
  for (const auto& l : labels) {
    if (l["family"] != "garble") continue;
    const std::string doc = l["doc"];
    const std::string text = read(shared + "/seeds/" + doc);
    std::vector<Finding> found;
    for (const char* rule : {"garble/spun-text", "garble/ocr-noise", "garble/mojibake",
                             "garble/spam", "garble/boilerplate"}) {
      const auto f = run_rule(rule, text, doc);
      found.insert(found.end(), f.begin(), f.end());
    }
    const std::string needle = l["text"];
    INFO(doc << ": " << needle);
    CHECK(flags(found, text, needle) == (l["expect"] == "flag"));
    ++checked;
  }
  CHECK(checked >= 8);
}

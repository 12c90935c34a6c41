#include "server/cli_extract.h"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/temp_dir.h"

namespace histlint {
namespace {

struct Run {
  int code;
  std::string out;
  std::string err;
};

Run extract(const std::vector<std::string>& args) {
  std::ostringstream out, err;
  const int code = run_extract_command(args, out, err);
  return {code, out.str(), err.str()};
}

TEST_CASE("extract prints dates with TIMEX3 values and UTF-8 byte offsets") {
  testing::TempDir dir;
  const std::string text =
      "Émile wrote on 3 March 1871. Two days later he left, and the following year he "
      "returned.\n";
  const auto file = dir.write("notes.md", text);
  const Run run = extract({"--format", "json", file.string()});
  REQUIRE(run.code == 0);
  const auto report = nlohmann::json::parse(run.out);
  CHECK(report["version"] == 1);
  REQUIRE(report["files"].size() == 1);
  const auto& dates = report["files"][0]["dates"];
  REQUIRE(dates.size() == 3);
  CHECK(dates[0]["value"] == "1871-03-03");
  CHECK(dates[0]["offset"] == text.find("3 March"));  // "É" is two bytes
  CHECK(dates[0]["length"] == std::string("3 March 1871").size());
  CHECK(dates[0]["text"] == "3 March 1871");
  CHECK(dates[1]["value"] == "1871-03-05");
  CHECK(dates[2]["value"] == "1872");
  CHECK(report["files"][0]["people"].is_array());
}

TEST_CASE("the document date comes from front matter, then the configuration, then the flag") {
  testing::TempDir dir;
  const auto plain = dir.write("a/plain.md", "Yesterday the vote was held.\n");
  const auto dated = dir.write("a/dated.md", "---\ndate: 2001-05-10\n---\nYesterday it rained.\n");
  auto value = [](const Run& run) {
    return nlohmann::json::parse(run.out)["files"][0]["dates"][0]["value"].get<std::string>();
  };
  CHECK(value(extract({"-f", "json", "--document-date", "1999-01-01", plain.string()})) ==
        "1998-12-31");
  CHECK(value(extract({"-f", "json", "--document-date", "1999-01-01", dated.string()})) ==
        "2001-05-09");
  dir.write("a/.histlint.json", R"({"documentDate": "2010-03-01"})");
  CHECK(value(extract({"-f", "json", "--document-date", "1999-01-01", plain.string()})) ==
        "2010-02-28");
}

TEST_CASE("extract text format, usage errors and unreadable files") {
  testing::TempDir dir;
  const auto file = dir.write("x.txt", "In the 1930s.\n");
  const Run text = extract({file.string()});
  CHECK(text.code == 0);
  CHECK(text.out.find(":1:8: 1930s -> 193\n") != std::string::npos);
  CHECK(extract({"--format", "xml", file.string()}).code == 2);
  CHECK(extract({"--document-date", "yesterday", file.string()}).code == 2);
  CHECK(extract({}).code == 2);
  CHECK(extract({"--help"}).out.find("Usage: histlint extract") == 0);
  const auto binary = dir.write("bad.txt", std::string("In 1930 \xff\n"));
  const Run bad = extract({"-f", "json", binary.string(), file.string()});
  CHECK(bad.code == 2);
  CHECK(nlohmann::json::parse(bad.out)["files"].size() == 1);
}

TEST_CASE("extract links people of the configured knowledge bases, as check does") {
  testing::TempDir dir;
  const auto file = dir.write("p/notes.md", "Ada Quill wrote in 1840.\n");
  dir.write("p/.histlint.json", R"({"knowledgeBase": ["kb/people.json"]})");
  auto first_id = [&] {
    const Run run = extract({"-f", "json", file.string()});
    const auto people = nlohmann::json::parse(run.out)["files"][0]["people"];
    return people.empty() || people[0]["id"].is_null() ? std::string()
                                                       : people[0]["id"].get<std::string>();
  };
  dir.write("p/kb/people.json", R"({"version": 1, "people": [{"id": "ada-quill",
      "name": "Ada Quill", "sex": "female", "birth": {"date": "1801-02-03"}}]})");
  CHECK(first_id() == "ada-quill");
  dir.write("p/kb/people.json", "{ not json");
  const Run broken = extract({"-f", "json", file.string()});
  CHECK(broken.code == 2);
  CHECK(broken.err.find("people.json") != std::string::npos);
}

}  // namespace
}  // namespace histlint

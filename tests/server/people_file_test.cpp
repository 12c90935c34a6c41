#include "server/people_file.h"

#include <doctest/doctest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/temp_dir.h"
#include "server/kb_files.h"

namespace histlint {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

TextPerson orlova() {
  TextPerson p;
  p.person_id = "doc:nadia-orlova";
  p.name = "Nadia Orlova";
  p.birth = parse_partial_date("1879-03-02");
  p.birth_place = "Kazan";
  p.death = parse_partial_date("1931");
  p.description = "a teacher of music";
  return p;
}

std::shared_ptr<const Config> config_in(const TempDir& dir, std::string_view text) {
  const fs::path file = dir.write(".histlint.json", text);
  const ConfigResult result = load_config_file(file);
  REQUIRE_MESSAGE(result.ok(), result.error);
  return result.config;
}

const KnowledgeBase& empty_kb() {
  static const KnowledgeBase kb;
  return kb;
}

TEST_CASE("the entry holds what the text gives, with precision, and nothing it does not") {
  TextPerson p = orlova();
  p.aliases = {"Nadezhda Orlova"};
  const auto entry =
      nlohmann::json::parse(people_file_entry(p, [](std::string_view) { return false; }));
  CHECK(entry == nlohmann::json::parse(R"({"id": "nadia-orlova", "name": "Nadia Orlova",
      "aliases": ["Nadezhda Orlova"],
      "birth": {"date": "1879-03-02", "precision": "day", "place": "Kazan"},
      "death": {"date": "1931", "precision": "year"},
      "description": "a teacher of music", "source": "text"})"));
  TextPerson bare;
  bare.person_id = "doc:ilse-brandauer";
  bare.name = "Ilse Brandauer";
  bare.death = parse_partial_date("1912-02-01", Calendar::Julian);
  bare.death->precision = DatePrecision::Day;
  const auto minimal = nlohmann::json::parse(people_file_entry(bare, [](std::string_view id) {
    return id == "ilse-brandauer" || id == "ilse-brandauer-2";
  }));
  CHECK(minimal == nlohmann::json::parse(R"({"id": "ilse-brandauer-3", "name": "Ilse Brandauer",
      "death": {"date": "1912-02-01", "precision": "day", "calendar": "julian"},
      "source": "text"})"));
}

TEST_CASE("without a configuration the project's .histlint/people.json is created") {
  TempDir dir;
  const auto config = default_config(dir.path());
  const AddedPerson added = add_to_people_file(orlova(), *config, dir.path(), empty_kb());
  REQUIRE_MESSAGE(added.error.empty(), added.error);
  CHECK(added.created_file);
  CHECK(!added.updated_config);
  CHECK(added.id == "nadia-orlova");
  CHECK(added.people_file == dir.path() / ".histlint" / "people.json");
  std::string error;
  const auto kb = load_knowledge_base_file(added.people_file.string(), &error);
  REQUIRE_MESSAGE(kb, error);
  const Person* p = kb->find("nadia-orlova");
  REQUIRE(p);
  CHECK(p->birth->date.precision == DatePrecision::Day);
  CHECK(p->birth->place == "Kazan");
  CHECK(p->death->date.precision == DatePrecision::Year);
  CHECK(p->description == "a teacher of music");
  // The same person twice is refused, and the file is left as it was.
  const std::string before = read(added.people_file);
  const AddedPerson again = add_to_people_file(orlova(), *config, dir.path(), *kb);
  CHECK(again.error.find("already has an entry for Nadia Orlova") != std::string::npos);
  CHECK(read(added.people_file) == before);
}

TEST_CASE("a configuration that names no people file comes to name the one created") {
  TempDir dir;
  const auto config = config_in(dir, R"({"rules": {"date/age-mismatch": "error"}})");
  const AddedPerson added =
      add_to_people_file(orlova(), *config, dir.path() / "ignored", empty_kb());
  REQUIRE_MESSAGE(added.error.empty(), added.error);
  CHECK(added.updated_config);
  CHECK(added.people_file == dir.path() / ".histlint" / "people.json");
  const ConfigResult reread = load_config_file(dir.path() / ".histlint.json");
  REQUIRE_MESSAGE(reread.ok(), reread.error);
  REQUIRE(reread.config->knowledge_base.size() == 1);
  CHECK(reread.config->knowledge_base[0] == added.people_file);
  CHECK(read(dir.path() / ".histlint.json").find("\"date/age-mismatch\": \"error\"") !=
        std::string::npos);
  CHECK(knowledge_base_files(*reread.config) ==
        std::vector<std::string>{added.people_file.string()});
}

TEST_CASE("a configured people file gets the entry after its own, with an unused id") {
  TempDir dir;
  const fs::path people = dir.write(
      "kb/mine.json",
      R"({"version": 1, "people": [{"id": "nadia-orlova", "name": "Nadia Orlova-Bern"}]})");
  const auto config = config_in(dir, R"({"knowledgeBase": ["kb/mine.json"]})");
  const AddedPerson added = add_to_people_file(orlova(), *config, dir.path(), empty_kb());
  REQUIRE_MESSAGE(added.error.empty(), added.error);
  CHECK(!added.created_file);
  CHECK(!added.updated_config);
  CHECK(added.people_file == people);
  CHECK(added.id == "nadia-orlova-2");
  const auto written = nlohmann::json::parse(read(people));
  REQUIRE(written["people"].size() == 2);
  CHECK(written["people"][0]["name"] == "Nadia Orlova-Bern");
  CHECK(written["people"][1]["id"] == "nadia-orlova-2");
  // An id the loaded knowledge base holds is taken too.
  TextPerson trotsky = orlova();
  trotsky.person_id = "doc:leon-trotsky";
  trotsky.name = "Leon Trotsky the Younger";
  const AddedPerson second =
      add_to_people_file(trotsky, *config, dir.path(), bundled_knowledge_base());
  REQUIRE_MESSAGE(second.error.empty(), second.error);
  CHECK(second.id == "leon-trotsky-2");
}

TEST_CASE("a file that is no people file is left alone and named in the error") {
  TempDir dir;
  dir.write("people.json", "[]");
  const auto config = config_in(dir, R"({"knowledgeBase": ["people.json"]})");
  for (std::string_view broken : {"{\"people\": [", "{\"persons\": []}", "42"}) {
    const fs::path people = dir.write("people.json", broken);
    const AddedPerson added = add_to_people_file(orlova(), *config, dir.path(), empty_kb());
    CHECK(added.error.find(people.string()) == 0);
    CHECK(read(people) == broken);
  }
  // An entry the knowledge base would refuse is not written either.
  const fs::path people = dir.write("people.json", R"([{"id": "x", "name": "X", "sex": "?"}])");
  const AddedPerson added = add_to_people_file(orlova(), *config, dir.path(), empty_kb());
  CHECK(!added.error.empty());
  CHECK(read(people) == R"([{"id": "x", "name": "X", "sex": "?"}])");
}

}  // namespace
}  // namespace histlint

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "rules/kb/kb_binary.h"
#include "rules/kb/knowledge_base.h"
#include "server/kb_command.h"
#include "server/kb_files.h"

namespace histlint {
namespace {

struct Run {
  int status = 0;
  std::string out;
  std::string err;
};

Run kb(const std::vector<std::string>& args) {
  std::ostringstream out;
  std::ostringstream err;
  Run run;
  run.status = run_kb_command(args, out, err);
  run.out = out.str();
  run.err = err.str();
  return run;
}

std::string temp_path(const std::string& name) {
  const auto dir = std::filesystem::temp_directory_path() / "histlint-kb-command-test";
  std::filesystem::create_directories(dir);
  return (dir / name).string();
}

TEST_CASE("kb import-wikidata writes a knowledge base the loader accepts") {
  const std::string out = temp_path("imported.json");
  std::filesystem::remove(out);
  const Run run = kb({"import-wikidata",
                      std::string(HISTLINT_TEST_DATA_DIR) + "/wikidata/small.json.bz2", "-o", out});
  CHECK(run.status == 0);
  CHECK(run.err.find("4 people from") != std::string::npos);
  CHECK(run.err.find("wrote " + out) != std::string::npos);
  std::string error;
  const auto loaded = load_knowledge_base_file(out, &error);
  REQUIRE(loaded);
  CHECK(loaded->size() == 4);
  CHECK(!std::filesystem::exists(out + ".partial"));
}

TEST_CASE("kb import-wikidata to standard output, and its errors") {
  Run run = kb({"import-wikidata", std::string(HISTLINT_TEST_DATA_DIR) + "/wikidata/small.json"});
  CHECK(run.status == 0);
  CHECK(run.out.find("\"leon-trotsky-q33391\"") != std::string::npos);
  run = kb({"import-wikidata"});
  CHECK(run.status == 2);
  CHECK(run.err.find("missing DUMP") != std::string::npos);
  const std::string out = temp_path("never.json");
  run = kb({"import-wikidata", "/nonexistent/dump.json.gz", "-o", out});
  CHECK(run.status == 2);
  CHECK(run.err.find("/nonexistent/dump.json.gz: cannot open") != std::string::npos);
  CHECK(!std::filesystem::exists(out));
  CHECK(!std::filesystem::exists(out + ".partial"));
}

TEST_CASE("kb check validates files and names the bad line") {
  const std::string good = temp_path("good.json");
  std::ofstream(good) << R"({"people": [{"id": "a", "name": "A"}]})";
  const std::string bad = temp_path("bad.json");
  std::ofstream(bad) << "{\"people\": [\n  {\"id\": \"a\", \"name\": \"A\",\n   \"birth\": {}}\n]}";
  Run run = kb({"check", good});
  CHECK(run.status == 0);
  CHECK(run.out == good + ": 1 person, valid\n");
  run = kb({"check", good, bad});
  CHECK(run.status == 1);
  CHECK(run.err.find(bad + ":2: person \"a\": missing \"birth.date\"") != std::string::npos);
  run = kb({"check"});
  CHECK(run.status == 0);
  // The bundled base: the source tree's JSON, or its binary build beside the test binary.
  CHECK((run.out.find("people.json: ") != std::string::npos ||
         run.out.find("people.hkb: ") != std::string::npos));
}

TEST_CASE("kb search lists matches with their entry's location") {
  Run run = kb({"search", "Trotsky"});
  CHECK(run.status == 0);
  CHECK(run.out.rfind("Leon Trotsky — 1879–1940", 0) == 0);
  CHECK(run.out.find("leon-trotsky  ") != std::string::npos);
  run = kb({"search", "Nobody", "Atall"});
  CHECK(run.status == 1);
  run = kb({"frobnicate"});
  CHECK(run.status == 2);
  CHECK(run.err.find("unknown command 'frobnicate'") != std::string::npos);
  CHECK(kb({"--help"}).status == 0);
}

TEST_CASE("kb build writes a binary base that loads, checks and merges like its JSON") {
  const std::string json = temp_path("build-source.json");
  std::ofstream(json) << R"([{"id": "mira-holt", "name": "Mira Holt", "wikidata": "Q700001"},
    {"id": "olek-stan", "name": "Olek Stan"}])";
  const std::string overlay = temp_path("build-overlay.json");
  std::ofstream(overlay) << R"([{"id": "olek-stan", "name": "Olek Stanek"}])";
  const std::string out = temp_path("built.hkb");
  std::filesystem::remove(out);
  Run run = kb({"build", "-o", out, json, overlay});
  REQUIRE(run.status == 0);
  CHECK(run.out.find("wrote " + out + ": 2 people") == 0);
  CHECK(is_binary_knowledge_base_file(out));
  std::string error;
  const auto loaded = load_knowledge_base_file(out, &error);
  REQUIRE_MESSAGE(loaded, error);
  CHECK(loaded->is_binary());
  CHECK(loaded->find("olek-stan")->name == "Olek Stanek");
  CHECK(loaded->lookup("mira holt"));
  CHECK(loaded->find("mira-holt")->source_file == json);  // go-to-definition still opens the JSON

  run = kb({"check", out});
  CHECK(run.status == 0);
  CHECK(run.out.find(out + ": 2 people, binary format version " + std::to_string(kKbFormatVersion) +
                     ", valid") == 0);

  // Merged over the bundled base like any configured file.
  const KnowledgeBase merged = load_knowledge_base({out}, &error);
  CHECK(error.empty());
  CHECK(merged.find("mira-holt"));
  CHECK(merged.size() >= bundled_knowledge_base().size() + 2);
}

TEST_CASE("a damaged binary base is refused by kb check and by the loader, naming the file") {
  const std::string json = temp_path("damage-source.json");
  std::ofstream(json) << R"([{"id": "mira-holt", "name": "Mira Holt"}])";
  const std::string out = temp_path("damaged.hkb");
  REQUIRE(kb({"build", "-o", out, json}).status == 0);
  const auto size = std::filesystem::file_size(out);
  std::filesystem::resize_file(out, size - 3);
  Run run = kb({"check", out});
  CHECK(run.status == 1);
  CHECK(run.err.find(out + ": truncated binary knowledge base") == 0);
  std::string error;
  CHECK_FALSE(load_knowledge_base_file(out, &error));
  CHECK(error.find(out + ": truncated") == 0);
  std::filesystem::resize_file(out, 0);
  CHECK_FALSE(load_knowledge_base_file(out, &error));  // empty: read as JSON, which fails
  CHECK(error.find(out) == 0);
}

TEST_CASE("kb import-wikidata writes the binary form directly and reports progress") {
  const std::string out = temp_path("imported.hkb");
  std::filesystem::remove(out);
  const Run run = kb({"import-wikidata",
                      std::string(HISTLINT_TEST_DATA_DIR) + "/wikidata/small.json.bz2", "-o", out});
  CHECK(run.status == 0);
  CHECK(run.err.find("pass 1/3 (references)") != std::string::npos);
  CHECK(run.err.find("pass 3/3 (people)") != std::string::npos);
  CHECK(run.err.find("peak memory") != std::string::npos);
  std::string error;
  const auto loaded = load_knowledge_base_file(out, &error);
  REQUIRE_MESSAGE(loaded, error);
  CHECK(loaded->is_binary());
  CHECK(loaded->size() == 4);
  REQUIRE(loaded->find("leon-trotsky-q33391"));
}

TEST_CASE("kb build usage errors") {
  CHECK(kb({"build"}).status == 2);
  const Run run = kb({"build", "-o", temp_path("never.hkb"), "/nonexistent/people.json"});
  CHECK(run.status == 1);
  CHECK(run.err.find("/nonexistent/people.json") != std::string::npos);
}

}  // namespace
}  // namespace histlint

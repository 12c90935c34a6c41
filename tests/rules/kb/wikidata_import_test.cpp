#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "cli/temp_dir.h"
#include "rules/kb/knowledge_base.h"
#include "rules/kb/name_fold.h"
#include "rules/kb/wikidata_import.h"

namespace histlint {
namespace {

const std::string kDumps = std::string(HISTLINT_TEST_DATA_DIR) + "/wikidata/";

struct Imported {
  bool ok = false;
  std::string error;
  std::vector<std::string> warnings;
  WikidataImportStats stats;
  std::optional<KnowledgeBase> kb;
};

Imported import_path(const std::string& path) {
  Imported result;
  std::ostringstream out;
  WikidataImportHooks hooks;
  hooks.warn = [&](const std::string& w) { result.warnings.push_back(w); };
  result.ok = import_wikidata(path, out, result.stats, &result.error, hooks);
  if (result.ok) {
    std::string error;
    result.kb = KnowledgeBase::parse(out.str(), "imported.json", &error);
    INFO(error);
    REQUIRE(result.kb);  // the output is a valid knowledge base
  }
  return result;
}

Imported import_file(const std::string& name) {
  return import_path(kDumps + name);
}

const Person& person_with(const KnowledgeBase& kb, std::string_view wikidata) {
  for (const auto& p : kb.people()) {
    if (p.wikidata == wikidata) return p;
  }
  FAIL("no person with " << wikidata);
  throw;
}

TEST_CASE("a plain Wikidata dump becomes a knowledge base of its humans") {
  const Imported r = import_file("small.json");
  REQUIRE(r.ok);
  const KnowledgeBase& kb = *r.kb;
  // Four humans: Trotsky, Newton, a person without an English label, a medieval monk. Places,
  // occupations, offices and a human whose P31 is deprecated are left out.
  CHECK(kb.size() == 4);
  CHECK(r.stats.humans == 4);
  CHECK(r.stats.bad_lines == 1);
  REQUIRE(r.warnings.size() == 1);
  CHECK(r.warnings[0].find("small.json:6: not a JSON object") != std::string::npos);

  const Person& trotsky = person_with(kb, "Q33391");
  CHECK(trotsky.id == "leon-trotsky-q33391");
  CHECK(trotsky.name == "Leon Trotsky");
  CHECK(trotsky.sex == Sex::Male);
  CHECK(trotsky.description == "Russian revolutionary (1879–1940)");
  REQUIRE(trotsky.birth);
  CHECK(trotsky.birth->date.iso() == "1879-11-07");
  CHECK(trotsky.birth->date.calendar == Calendar::Gregorian);
  CHECK(trotsky.birth->place == "Yanovka");
  REQUIRE(trotsky.death);
  CHECK(trotsky.death->place == "Coyoacán");
  const auto& aliases = trotsky.aliases;
  auto has = [&](const char* a) {
    return std::find(aliases.begin(), aliases.end(), a) != aliases.end();
  };
  CHECK(has("Lev Davidovich Bronstein"));   // English alias
  CHECK(has("Лейба Давидович Бронштейн"));  // P1477 birth name
  CHECK(has("Pero"));                       // P742 pseudonym
  CHECK(has("Лев Троцкий"));                // another language's label
  CHECK(!has("Leon Trotsky"));              // the name itself is not repeated
  REQUIRE(trotsky.occupations.size() == 2);
  CHECK(trotsky.occupations[0] == "revolutionary");
  CHECK(trotsky.occupations[1] == "Q1930187");  // not in the dump: kept as its Q-id
  REQUIRE(trotsky.roles.size() == 2);
  CHECK(trotsky.roles[0].title == "People's Commissar for Foreign Affairs");
  CHECK(trotsky.roles[0].from->date.year == 1917);
  CHECK(trotsky.roles[0].to->date.year == 1918);
  CHECK(!trotsky.roles[1].to);
  CHECK(trotsky.wikipedia.empty());  // same as the name

  const Person& newton = person_with(kb, "Q935");
  REQUIRE(newton.birth);
  CHECK(newton.birth->date.calendar == Calendar::Julian);
  CHECK(newton.birth->date.iso() == "1642-12-25");
  CHECK(newton.birth->date.gregorian().year == 1643);

  const Person& anna = person_with(kb, "Q9000001");
  CHECK(anna.name == "Anna Beispiel");  // no English label: another language's
  CHECK(anna.sex == Sex::Female);
  CHECK(anna.birth->date.precision == DatePrecision::Month);
  CHECK(anna.birth->date.iso() == "1901-05");
  CHECK(anna.birth->place == "Q9999999");
  CHECK(anna.death->date.precision == DatePrecision::Year);

  const Person& monk = person_with(kb, "Q9000003");
  CHECK(monk.birth->date.precision == DatePrecision::Century);
  CHECK(monk.death->date.precision == DatePrecision::Decade);
  CHECK(monk.death->date.display() == "1870s");
}

TEST_CASE("gzip and bzip2 dumps import the same people") {
  const Imported plain = import_file("small.json");
  const Imported gz = import_file("small.json.gz");
  const Imported bz2 = import_file("small.json.bz2");
  REQUIRE(gz.ok);
  REQUIRE(bz2.ok);
  CHECK(gz.kb->size() == plain.kb->size());
  CHECK(bz2.kb->size() == plain.kb->size());
  CHECK(person_with(*bz2.kb, "Q33391").birth->place == "Yanovka");
}

TEST_CASE("unreadable and corrupt dumps are errors") {
  Imported r = import_file("missing.json");
  CHECK(!r.ok);
  CHECK(r.error.find("missing.json: cannot open") != std::string::npos);
  r = import_file("truncated.json.gz");
  CHECK(!r.ok);
  CHECK(!r.error.empty());
  // A file that is not a dump at all.
  r = import_file("../wikidata");
  CHECK(!r.ok);
}

// One human in the dump's shape, with an English label (when given) and English aliases.
std::string human_line(const std::string& qid, const std::string& label,
                       const std::vector<std::string>& aliases, const std::string& de_label = "") {
  nlohmann::json entity = {{"type", "item"}, {"id", qid}};
  entity["labels"] = nlohmann::json::object();
  if (!label.empty()) entity["labels"]["en"] = {{"language", "en"}, {"value", label}};
  if (!de_label.empty()) entity["labels"]["de"] = {{"language", "de"}, {"value", de_label}};
  nlohmann::json en = nlohmann::json::array();
  for (const auto& a : aliases) en.push_back({{"language", "en"}, {"value", a}});
  entity["aliases"] = {{"en", en}};
  entity["claims"]["P31"] = nlohmann::json::array(
      {{{"mainsnak",
         {{"snaktype", "value"},
          {"property", "P31"},
          {"datavalue", {{"type", "wikibase-entityid"}, {"value", {{"id", "Q5"}}}}}}},
        {"rank", "normal"}}});
  return entity.dump();
}

std::vector<std::string> ambiguous_of(const KnowledgeBase& kb, std::string_view wikidata) {
  return person_with(kb, wikidata).ambiguous_names;
}

TEST_CASE("a name or alias two imported people share is marked ambiguous for both") {
  const testing::TempDir dir;
  std::string dump = "[\n";
  // The same label in another case and with an accent; their initialled aliases collide too.
  dump += human_line("Q101", "Henrik Vasstrom", {"H. Vasstrom", "The Tall Henrik"}) + ",\n";
  dump += human_line("Q102", "HENRIK VASSTRÖM", {"h. vasstrom"}) + ",\n";
  // A third person's alias is the others' name; her own label repeated in German is no namesake.
  dump += human_line("Q103", "Oda Lunnberg", {"Henrik Vasstrom", "O. Lunnberg"}, "Oda Lunnberg") +
          ",\n";
  // A place of the same name as a person is not a namesake.
  dump +=
      R"({"type":"item","id":"Q104","labels":{"en":{"language":"en","value":"Oda Lunnberg"}},"claims":{}})";
  dump += ",\n";
  // A person without any label is not written, so shares nothing.
  dump += human_line("Q105", "", {"The Tall Henrik"}) + "\n]\n";
  const Imported r = import_path(dir.write("dump.json", dump).string());
  REQUIRE(r.ok);
  const KnowledgeBase& kb = *r.kb;
  REQUIRE(kb.size() == 3);

  using Names = std::vector<std::string>;
  // A shared display name stays the name and is marked; a shared alias moves to the marked list.
  CHECK(person_with(kb, "Q101").name == "Henrik Vasstrom");
  CHECK(ambiguous_of(kb, "Q101") == Names{"Henrik Vasstrom", "H. Vasstrom"});
  CHECK(person_with(kb, "Q101").aliases == Names{"The Tall Henrik"});
  CHECK(ambiguous_of(kb, "Q102") == Names{"HENRIK VASSTRÖM", "h. vasstrom"});
  CHECK(person_with(kb, "Q102").aliases.empty());
  CHECK(ambiguous_of(kb, "Q103") == Names{"Henrik Vasstrom"});
  CHECK(person_with(kb, "Q103").aliases == Names{"O. Lunnberg"});

  // Linking: the shared name links to none of the three by itself; the unique ones still do.
  const auto* shared = kb.lookup(fold_name("Henrik Vasstrom"));
  REQUIRE(shared);
  CHECK(shared->size() == 3);
  for (const NameEntry& entry : *shared) CHECK(entry.ambiguous);
  const auto* unique = kb.lookup(fold_name("Oda Lunnberg"));
  REQUIRE(unique);
  REQUIRE(unique->size() == 1);
  CHECK(!unique->front().ambiguous);
  const auto* tall = kb.lookup(fold_name("The Tall Henrik"));
  REQUIRE(tall);
  CHECK(!tall->front().ambiguous);
}

// Files under 128 KB keep zlib's small buffers, larger ones get big ones; lines longer than the
// 64 KB read buffer are put together across reads either way.
TEST_CASE("small and large dumps import every person, lines longer than a read included") {
  const testing::TempDir dir;
  auto dump_of = [](int people) {
    std::string dump = "[\n";
    for (int i = 0; i < people; ++i) {
      // Every tenth person has an alias of 70,000 letters, so its line spans two reads; two more
      // letters tell the aliases apart (names fold without their digits).
      const std::string alias = i % 10 == 3
                                    ? std::string(70'000, 'x') + static_cast<char>('a' + i / 26) +
                                          static_cast<char>('a' + i % 26)
                                    : "Alias " + std::to_string(i);
      dump += human_line("Q" + std::to_string(1000 + i), "Person Number " + std::to_string(i),
                         {alias}) +
              ",\n";
    }
    return dump + "]\n";
  };
  for (const int people : {4, 400}) {
    const std::string dump = dump_of(people);
    CAPTURE(dump.size());
    CHECK((dump.size() < (1 << 17)) == (people == 4));
    const Imported r = import_path(dir.write("dump.json", dump).string());
    REQUIRE(r.ok);
    CHECK(r.stats.bad_lines == 0);
    CHECK(r.kb->size() == static_cast<size_t>(people));
    CHECK(person_with(*r.kb, "Q1003").aliases == std::vector{std::string(70'000, 'x') + "ad"});
    CHECK(person_with(*r.kb, "Q" + std::to_string(999 + people)).name ==
          "Person Number " + std::to_string(people - 1));
  }
}

TEST_CASE("lines with a number out of range or nested too deep are skipped with the reason") {
  const testing::TempDir dir;
  const std::string deep = std::string(60'000, '[') + std::string(60'000, ']');
  const auto dump =
      dir.write("dump.json", "[\n{\"id\": \"Q1\", \"x\": 1e400},\n{\"id\": \"Q2\", \"x\": " + deep +
                                 "},\n{\"id\": \"Q3\"},\n]\n");
  const Imported r = import_path(dump.string());
  REQUIRE(r.ok);
  CHECK(r.stats.bad_lines == 2);
  REQUIRE(r.warnings.size() == 2);
  CHECK(r.warnings[0].find("dump.json:2: malformed JSON: number out of range at /x: 1e400") !=
        std::string::npos);
  CHECK(r.warnings[1].find("dump.json:3: malformed JSON: nested deeper than 512 levels") !=
        std::string::npos);
}

// Found by the wikidata fuzzer: a time value that is a number aborted the import.
TEST_CASE("fields of an unexpected type are ignored, not a crash") {
  const testing::TempDir dir;
  const std::string human =
      R"("P31": [{"mainsnak": {"snaktype": "value", "property": "P31", "datavalue": )"
      R"({"value": {"entity-type": "item", "id": "Q5"}, "type": "wikibase-entityid"}}, )"
      R"("rank": 7}])";
  const std::string birth =
      R"("P569": [{"mainsnak": {"snaktype": "value", "property": "P569", "datavalue": )"
      R"({"value": {"time": 18790101, "precision": "11", "calendarmodel": 3}, "type": "time"}}}])";
  const std::string entity = R"({"type": "item", "id": "Q77", "labels": {"en": {"value": 12}, )"
                             R"("de": {"language": "de", "value": "Ada Example"}}, )"
                             R"("aliases": {"en": [{"value": false}]}, "claims": {)" +
                             human + ", " + birth + "}}";
  const std::string numeric_id = R"({"type": "item", "id": 78, "claims": {)" + human + "}}";
  const auto dump = dir.write("dump.json", "[\n" + entity + ",\n" + numeric_id + "\n]\n");
  const Imported r = import_path(dump.string());
  REQUIRE(r.ok);
  CHECK(r.stats.bad_lines == 0);
  // The numeric id and the wrong-typed English label, alias and dates are ignored; the German
  // label still names the person, and the entity without a usable id or label is left out.
  REQUIRE(r.kb->size() == 1);
  CHECK(r.kb->people()[0].name == "Ada Example");
  CHECK_FALSE(r.kb->people()[0].birth);
}

}  // namespace
}  // namespace histlint

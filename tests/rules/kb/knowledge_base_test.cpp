#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>

#include "rules/calendar/calendar.h"
#include "rules/kb/knowledge_base.h"
#include "rules/kb/name_fold.h"
#include "server/kb_files.h"

namespace histlint {
namespace {

std::optional<KnowledgeBase> parse(std::string_view json, std::string* error) {
  return KnowledgeBase::parse(json, "people.json", error);
}

std::string write_temp(const std::string& name, const std::string& content) {
  const auto dir = std::filesystem::temp_directory_path() / "histlint-kb-test";
  std::filesystem::create_directories(dir);
  const auto path = (dir / name).string();
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

bool has_kind(const KnowledgeBase& kb, std::string_view key, std::string_view id, NameKind kind) {
  const auto* entries = kb.lookup(key);
  if (!entries) return false;
  for (const auto& e : *entries) {
    if (kb.people()[e.person].id == id && e.kind == kind) return true;
  }
  return false;
}

TEST_CASE("the bundled knowledge base loads with Trotsky's facts") {
  const KnowledgeBase& kb = bundled_knowledge_base();
  REQUIRE(kb.size() >= 350);
  const Person* trotsky = kb.find("leon-trotsky");
  REQUIRE(trotsky);
  CHECK(trotsky->name == "Leon Trotsky");
  REQUIRE(trotsky->birth);
  CHECK(trotsky->birth->date.iso() == "1879-11-07");
  REQUIRE(trotsky->birth->date.julian);
  CHECK(trotsky->birth->date.julian->day == 26);
  CHECK(trotsky->birth->date.julian->month == 10);
  REQUIRE(trotsky->death);
  CHECK(trotsky->death->date.iso() == "1940-08-21");
  CHECK(trotsky->death->place.find("Coyoacán") != std::string::npos);
  CHECK(trotsky->wikidata == "Q33391");
  CHECK(trotsky->sex == Sex::Male);
  bool mexico = false;
  for (const auto& e : trotsky->events) {
    mexico |=
        e.date && e.date->iso() == "1937-01-09" && e.place.find("Tampico") != std::string::npos;
  }
  CHECK(mexico);
  // Go-to-definition lands on the entry's own line.
  std::ifstream in(trotsky->source_file);
  std::string line;
  for (size_t i = 0; i <= trotsky->source_line && std::getline(in, line); ++i) {
  }
  CHECK(line.find("\"leon-trotsky\"") != std::string::npos);
}

TEST_CASE("everyone named in the seeds is in the bundled knowledge base") {
  const KnowledgeBase& kb = bundled_knowledge_base();
  for (const char* id : {"leon-trotsky",      "natalia-sedova",    "leon-sedov",
                         "esteban-volkov",    "vladimir-lenin",    "joseph-stalin",
                         "grigory-zinoviev",  "lev-kamenev",       "nikolai-bukharin",
                         "felix-dzerzhinsky", "karl-radek",        "christian-rakovsky",
                         "ramon-mercader",    "sylvia-ageloff",    "david-alfaro-siqueiros",
                         "diego-rivera",      "frida-kahlo",       "max-shachtman",
                         "george-novack",     "rudolf-klement",    "victor-serge",
                         "karl-marx",         "friedrich-engels",  "antonio-gramsci",
                         "adolf-hitler",      "benito-mussolini",  "francisco-franco",
                         "nikita-khrushchev", "leonid-brezhnev",   "mikhail-gorbachev",
                         "vladimir-putin",    "tom-watson",        "jeremy-corbyn",
                         "seumas-milne",      "owen-smith",        "neil-kinnock",
                         "john-smith-labour", "margaret-thatcher", "john-mcdonnell",
                         "john-dewey",        "joe-biden",         "emmanuel-macron"}) {
    CAPTURE(id);
    CHECK(kb.find(id) != nullptr);
  }
}

TEST_CASE("bundled data is internally consistent") {
  const KnowledgeBase& kb = bundled_knowledge_base();
  std::set<std::string> wikidata;
  for (const Person& p : kb.people()) {
    CAPTURE(p.id);
    CHECK(!p.description.empty());
    if (!p.wikidata.empty()) CHECK(wikidata.insert(p.wikidata).second);
    if (p.birth && p.death) {
      const CivilDate b = p.birth->date.gregorian();
      const CivilDate d = p.death->date.gregorian();
      CHECK(d.year >= b.year);
      CHECK(d.year - b.year < 115);
    }
    // An Old Style date beside a Gregorian one must be the same day.
    for (const auto* event : {p.birth ? &*p.birth : nullptr, p.death ? &*p.death : nullptr}) {
      if (!event || !event->date.julian) continue;
      const CivilDate& j = *event->date.julian;
      const CivilDate g = calendar::to_gregorian(j.year, j.month, j.day);
      CHECK(g.year == event->date.date.year);
      CHECK(g.month == event->date.date.month);
      CHECK(g.day == event->date.date.day);
    }
    for (const Role& r : p.roles) {
      if (r.from && r.to) CHECK(r.to->date.year >= r.from->date.year);
      // A crown can pass at birth (Alfonso XIII); any earlier start is a typo.
      if (r.from && p.birth) CHECK(r.from->date.year >= p.birth->date.date.year);
      // Roles lie inside the life: a term that ends after the death is a typo.
      if (r.to && p.death) CHECK(r.to->date.year <= p.death->date.date.year);
    }
    // Pronouns and titles rule candidates out by sex: every bundled person has one.
    CHECK(p.sex != Sex::Unknown);
  }
}

TEST_CASE("no full name or alias of the bundled data names two people") {
  // A shared full name would make the knowledge base pick one of two people silently.
  std::map<std::string, std::string> owner;
  for (const Person& p : bundled_knowledge_base().people()) {
    std::set<std::string> names = {fold_name(p.name)};
    for (const auto& alias : p.aliases) names.insert(fold_name(alias));
    for (const auto& name : names) {
      CAPTURE(name);
      const auto [it, inserted] = owner.emplace(name, p.id);
      CHECK_MESSAGE(inserted, "also names " << it->second);
    }
  }
}

TEST_CASE("names are indexed as full names, surnames and given names") {
  const KnowledgeBase& kb = bundled_knowledge_base();
  CHECK(has_kind(kb, "leon trotsky", "leon-trotsky", NameKind::Full));
  CHECK(has_kind(kb, "lev davidovich bronstein", "leon-trotsky", NameKind::Full));
  CHECK(has_kind(kb, "trotsky", "leon-trotsky", NameKind::Short));
  CHECK(has_kind(kb, "троцкий", "leon-trotsky", NameKind::Short));
  CHECK(has_kind(kb, "natalya", "natalia-sedova", NameKind::Given));
  CHECK(has_kind(kb, "de gaulle", "charles-de-gaulle", NameKind::Short));
  CHECK(kb.starts_name("leon"));
  // Regnal numbers and "the Great" leave no surname: "II" and "Great" index nobody.
  CHECK(kb.lookup("ii") == nullptr);
  CHECK(kb.lookup("great") == nullptr);
  CHECK(kb.lookup("britain") == nullptr);
}

TEST_CASE("names fold case, accents and scripts") {
  CHECK(fold_name("Ramón  Mercader") == "ramon mercader");
  CHECK(fold_name("Łukasz Żółć") == "lukasz zolc");
  CHECK(fold_name("Лев Троцкий") == "лев троцкий");
  CHECK(fold_name("Хрущёв") == "хрущев");
  CHECK(fold_name("Hồ Chí Minh") == "ho chi minh");
  CHECK(fold_name("O’Brien") == "o'brien");
  const auto words = split_name_words("Trotsky’s and Stalin's O'Brien");
  REQUIRE(words.size() == 4);
  CHECK(words[0].length == std::string("Trotsky").size());
  CHECK(words[0].possessive);
  CHECK(words[2].possessive);
  CHECK(!words[3].possessive);
  CHECK(words[3].length == 7);
}

TEST_CASE("partial dates parse, display and convert between calendars") {
  auto d = parse_partial_date("1879-11-07");
  REQUIRE(d);
  CHECK(d->precision == DatePrecision::Day);
  CHECK(d->display() == "7 November 1879");
  CHECK(parse_partial_date("1879-11")->display() == "November 1879");
  CHECK(parse_partial_date("-0044")->display() == "44 BC");
  CHECK(!parse_partial_date("1900-02-29"));
  CHECK(parse_partial_date("1900-02-29", Calendar::Julian));
  CHECK(!parse_partial_date("0000"));
  CHECK(!parse_partial_date("1879-13"));
  CHECK(!parse_partial_date("187"));
  auto newton = parse_partial_date("1642-12-25", Calendar::Julian);
  REQUIRE(newton);
  const CivilDate g = newton->gregorian();
  CHECK(g.year == 1643);
  CHECK(g.month == 1);
  CHECK(g.day == 4);
}

TEST_CASE("bad files are refused with the file and line") {
  std::string error;
  CHECK(!parse("{\"people\": [\n  {\"id\": \"a\", \"name\": \"A\"},\n  {\"id\": \"b\",, }\n]}",
               &error));
  CHECK(error.rfind("people.json:3:", 0) == 0);

  CHECK(!parse("{\"people\": [\n {\"id\": \"a\", \"name\": \"A\"},\n {\"id\": \"b\"}\n]}", &error));
  CHECK(error == "people.json:3: person \"b\": missing \"name\"");

  CHECK(!parse("{\"people\": [\n {\"id\": \"a\", \"name\": \"A\", \"birht\": {}}\n]}", &error));
  CHECK(error.find("people.json:2:") == 0);
  CHECK(error.find("unknown field \"birht\"") != std::string::npos);

  CHECK(
      !parse(R"({"people": [{"id": "a", "name": "A", "birth": {"date": "1879-02-30"}}]})", &error));
  CHECK(error.find("birth.date") != std::string::npos);

  CHECK(!parse(R"({"people": [{"id": "a", "name": "A"}, {"id": "a", "name": "B"}]})", &error));
  CHECK(error.find("duplicate id \"a\"") != std::string::npos);

  CHECK(!parse(R"({"people": [{"id": "a", "name": "A", "birth": {"date": "1900"},
                 "death": {"date": "1850"}}]})",
               &error));
  CHECK(error.find("before birth") != std::string::npos);

  CHECK(!parse(R"({"people": [{"id": "a", "name": "A", "wikidata": "33391"}]})", &error));
  CHECK(error.find("wikidata") != std::string::npos);

  CHECK(!parse(R"({"persons": []})", &error));
  CHECK(error.find("\"people\" array") != std::string::npos);

  CHECK(parse(R"([{"id": "a", "name": "A", "$comment": "a plain array works too"}])", &error));
  CHECK(error.empty());
}

TEST_CASE("numbers out of range and deep nesting are refused, not thrown or recursed on") {
  std::string error;
  CHECK(!parse("{\"people\": [\n {\"id\": \"a\", \"name\": \"A\", \"x\": 1e400}\n]}", &error));
  CHECK(error == "people.json:2: number out of range at /people/0/x: 1e400");

  const std::string deep = std::string(60'000, '[') + std::string(60'000, ']');
  CHECK(!parse("{\"people\":\n" + deep + "}", &error));
  CHECK(error == "people.json:2: nested deeper than 512 levels");
}

TEST_CASE("workspace files merge over the bundled data by id and by Wikidata id") {
  const std::string workspace = write_temp("workspace-people.json", R"json({"people": [
  {"id": "leon-trotsky", "name": "Lev Trotsky", "description": "Edited locally."},
  {"id": "putin-import", "name": "Vladimir Putin (import)", "wikidata": "Q7747"},
  {"id": "jan-kowalski", "name": "Jan Kowalski", "birth": {"date": "1901"}}
]})json");
  std::string error;
  const KnowledgeBase kb = load_knowledge_base({workspace}, &error);
  CHECK(error.empty());
  CHECK(kb.size() == bundled_knowledge_base().size() + 1);
  REQUIRE(kb.find("leon-trotsky"));
  CHECK(kb.find("leon-trotsky")->description == "Edited locally.");
  CHECK(kb.find("leon-trotsky")->source_file == workspace);
  CHECK(kb.find("leon-trotsky")->source_line == 1);
  // Same Wikidata item as the bundled Putin entry: it replaces it.
  CHECK(kb.find("vladimir-putin") == nullptr);
  CHECK(kb.find("putin-import") != nullptr);
  CHECK(kb.find("jan-kowalski") != nullptr);
  CHECK(kb.lookup("kowalski") != nullptr);
}

TEST_CASE("a broken workspace file is reported and the bundled data still loads") {
  const std::string broken = write_temp("broken.json", "{\"people\": [\n  {\"id\": 3}\n]}");
  std::string error;
  const KnowledgeBase kb = load_knowledge_base({broken, "/nonexistent/people.json"}, &error);
  CHECK(kb.size() == bundled_knowledge_base().size());
  CHECK(error.find(broken + ":2: \"id\" must be a string") != std::string::npos);
  CHECK(error.find("/nonexistent/people.json:1: cannot open") != std::string::npos);
}

TEST_CASE("search finds people by name, alias and native script") {
  const KnowledgeBase& kb = bundled_knowledge_base();
  auto found = kb.search("trotsky", 5);
  REQUIRE(!found.empty());
  CHECK(found[0]->id == "leon-trotsky");
  found = kb.search("Троцкий", 5);
  REQUIRE(!found.empty());
  CHECK(found[0]->id == "leon-trotsky");
  found = kb.search("bronstein", 5);
  REQUIRE(!found.empty());
  CHECK(found[0]->id == "leon-trotsky");
  found = kb.search("nat sed", 5);
  REQUIRE(!found.empty());
  CHECK(found[0]->id == "natalia-sedova");
  CHECK(kb.search("zzzzqx", 5).empty());
  CHECK(kb.search("smith", 2).size() == 2);
}

TEST_CASE("HISTLINT_DATA_DIR points at another data folder") {
  const std::string dir = std::filesystem::path(write_temp("people.json", "[]")).parent_path();
  setenv("HISTLINT_DATA_DIR", dir.c_str(), 1);
  auto path = bundled_knowledge_base_path();
  unsetenv("HISTLINT_DATA_DIR");
  REQUIRE(path);
  CHECK(*path == std::filesystem::weakly_canonical(dir + "/people.json").string());
  const auto fallback = bundled_knowledge_base_path();
  REQUIRE(fallback);
  // The source tree's JSON, or its binary build beside the test binary.
  CHECK((fallback->ends_with("people.json") || fallback->ends_with("people.hkb")));
}

}  // namespace
}  // namespace histlint

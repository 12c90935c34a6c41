// Names several people share ("Henry II"), marked "ambiguous" in the people files: they link to
// one holder only where the text settles which holder is meant.
#include <doctest/doctest.h>

#include <sstream>

#include "rules/kb/kb_binary.h"
#include "tests/rules/people/people_fixture.h"

namespace histlint {
namespace {

using testing::parse_kb;
using testing::PeopleFixture;

const KnowledgeBase& rulers() {
  static const KnowledgeBase kb = parse_kb(R"({"people": [
    {"id": "henry-ii-england", "name": "Henry II of England", "aliases": ["Henry Plantagenet"],
     "ambiguous": ["Henry II", "King Henry II"], "sex": "male",
     "birth": {"date": "1133-03-05", "calendar": "julian"},
     "death": {"date": "1189-07-06", "calendar": "julian"},
     "description": "Test king.", "roles": [{"title": "King of England", "from": "1154", "to": "1189"}]},
    {"id": "henry-ii-france", "name": "Henry II of France", "ambiguous": ["Henry II", "King Henry II"],
     "sex": "male", "birth": {"date": "1519"}, "death": {"date": "1559"},
     "description": "Test king.", "roles": [{"title": "King of France", "from": "1547", "to": "1559"}]},
    {"id": "henry-iv-emperor", "name": "Henry IV, Holy Roman Emperor", "ambiguous": ["Henry IV"],
     "sex": "male", "birth": {"date": "1050"}, "death": {"date": "1106"},
     "description": "Test emperor.",
     "roles": [{"title": "King of Germany", "from": "1056", "to": "1105"},
               {"title": "Holy Roman Emperor", "from": "1084", "to": "1105"}]},
    {"id": "henry-iv-england", "name": "Henry IV of England", "ambiguous": ["Henry IV"],
     "sex": "male", "birth": {"date": "1367"}, "death": {"date": "1413"},
     "description": "Test king.", "roles": [{"title": "King of England", "from": "1399", "to": "1413"}]},
    {"id": "louis-vii", "name": "Louis VII of France", "ambiguous": ["Louis VII"], "sex": "male",
     "death": {"date": "1180-09-18", "calendar": "julian"},
     "description": "Test king.", "roles": [{"title": "King of France", "from": "1137", "to": "1180"}]},
    {"id": "louis-ix", "name": "Louis IX of France", "ambiguous": ["Saint Louis", "St Louis"],
     "sex": "male", "birth": {"date": "1214"}, "death": {"date": "1270"},
     "description": "Test king.", "roles": [{"title": "King of France", "from": "1226", "to": "1270"}]}
  ]})");
  return kb;
}

TEST_CASE("a bare shared name stays unlinked, with every holder as a candidate") {
  PeopleFixture f("Henry II quarrelled with his archbishop.", rulers());
  CHECK(f.id_at("Henry II") == "");
  const auto candidates = f.candidates_at("Henry II");
  CHECK(candidates.size() == 2);
}

TEST_CASE("a shared name stays unlinked even when the base holds only one of its holders") {
  PeopleFixture f("Louis VII took the cross.", rulers());
  CHECK(f.id_at("Louis VII") == "");
  CHECK(f.candidates_at("Louis VII") == std::vector<std::string>{"louis-vii"});
}

TEST_CASE("an unshared full name links at once and settles the shared name after it") {
  PeopleFixture f(
      "Henry II of France married Catherine de' Medici. Henry II died of a wound taken at a "
      "tournament.",
      rulers());
  CHECK(f.id_at("Henry II of France") == "henry-ii-france");
  CHECK(f.id_at("Henry II", 1) == "henry-ii-france");
}

TEST_CASE("the holder named last wins when the text has named two") {
  PeopleFixture f(
      "Henry II of England and Henry II of France lived four centuries apart. Henry II of "
      "England was crowned first. Henry II was then twenty-one.",
      rulers());
  CHECK(f.id_at("Henry II", 3) == "henry-ii-england");
}

TEST_CASE("the only holder of the document's era whose realm it names is linked") {
  PeopleFixture f(
      "In 1164 Henry II summoned the English bishops to Clarendon. By 1170 the quarrel had "
      "ended in murder.",
      rulers());
  CHECK(f.id_at("Henry II") == "henry-ii-england");
}

TEST_CASE("a paragraph whose dates fit no holder's life links none of them") {
  PeopleFixture f(
      "In 1164 Henry II summoned the English bishops to Clarendon. By 1170 the quarrel had "
      "ended in murder.\n\nAnother Henry II was crowned in 1547, and Henry II died in 1559.",
      rulers());
  CHECK(f.id_at("Henry II") == "henry-ii-england");
  CHECK(f.id_at("Henry II", 1) == "");
  CHECK(f.id_at("Henry II", 2) == "");
}

TEST_CASE("a later paragraph without dates is settled by the document's era and realm") {
  PeopleFixture f(
      "In 1164 Henry II summoned the English bishops. By 1170 the quarrel was over.\n\n"
      "Henry II appears again in a list of kings.",
      rulers());
  CHECK(f.id_at("Henry II") == "henry-ii-england");
  CHECK(f.id_at("Henry II", 1) == "henry-ii-england");
}

TEST_CASE("the document's era alone does not settle a shared name") {
  // Other kings of the twelfth century bore the name too; the realm is the second clue.
  PeopleFixture f("In 1164 Henry II summoned the bishops. By 1170 the quarrel was over.", rulers());
  CHECK(f.id_at("Henry II") == "");
}

TEST_CASE("a realm named in a document of another era does not settle a shared name") {
  PeopleFixture f("In 1820 Henry II was remembered by the English as a lawgiver.", rulers());
  CHECK(f.id_at("Henry II") == "");
}

TEST_CASE("a title only one holder of the document's era held settles a shared name") {
  PeopleFixture f("In 1077 Emperor Henry IV waited in the snow at Canossa.", rulers());
  CHECK(f.id_at("Henry IV") == "henry-iv-emperor");
}

TEST_CASE("a title every holder held leaves the choice to era and realm") {
  PeopleFixture no_realm("In 1403 King Henry IV fought at Shrewsbury.", rulers());
  CHECK(no_realm.id_at("Henry IV") == "");
  PeopleFixture with_realm("In 1403 King Henry IV fought the rebels in the west of England.",
                           rulers());
  CHECK(with_realm.id_at("Henry IV") == "henry-iv-england");
}

TEST_CASE("a regnal number spelled out names the same people as the numeral") {
  PeopleFixture full("Henry the Second of England was crowned in 1154.", rulers());
  CHECK(full.id_at("Henry the Second") == "henry-ii-england");
  PeopleFixture bare("Henry the Second quarrelled with his archbishop.", rulers());
  CHECK(bare.id_at("Henry the Second") == "");
  CHECK(bare.candidates_at("Henry the Second").size() == 2);
  PeopleFixture beyond("Henry the Twenty-first is nobody.", rulers());
  CHECK(beyond.id_at("Henry the Twenty") == "<none>");
}

TEST_CASE("a shared name after a place preposition is a place") {
  PeopleFixture city("In 1250 the traders met in St. Louis and sailed for France.", rulers());
  CHECK(city.id_at("St. Louis") == "<none>");
  PeopleFixture king("In 1250 Saint Louis was a prisoner of the Mamluks with his French knights.",
                     rulers());
  CHECK(king.id_at("Saint Louis") == "louis-ix");
}

TEST_CASE("a binary base keeps the shared names and their marking") {
  KbBinaryWriter writer;
  for (const Person& p : rulers().people()) writer.add(p);
  std::ostringstream out;
  std::string error;
  REQUIRE(writer.write(out, &error));
  const std::string bytes = out.str();
  auto kb = KnowledgeBase::open_binary(bytes, nullptr, "rulers.hlkb", &error);
  REQUIRE(kb);
  const auto* entries = kb->lookup("henry ii");
  REQUIRE(entries);
  CHECK(entries->size() == 2);
  for (const auto& e : *entries) CHECK(e.ambiguous);
  const auto* full = kb->lookup("henry ii of england");
  REQUIRE(full);
  CHECK_FALSE(full->front().ambiguous);
  CHECK(kb->find("henry-ii-england")->ambiguous_names ==
        std::vector<std::string>{"Henry II", "King Henry II"});
  PeopleFixture f("Louis VII took the cross.", *kb);
  CHECK(f.id_at("Louis VII") == "");
}

}  // namespace
}  // namespace histlint

// "This prince", "the said king", "the young queen": a role phrase goes to the one person named
// just before whose roles and sex fit it, and to nobody when none or several do.
#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "rules/extract/date_people.h"
#include "rules/people/people_fixture.h"

namespace histlint {
namespace {

using testing::parse_kb;
using testing::PeopleFixture;

// Invented people, so that the cases do not depend on the bundled data.
const KnowledgeBase& role_kb() {
  static const KnowledgeBase kb = parse_kb(R"({"version": 1, "people": [
    {"id": "aldric", "name": "Aldric of Norland", "sex": "male",
     "birth": {"date": "1080"}, "death": {"date": "1140"},
     "roles": [{"title": "King of Norland", "from": "1100", "to": "1140"}]},
    {"id": "edgar", "name": "Edgar of Sudland", "sex": "male",
     "birth": {"date": "1085"}, "death": {"date": "1150"},
     "roles": [{"title": "King of Sudland", "from": "1110", "to": "1150"}]},
    {"id": "edmund", "name": "Edmund Aldricson", "sex": "male",
     "birth": {"date": "1110"}, "death": {"date": "1135"},
     "roles": [{"title": "Crown Prince of Norland", "from": "1120", "to": "1135"}]},
    {"id": "osmund", "name": "Osmund Aldricson", "given": ["Osmund"], "sex": "male",
     "birth": {"date": "1112"}, "death": {"date": "1160"},
     "description": "Second son of Aldric of Norland, who governed the northern isles."},
    {"id": "osmund-sudland", "name": "Osmund Edgarson", "given": ["Osmund"], "sex": "male",
     "birth": {"date": "1115"}, "death": {"date": "1170"},
     "description": "Son of Edgar of Sudland and keeper of his fleet."},
    {"id": "hedda", "name": "Hedda of Marn", "sex": "female",
     "birth": {"date": "1090"}, "death": {"date": "1130"},
     "roles": [{"title": "King of Marn", "from": "1110", "to": "1130"}]},
    {"id": "bertram", "name": "Bertram Vale", "sex": "male",
     "birth": {"date": "1070"}, "death": {"date": "1145"},
     "roles": [{"title": "Bishop of Easthaven", "from": "1100", "to": "1145"}]},
    {"id": "hugh", "name": "Hugh Vane", "sex": "male",
     "birth": {"date": "1075"}, "death": {"date": "1138"},
     "roles": [{"title": "Attorney General of Norland", "from": "1120", "to": "1130"}]}
  ]})");
  return kb;
}

// The person the reference starting at `needle` was resolved to; "<none>" when it was not.
std::string referent(const PeopleFixture& f, std::string_view needle) {
  const size_t at = f.at(needle);
  for (const PersonReference& r : f.analysis().facts<SentencePeople>().references) {
    if (r.span.offset == at) return std::string(r.person_id);
  }
  return "<none>";
}

TEST_CASE("a role phrase goes to the one person of that role named just before") {
  PeopleFixture f(
      "Aldric of Norland sent Edmund Aldricson to the coast. This prince died of a fever there.",
      role_kb());
  CHECK(referent(f, "This prince") == "edmund");
  PeopleFixture said("Aldric of Norland ruled for forty years. The said king died in 1140.",
                     role_kb());
  CHECK(referent(said, "The said king") == "aldric");
  // In the same sentence, and through a pronoun of the sentence before.
  PeopleFixture same("Bertram Vale met Osmund Aldricson, and the old bishop blessed him.",
                     role_kb());
  CHECK(referent(same, "the old bishop") == "bertram");
  PeopleFixture pronoun(
      "Aldric of Norland was crowned young. He reigned long. That king outlived his son.",
      role_kb());
  CHECK(referent(pronoun, "That king") == "aldric");
}

TEST_CASE("an apposition in the text gives a role the knowledge base lacks") {
  PeopleFixture son(
      "Osmund Aldricson, the second son of Aldric of Norland, sailed north. The young prince "
      "returned in spring.",
      role_kb());
  CHECK(referent(son, "The young prince") == "osmund");
  // A son of someone who is no monarch is no prince.
  PeopleFixture commoner(
      "Osmund Aldricson, the son of Bertram Vale, sailed north. The young prince returned.",
      role_kb());
  CHECK(referent(commoner, "The young prince") == "<none>");
}

TEST_CASE("a role phrase stays unlinked when several or no people fit") {
  // Two princes.
  PeopleFixture two(
      "Edmund Aldricson and Osmund Aldricson, the younger son of Aldric of Norland, quarrelled. "
      "This prince left the court.",
      role_kb());
  CHECK(referent(two, "This prince") == "<none>");
  // Two kings, whether "the said king" or a bare "the king".
  PeopleFixture kings(
      "Aldric of Norland and Edgar of Sudland met at the ford. The said king spoke first. The "
      "king left at dawn.",
      role_kb());
  CHECK(referent(kings, "The said king") == "<none>");
  CHECK(referent(kings, "The king") == "<none>");
  // The role does not fit: a bishop is no king, an attorney general no general.
  PeopleFixture role("Bertram Vale crossed the sea. This king landed in the south.", role_kb());
  CHECK(referent(role, "This king") == "<none>");
  PeopleFixture office("Hugh Vane drafted the law. The old general signed it.", role_kb());
  CHECK(referent(office, "The old general") == "<none>");
  // The sex does not fit: a woman titled king is not "this king".
  PeopleFixture sex("Hedda of Marn took the crown. This king reigned for twenty years.", role_kb());
  CHECK(referent(sex, "This king") == "<none>");
}

TEST_CASE("a role phrase looks back one sentence, within its paragraph") {
  PeopleFixture paragraph("Edmund Aldricson sailed to the coast.\n\nThis prince died there.",
                          role_kb());
  CHECK(referent(paragraph, "This prince") == "<none>");
  PeopleFixture far(
      "Edmund Aldricson sailed to the coast. The winds were strong. This prince died there.",
      role_kb());
  CHECK(referent(far, "This prince") == "<none>");
  // A name after the noun is the person meant, and no phrase of its own.
  PeopleFixture named("Edmund Aldricson sailed. This prince Osmund Aldricson stayed.", role_kb());
  CHECK(referent(named, "This prince") == "<none>");
}

TEST_CASE("a given name with an apposition naming a parent links to that parent's child") {
  PeopleFixture f(
      "The chronicle confuses two men; but Osmund the second son of Aldric of Norland held the "
      "isles. The young prince died there.",
      role_kb());
  CHECK(f.id_at("Osmund the") == "osmund");
  CHECK(referent(f, "The young prince") == "osmund");
  PeopleFixture other("Osmund, the son of Edgar of Sudland, kept the fleet.", role_kb());
  CHECK(other.id_at("Osmund,") == "osmund-sudland");
  // A parent the knowledge base describes for neither Osmund, or a daughter for a son: no link.
  PeopleFixture nobody("Osmund, the son of Bertram Vale, kept the fleet.", role_kb());
  CHECK(nobody.id_at("Osmund,") != "osmund");
  CHECK(nobody.id_at("Osmund,") != "osmund-sudland");
  PeopleFixture daughter("Osmund, the daughter of Aldric of Norland, kept the fleet.", role_kb());
  CHECK(daughter.id_at("Osmund,") != "osmund");
}

}  // namespace
}  // namespace histlint

#include <doctest/doctest.h>

#include "rules/people/people_fixture.h"
#include "server/kb_files.h"

namespace histlint {
namespace {

using testing::PeopleFixture;

TEST_CASE("titles settle names that are also words") {
  PeopleFixture f(
      "Tsar Nicholas II abdicated. In May 1937 Mrs May was not yet born. President Lincoln "
      "spoke; Lincoln is also a city. Washington crossed the river.");
  CHECK(f.id_at("Tsar Nicholas II") == "nicholas-ii");
  CHECK(f.span_at("Tsar Nicholas II") == "Tsar Nicholas II");
  CHECK(f.id_at("May 1937") == "<none>");
  CHECK(f.id_at("Mrs May") == "theresa-may");
  CHECK(f.span_at("Mrs May") == "Mrs May");
  CHECK(f.id_at("President Lincoln") == "abraham-lincoln");
  CHECK(f.id_at("Lincoln is") == "<none>");  // a word that is also a place, without a title
  CHECK(f.id_at("Washington") == "<none>");
}

TEST_CASE("a full naming earlier in the paragraph settles a common word") {
  PeopleFixture f("George Washington took command. Washington crossed the Delaware.");
  CHECK(f.id_at("Washington crossed") == "george-washington");
}

TEST_CASE("a shared surname goes to the person named in full most recently") {
  PeopleFixture f(
      "Raúl Castro met the delegation. Castro spoke first.\n\nFidel Castro arrived later. Castro "
      "spoke again.");
  CHECK(f.id_at("Castro spoke first") == "raul-castro");
  CHECK(f.id_at("Castro spoke again") == "fidel-castro");
  const auto candidates = f.candidates_at("Castro spoke again");
  REQUIRE(candidates.size() == 2);
  CHECK(candidates[1] == "raul-castro");
}

TEST_CASE("a surname shared by two people and never settled stays ambiguous") {
  PeopleFixture f("Roosevelt signed the act.");
  const PersonMention* m = f.facts().mention_at(f.at("Roosevelt"));
  REQUIRE(m);
  CHECK(m->person_id.empty());
  CHECK(m->candidates.size() >= 2);
}

TEST_CASE("a first name that is also a surname waits for its person") {
  PeopleFixture f("Anthony left early. Later Anthony Eden resigned, and Anthony wrote memoirs.");
  CHECK(f.id_at("Anthony left") == "<none>");
  CHECK(f.id_at("Anthony wrote") == "anthony-eden");
}

TEST_CASE("names in places, institutions and plans are not people") {
  PeopleFixture f(
      "The Marshall Plan, the Dewey Commission, the Nobel Prize and the Lenin Mausoleum; "
      "Stalin Prize winners met on Karl Marx Allee? No: at the Leon Trotsky Museum.");
  CHECK(f.id_at("Marshall Plan") == "<none>");
  CHECK(f.id_at("Dewey") == "<none>");
  CHECK(f.id_at("Nobel") == "<none>");
  CHECK(f.id_at("Lenin Mausoleum") == "<none>");
  CHECK(f.id_at("Stalin Prize") == "<none>");
  CHECK(f.id_at("Leon Trotsky Museum") == "<none>");
}

TEST_CASE("names in code and link targets are not read") {
  PeopleFixture f("See [Trotsky](https://example.org/Stalin) and `Lenin`.\n\n```\nMarx\n```\n",
                  bundled_knowledge_base(), Language::Markdown);
  CHECK(f.id_at("Trotsky") == "leon-trotsky");
  CHECK(f.id_at("Stalin") == "<none>");
  CHECK(f.id_at("Marx") == "<none>");
}

TEST_CASE("headings in Title Case keep their names") {
  PeopleFixture f("# Why Stalin Won\n\nText.\n", bundled_knowledge_base(), Language::Markdown);
  CHECK(f.id_at("Stalin") == "joseph-stalin");
}

TEST_CASE("a workspace knowledge base teaches new names") {
  std::string error;
  auto extra = KnowledgeBase::parse(
      R"({"people": [{"id": "jan-kowalski", "name": "Jan Kowalski", "aliases": ["Kowal"]}]})",
      "ws.json", &error);
  REQUIRE(extra);
  KnowledgeBase kb = load_knowledge_base({}, &error);
  kb.merge(*extra);
  PeopleFixture f("Jan Kowalski wrote as Kowal. Kowalski agreed.", kb);
  CHECK(f.id_at("Jan Kowalski") == "jan-kowalski");
  CHECK(f.id_at("Kowal.") == "jan-kowalski");
  CHECK(f.id_at("Kowalski agreed") == "jan-kowalski");
}

TEST_CASE("bad and hostile text is handled without a crash") {
  std::string text(200000, '(');
  text += "1879";
  PeopleFixture f1(text);
  CHECK(f1.facts().mentions.empty());
  std::string brackets;
  for (int i = 0; i < 20000; ++i) brackets += "Leon Trotsky ][ (1879 ";
  PeopleFixture f2(brackets);
  CHECK(f2.facts().mentions.size() == 20000);
  std::string capitals;
  for (int i = 0; i < 50000; ++i) capitals += "Leon Lev Leon ";
  PeopleFixture f3(capitals);
  CHECK(f3.facts().mentions.empty());
  PeopleFixture f4(std::string("Tro\xff\xfe tsky \xc3 Stalin\xe2\x80 L\x80.", 24));
  CHECK(f4.facts().mentions.size() <= 1);
  PeopleFixture f5("");
  CHECK(f5.facts().mentions.empty());
  CHECK(!f5.facts().mention_at(0));
}

}  // namespace
}  // namespace histlint

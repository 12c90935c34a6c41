#include <doctest/doctest.h>

#include "rules/people/people_fixture.h"
#include "rules/queries/person_queries.h"
#include "server/kb_files.h"

namespace histlint {
namespace {

using testing::PeopleFixture;

bool contains(const std::string& haystack, std::string_view needle) {
  return haystack.find(needle) != std::string::npos;
}

TEST_CASE("Trotsky's card shows his lifespan, age at death, places, roles and links") {
  PeopleFixture f("Trotsky was murdered in Mexico.");
  auto card = person_hover(f.analysis(), f.at("Trotsky") + 2);
  REQUIRE(card);
  CHECK(card->span == Span{0, 7});
  CAPTURE(card->markdown);
  CHECK(contains(card->markdown, "**Leon Trotsky** · 1879–1940, aged 60"));
  CHECK(contains(card->markdown, "*Also known as:* Lev Davidovich Bronstein"));
  CHECK(contains(card->markdown, "**Born** 7 November 1879 (O.S. 26 October 1879), Yanovka"));
  CHECK(
      contains(card->markdown, "**Died** 21 August 1940, Coyoacán, Mexico City, Mexico (aged 60)"));
  CHECK(contains(card->markdown, "People's Commissar for Foreign Affairs (1917–1918)"));
  CHECK(contains(card->markdown, "[Wikidata](https://www.wikidata.org/wiki/Q33391)"));
  CHECK(contains(card->markdown, "[Wikipedia]("));
  CHECK(contains(card->markdown, "Mentioned once in this document"));
  CHECK(contains(card->plaintext, "Leon Trotsky · 1879–1940, aged 60"));
  CHECK(!contains(card->plaintext, "**"));
}

TEST_CASE("the card gives the age at the sentence's date") {
  PeopleFixture f("In the 1905 revolution, at the age of 26, Trotsky led the Soviet.");
  auto card = person_hover(f.analysis(), f.at("Trotsky"));
  REQUIRE(card);
  CAPTURE(card->markdown);
  CHECK(contains(card->markdown, "**In 1905** aged 25–26"));
}

TEST_CASE("workspace mention counts appear when the server provides them") {
  PeopleFixture f("Lenin and Lenin again.");
  auto card = person_hover(f.analysis(), f.at("Lenin"),
                           [](std::string_view id) { return id == "vladimir-lenin" ? 4 : 0; });
  REQUIRE(card);
  CHECK(
      contains(card->markdown, "Mentioned 2 times in this document · 4 times in other workspace"));
}

TEST_CASE("an ambiguous name shows its candidates instead of guessing") {
  PeopleFixture f(
      "A speaker mentioned Owen Smith.\n\nThe tendency was expelled by Kinnock and Smith.");
  auto card = person_hover(f.analysis(), f.at("Smith.", 1));
  REQUIRE(card);
  CAPTURE(card->markdown);
  CHECK(contains(card->markdown, "ambiguous name"));
  CHECK(contains(card->markdown, "Owen Smith"));
  CHECK(contains(card->markdown, "(named in this document)"));
  CHECK(contains(card->markdown, "John Smith"));
  CHECK(!person_definition(f.analysis(), f.at("Smith.", 1)));
}

TEST_CASE("a person the text introduces gets a card from the text's own facts") {
  PeopleFixture f(
      "The engineer Jan Kowalski (12 March 1901 – 1970) built the bridge. Kowalski later "
      "emigrated.");
  auto card = person_hover(f.analysis(), f.at("Kowalski later"));
  REQUIRE(card);
  CAPTURE(card->markdown);
  CHECK(contains(card->markdown, "**Jan Kowalski** · 1901–1970, aged 68–69"));
  CHECK(contains(card->markdown, "*From the text:* not in the knowledge base"));
  CHECK(contains(card->markdown, "**Born** 12 March 1901  \n**Died** 1970 (aged 68–69)"));
  auto def = person_definition(f.analysis(), f.at("Kowalski later"));
  REQUIRE(def);
  CHECK(def->path.empty());
  CHECK(f.text().substr(def->span.offset, 12) == "The engineer");
}

TEST_CASE("an appositive introduces a person and describes them on the card") {
  PeopleFixture f(
      "The parcel came from Anna Petrova, a seamstress from Tver, in 1911. Petrova wrote again "
      "in 1912, and Petrova sent a photograph.");
  CHECK(f.id_at("Anna Petrova") == "doc:anna-petrova");
  auto card = person_hover(f.analysis(), f.at("Petrova wrote"));
  REQUIRE(card);
  CAPTURE(card->markdown);
  CHECK(contains(card->markdown, "**Anna Petrova**"));
  CHECK(contains(card->markdown,
                 "*From the text:* a seamstress from Tver (not in the knowledge base)"));
  CHECK(contains(card->markdown, "Mentioned 3 times in this document"));
  // Dated introductions take the appositive too; places and things are not people.
  PeopleFixture dated("Emil Hradecký (1876–1941), a composer from Brno, wrote operas.");
  REQUIRE(dated.facts().introduced.size() == 1);
  CHECK(dated.facts().introduced[0].description == "a composer from Brno");
  PeopleFixture place("Buenos Aires, a city of great size, grew. Santa Fe, a river port, too.");
  CHECK(place.facts().introduced.empty());
}

TEST_CASE("no card away from names") {
  PeopleFixture f("Trotsky was murdered in Mexico.");
  CHECK(!person_hover(f.analysis(), f.at("murdered")));
  CHECK(!person_hover(f.analysis(), f.text().size()));
}

TEST_CASE("definition, references and document symbols") {
  PeopleFixture f("Leon Trotsky met Lenin. Trotsky wrote; Lenin's reply came. Trotsky’s answer.");
  auto def = person_definition(f.analysis(), f.at("Lenin"));
  REQUIRE(def);
  CHECK(def->path == bundled_knowledge_base().find("vladimir-lenin")->source_file);
  CHECK(def->line == bundled_knowledge_base().find("vladimir-lenin")->source_line);
  const auto refs = person_references(f.analysis(), f.at("Trotsky’s"));
  REQUIRE(refs.size() == 3);
  CHECK(refs[0] == Span{0, 12});
  CHECK(person_id_at(f.analysis(), f.at("Lenin's")) == "vladimir-lenin");
  const auto people = document_people(f.analysis());
  REQUIRE(people.size() == 2);
  CHECK(people[0].person_id == "leon-trotsky");
  CHECK(people[0].name == "Leon Trotsky");
  CHECK(people[0].mentions.size() == 3);
  CHECK(contains(people[0].detail, "1879–1940"));
  CHECK(people[1].person_id == "vladimir-lenin");
}

TEST_CASE("workspace symbols search the knowledge base") {
  const auto found = search_people(bundled_knowledge_base(), "sedov", 10);
  REQUIRE(found.size() >= 2);
  CHECK(found[0].person_id == "leon-sedov");
  CHECK(contains(found[0].detail, "1906–1938"));
  CHECK(!found[0].path.empty());
}

TEST_CASE("lifespan text") {
  CHECK(lifespan_text(parse_partial_date("1879-11-07"), parse_partial_date("1940")) == "1879–1940");
  CHECK(lifespan_text(parse_partial_date("1952"), std::nullopt) == "born 1952");
  CHECK(lifespan_text(std::nullopt, parse_partial_date("1803-04")) == "died 1803");
  // A Julian 25 December 1642 is 4 January 1643 in the Gregorian calendar the card uses.
  CHECK(lifespan_text(parse_partial_date("1642-12-25", Calendar::Julian), std::nullopt) ==
        "born 1643");
}

}  // namespace
}  // namespace histlint

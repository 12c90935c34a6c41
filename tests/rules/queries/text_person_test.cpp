#include "rules/queries/text_person.h"

#include <doctest/doctest.h>

#include "rules/people/people_fixture.h"
#include "rules/queries/person_queries.h"

namespace histlint {
namespace {

using testing::PeopleFixture;

std::optional<TextPerson> person_at(const PeopleFixture& f, std::string_view needle) {
  return text_person(f.analysis(), f.id_at(needle));
}

bool contains(const std::string& haystack, std::string_view needle) {
  return haystack.find(needle) != std::string::npos;
}

TEST_CASE("a lifespan in parentheses gives both dates with their precision") {
  PeopleFixture f("Marta Kovalenko (4 May 1821 – 1881) kept the ledgers. Kovalenko never married.");
  auto p = person_at(f, "Marta");
  REQUIRE(p);
  REQUIRE(p->birth);
  CHECK(p->birth->iso() == "1821-05-04");
  CHECK(p->birth->precision == DatePrecision::Day);
  REQUIRE(p->death);
  CHECK(p->death->iso() == "1881");
  CHECK(p->death->precision == DatePrecision::Year);
  CHECK(p->mentions == 2);
  // Approximate dates are not evidence of a date.
  PeopleFixture circa("Oskar Lindqvist (c. 1790 – 1851) kept the ledgers.");
  auto q = person_at(circa, "Oskar");
  REQUIRE(q);
  CHECK(!q->birth);
  REQUIRE(q->death);
  CHECK(q->death->iso() == "1851");
}

TEST_CASE("born in and died on give dates and places, later mentions included") {
  PeopleFixture f(
      "Nadia Orlova was born in Kazan on 2 March 1879. The school grew. Orlova died on "
      "5 June 1931 at Nice.");
  auto p = person_at(f, "Nadia");
  REQUIRE(p);
  REQUIRE(p->birth);
  CHECK(p->birth->iso() == "1879-03-02");
  CHECK(p->birth_place == "Kazan");
  REQUIRE(p->death);
  CHECK(p->death->iso() == "1931-06-05");
  CHECK(p->death_place == "Nice");
}

TEST_CASE("a verb counts only where the name is the subject of its sentence") {
  PeopleFixture f(
      "Nadia Orlova, a teacher of music, wrote often. The cat of Orlova died in Omsk in 1935.");
  auto p = person_at(f, "Nadia");
  REQUIRE(p);
  CHECK(!p->death);
  CHECK(p->death_place.empty());
}

TEST_CASE("a place reader that takes no month, event or lower-case phrase") {
  const std::string_view month = " was born in May 1879.";
  CHECK(!read_life_place(month, 0, month.size()));
  const std::string_view event = " died in Battle of the Nile.";
  CHECK(!read_life_place(event, 0, event.size()));
  const std::string_view village = " was born in the village of Kolomna.";
  CHECK(!read_life_place(village, 0, village.size()));
  const std::string_view other_clause = " was born in 1879; the town of Omsk grew.";
  CHECK(!read_life_place(other_clause, 0, other_clause.size()));
  const std::string_view not_verb = " lived in Tver.";
  CHECK(!read_life_place(not_verb, 0, not_verb.size()));
  const std::string_view two_words = " died in Nizhny Novgorod in 1901.";
  auto place = read_life_place(two_words, 0, two_words.size());
  REQUIRE(place);
  CHECK(place->place == "Nizhny Novgorod");
  CHECK(!place->is_birth);
}

TEST_CASE("an appositive describes the person") {
  PeopleFixture f("Letters came from Anna Petrova, a seamstress from Tver, in 1911.");
  auto p = person_at(f, "Anna Petrova");
  REQUIRE(p);
  CHECK(p->description == "a seamstress from Tver");
  CHECK(!p->birth);
  // A later appositive fills a description the introduction lacked.
  PeopleFixture later(
      "Ilse Brandauer (1850–1912) kept a diary. We know little of Brandauer, a weaver by trade.");
  auto q = person_at(later, "Ilse");
  REQUIRE(q);
  CHECK(q->description == "a weaver by trade");
  // An appositive that names no kind of person describes nobody.
  PeopleFixture city("Ilse Brandauer (1850–1912) lived near Brandauer, a town on the river.");
  auto r = person_at(city, "Ilse");
  REQUIRE(r);
  CHECK(r->description.empty());
}

TEST_CASE("names read without markup, cut appositives marked, institutions left out") {
  PeopleFixture wiki("The map was engraved by [[Ilse Brandauer]] the Elder (1563–1612) in 1610.",
                     bundled_knowledge_base(), Language::Wikitext);
  REQUIRE(wiki.facts().introduced.size() == 1);
  auto p = text_person(wiki.analysis(), wiki.facts().introduced[0].person_id);
  REQUIRE(p);
  CHECK(p->name == "Ilse Brandauer the Elder");
  PeopleFixture cut(
      "He married Vera Lindqvist, a widow whose three brothers had all left the old farm to "
      "her, in 1689.");
  auto q = person_at(cut, "Vera");
  REQUIRE(q);
  CHECK(q->description == "a widow whose three brothers had all left the old farm …");
  PeopleFixture whole("He married Vera Lindqvist, a widow from Lund, in 1689.");
  CHECK(person_at(whole, "Vera")->description == "a widow from Lund");
  PeopleFixture seminary("He taught at Lindqvist Theological Seminary (1981–1986) in Lund.");
  CHECK(seminary.facts().introduced.empty());
}

TEST_CASE("the first mention and the count span the document") {
  PeopleFixture f(
      "# Notes\n\nA note on Petrova follows.\n\nAnna Petrova, a seamstress from Tver, wrote.\n\n"
      "Petrova wrote again.");
  auto p = person_at(f, "Anna");
  REQUIRE(p);
  CHECK(p->first_mention == Span{f.at("Petrova follows"), 7});
  CHECK(p->first_mention_line == 2);
  CHECK(p->first_mention_context == "A note on Petrova follows.");
  // A long sentence is cut around the mention, at word boundaries.
  PeopleFixture long_sentence(
      "In the spring of that year, after many delays and a long dispute about the price of the "
      "land, the farm passed to Vera Lindqvist, a widow from Lund, who kept it until her death "
      "and left it to the parish, which sold it again in a hurry to the first buyer it found.");
  auto q = person_at(long_sentence, "Vera");
  REQUIRE(q);
  CHECK(q->first_mention_context ==
        "… dispute about the price of the land, the farm passed to Vera Lindqvist, a widow from "
        "Lund, who kept it until her death and left it to the parish, …");
  CHECK(p->mentions == 3);
}

TEST_CASE("no text evidence for knowledge-base people, places, ships or unknown names") {
  PeopleFixture known("Leon Trotsky (1879–1940), a revolutionary, wrote.");
  CHECK(!text_person(known.analysis(), "leon-trotsky"));
  CHECK(!text_person(known.analysis(), "doc:leon-trotsky"));
  PeopleFixture place("Buenos Aires, a city of great size, grew. HMS Warspite, a battleship.");
  CHECK(place.facts().introduced.empty());
  PeopleFixture plain("Anna Petrova went to Moscow.");
  CHECK(plain.id_at("Anna Petrova") == "<none>");
}

TEST_CASE("the card is marked as coming from the text") {
  PeopleFixture f(
      "Nadia Orlova was born in Kazan on 2 March 1879. Orlova, a teacher of music, died in "
      "1931.\n\nOrlova taught in 1905.");
  auto card =
      person_hover(f.analysis(), f.at("Orlova taught"), [](std::string_view) { return size_t{2}; });
  REQUIRE(card);
  CAPTURE(card->markdown);
  CHECK(contains(card->markdown, "**Nadia Orlova** · 1879–1931"));
  CHECK(
      contains(card->markdown, "*From the text:* a teacher of music (not in the knowledge base)"));
  CHECK(contains(card->markdown, "**Born** 2 March 1879, Kazan  \n**Died** 1931 (aged 51–52)"));
  CHECK(contains(card->markdown, "**In 1905** aged 25–26"));
  CHECK(contains(card->markdown, "**First mention** line 1: “Nadia Orlova was born"));
  CHECK(contains(card->markdown, "Mentioned 3 times in this document · 2 times in other"));
}

}  // namespace
}  // namespace histlint

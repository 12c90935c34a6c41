#include <doctest/doctest.h>

#include "rules/extract/people_intro.h"
#include "rules/people/people_fixture.h"
#include "server/kb_files.h"

namespace histlint {
namespace {

using testing::PeopleFixture;

std::string iso(const std::optional<PartialDate>& d) {
  return d ? d->iso() : "-";
}

TEST_CASE("dates that introduce a person") {
  using people_intro::read_date;
  auto d = read_date("7 November 1879", 0, 100);
  REQUIRE(d);
  CHECK(d->date.iso() == "1879-11-07");
  d = read_date("7 November [O.S. 26 October] 1879", 0, 100);
  REQUIRE(d);
  CHECK(d->date.iso() == "1879-11-07");
  REQUIRE(d->date.julian);
  CHECK(d->date.julian->day == 26);
  d = read_date("7 January 1880 [O.S. 26 December]", 0, 100);
  REQUIRE(d);
  CHECK(d->date.julian->year == 1879);
  d = read_date("26 October 1879 O.S.", 0, 100);
  REQUIRE(d);
  CHECK(d->date.calendar == Calendar::Julian);
  CHECK(read_date("24th May 1940", 0, 100)->date.iso() == "1940-05-24");
  CHECK(read_date("November 7, 1879", 0, 100)->date.iso() == "1879-11-07");
  CHECK(read_date("November 1879", 0, 100)->date.iso() == "1879-11");
  CHECK(read_date("1879-11-07", 0, 100)->date.iso() == "1879-11-07");
  CHECK(read_date("c. 1879", 0, 100)->approximate);
  CHECK(read_date("490 BC", 0, 100)->date.date.year == -490);
  CHECK(!read_date("1870s", 0, 100));
  CHECK(!read_date("30 February 1900", 0, 100));
  CHECK(!read_date("12%", 0, 100));
  CHECK(!read_date("Trotsky", 0, 100));
}

TEST_CASE("life dates of a known person are read from the text") {
  PeopleFixture f(
      "Leon Trotsky[2] (Russian: Лев Троцкий, pronounced [ˈlʲef] ( listen); 7 November [O.S. 26 "
      "October] 1879 – 21 August 1940), born Lev Davidovich Bronshtein, was a revolutionary.");
  REQUIRE(f.facts().introduced.size() == 1);
  const auto& intro = f.facts().introduced[0];
  CHECK(intro.person_id == "leon-trotsky");
  CHECK(iso(intro.birth) == "1879-11-07");
  CHECK(iso(intro.death) == "1940-08-21");
  CHECK(f.text().substr(intro.death_span.offset, intro.death_span.length) == "21 August 1940");
  CHECK(f.facts().life_date_conflicts().empty());
}

TEST_CASE("an unbracketed range after a parenthesised birth name") {
  PeopleFixture f(
      "Leon Trotsky (Lev Davidovich Bronshtein) 7 November 1879, near Yelizavetgrad, Kherson, "
      "Russian Empire – 21 August 1940 (aged 60) (assassinated), Coyoacán, DF, Mexico");
  REQUIRE(f.facts().introduced.size() == 1);
  CHECK(iso(f.facts().introduced[0].birth) == "1879-11-07");
  CHECK(iso(f.facts().introduced[0].death) == "1940-08-21");
  CHECK(f.facts().introduced[0].aliases == std::vector<std::string>{"Lev Davidovich Bronshtein"});
}

TEST_CASE("born and died in running text") {
  PeopleFixture f(
      "Trotsky was born Lev Davidovich Bronstein on 7 November 1879 in Yanovka. Lenin died in "
      "January 1924.");
  REQUIRE(f.facts().introduced.size() == 2);
  CHECK(iso(f.facts().introduced[0].birth) == "1879-11-07");
  CHECK(iso(f.facts().introduced[1].death) == "1924-01");
  CHECK(f.facts().life_date_conflicts().empty());
  auto life = f.facts().life("vladimir-lenin");
  REQUIRE(life);
  // "January 1924" agrees with the knowledge base, whose full date stands.
  CHECK(!life->death_from_text);
  CHECK(iso(life->death) == "1924-01-21");
  CHECK(!life->birth_from_text);
  CHECK(iso(life->birth) == "1870-04-22");
}

TEST_CASE("the subject only: a name in the middle of a sentence lends no dates") {
  PeopleFixture f("The man who killed Trotsky died in 1978 in Havana.");
  CHECK(f.facts().introduced.empty());
}

TEST_CASE("text dates that contradict the knowledge base are reported with both values") {
  PeopleFixture f("Leon Trotsky (1880–1940) was a revolutionary.");
  const auto conflicts = f.facts().life_date_conflicts();
  REQUIRE(conflicts.size() == 1);
  CHECK(conflicts[0].is_birth);
  CHECK(conflicts[0].text_date.iso() == "1880");
  CHECK(conflicts[0].kb_date.iso() == "1879-11-07");
  CHECK(f.text().substr(conflicts[0].text_span.offset, conflicts[0].text_span.length) == "1880");
  // The text's date wins in the lifespan the date rules read.
  CHECK(iso(f.facts().life("leon-trotsky")->birth) == "1880");
}

TEST_CASE("an appositive after a name states the life: \", born …, died …\"") {
  PeopleFixture f(
      "The fleet waited for George Monk, born 1608, made a duke in 1660, died 3 January 1676, "
      "who held Scotland.");
  REQUIRE(f.facts().introduced.size() == 1);
  CHECK(f.facts().introduced[0].person_id == "george-monck");
  CHECK(iso(f.facts().introduced[0].birth) == "1608");
  CHECK(iso(f.facts().introduced[0].death) == "1676-01-03");
  const auto conflicts = f.facts().life_date_conflicts();
  REQUIRE(conflicts.size() == 1);
  CHECK(conflicts[0].kb_date.iso() == "1670-01-03");
  // A comma that opens a clause states nothing.
  PeopleFixture clause("George Monck, who marched south in 1660, was born in Devon.");
  CHECK(clause.facts().introduced.empty());
}

TEST_CASE("a year that agrees with the knowledge base keeps its full date") {
  PeopleFixture f("Leon Trotsky was born in 1879. He was assassinated at the age of 61.");
  const auto life = f.facts().life("leon-trotsky");
  REQUIRE(life);
  CHECK(iso(life->birth) == "1879-11-07");  // ages count from the day, not from "1879"
  CHECK_FALSE(life->birth_from_text);
}

TEST_CASE("a range after a ruler's name that matches a role is a term of office") {
  PeopleFixture reign("Louis XVI (1774–92) summoned the Estates-General.");
  CHECK(reign.facts().introduced.empty());
  CHECK(reign.facts().life_date_conflicts().empty());
  CHECK(iso(reign.facts().life("louis-xvi")->birth) == "1754-08-23");
  // Any other range is read as a lifespan and compared with the knowledge base.
  PeopleFixture life("Louis XVI (1754–1792) summoned the Estates-General.");
  CHECK(life.facts().life_date_conflicts().size() == 1);
}

TEST_CASE("Old Style dates, approximate dates and namesakes are not contradictions") {
  CHECK(
      PeopleFixture("Trotsky was born on 26 October 1879.").facts().life_date_conflicts().empty());
  CHECK(PeopleFixture("Leon Trotsky (c. 1880 – 1940)").facts().life_date_conflicts().empty());
  CHECK(PeopleFixture("Captain John Smith (1580–1631) mapped New England.")
            .facts()
            .life_date_conflicts()
            .empty());
}

TEST_CASE("English Old Style years, book titles and reference lists are not contradictions") {
  CHECK(PeopleFixture("George Washington was born on 11 February 1731 by the old style.")
            .facts()
            .life_date_conflicts()
            .empty());
  CHECK(PeopleFixture("Deutscher covered Trotsky 1929–1940 in his third volume.")
            .facts()
            .introduced.empty());
  PeopleFixture refs(
      "Text.\n\n## References\n\n- Smith, J. *Leon Trotsky (1880–1940): A Life*. 1990.\n",
      bundled_knowledge_base(), Language::Markdown);
  CHECK(refs.facts().introduced.empty());
}

TEST_CASE("people the knowledge base lacks are known from their introduction") {
  PeopleFixture f(
      "Jan Kowalski (1901–1970) and Maria Nowak (born 1925) founded it. Later Kowalski left and "
      "Maria stayed.");
  const PersonMention* m = f.facts().mention_at(f.at("Kowalski left"));
  REQUIRE(m);
  CHECK(m->person_id == "doc:jan-kowalski");
  CHECK(f.id_at("Maria stayed") == "doc:maria-nowak");
  auto life = f.facts().life("doc:maria-nowak");
  REQUIRE(life);
  CHECK(iso(life->birth) == "1925");
  CHECK(!life->death);
  CHECK(f.facts().display_name("doc:jan-kowalski") == "Jan Kowalski");
}

TEST_CASE("a given name the knowledge base lacks still introduces a person") {
  // "Emil" and "Karel" are no English words, so they read as given names; "Novak" is then Emil
  // Novak, not the knowledge base's George Novack (alias "Novak").
  PeopleFixture f(
      "Emil Hradecký (1876–1941) was a composer. Karel Novak (1880–1950) was his pupil. Novak "
      "outlived him.");
  CHECK(f.id_at("Emil Hradecký") == "doc:emil-hradecky");
  CHECK(f.id_at("Karel Novak") == "doc:karel-novak");
  CHECK(f.id_at("Novak outlived") == "doc:karel-novak");
}

TEST_CASE("a sentence that opens with a new name and \"was born\" introduces a person") {
  PeopleFixture f(
      "Nikolai Arsenyevich Tverskoy was born in Tver on 2 March [O.S. 18 February] 1879. He "
      "joined a circle. Soviet Russia was born in 1917.");
  CHECK(f.id_at("Nikolai Arsenyevich Tverskoy") == "doc:nikolai-arsenyevich-tverskoy");
  auto life = f.facts().life("doc:nikolai-arsenyevich-tverskoy");
  REQUIRE(life);
  CHECK(iso(life->birth) == "1879-03-02");
  REQUIRE(f.facts().introduced.size() == 1);  // "Soviet Russia" is no person
}

TEST_CASE("a sentence-initial English word is no given name") {
  PeopleFixture f("Yesterday Trotsky spoke. Later Novak wrote. Soviet Union (1922–1991) stood.");
  CHECK(f.id_at("Trotsky") == "leon-trotsky");
  CHECK(f.id_at("Novak") == "george-novack");
  CHECK(f.facts().introduced.empty());
}

TEST_CASE("events and wars in brackets are not people") {
  PeopleFixture f("He fought in the Russian Civil War (1918–20) and the Great War (1914–1918).");
  CHECK(f.facts().introduced.empty());
  CHECK(f.facts().mentions.empty());
}

}  // namespace
}  // namespace histlint

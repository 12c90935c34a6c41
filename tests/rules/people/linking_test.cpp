// Who a name or a pronoun is linked to, and when it is linked to nobody: places, ships and
// attributes are not people, a bare surname needs the document's era, pronouns follow subjects.
#include <doctest/doctest.h>

#include "rules/extract/date_people.h"
#include "rules/people/people_fixture.h"

namespace histlint {
namespace {

using testing::PeopleFixture;

// The person a pronoun or name at the n-th occurrence of `needle` refers to as date evidence;
// "" when it refers to nobody the date rules may use.
std::string reference_at(const PeopleFixture& f, std::string_view needle, size_t nth = 0) {
  const size_t pos = f.at(needle, nth);
  for (const PersonReference& r : f.analysis().facts<SentencePeople>().references) {
    if (r.span.offset == pos) return std::string(r.person_id);
  }
  return "";
}

TEST_CASE("a surname after a place preposition or a ship prefix is no person") {
  PeopleFixture f(
      "The regiment wintered in Marlborough in 1705. HMS Nelson sailed in 1930. Robespierre "
      "spoke in 1793.");
  CHECK(f.id_at("Marlborough") == "<none>");
  CHECK(f.id_at("Nelson") == "<none>");
  CHECK(f.id_at("Robespierre") == "maximilien-robespierre");
}

TEST_CASE("a place after \"of\" in a person the text introduces is no surname") {
  PeopleFixture f(
      "Amos Threlkeld of Carlisle (1702-1761) kept the toll house. He moved to Carlisle in 1730, "
      "and Threlkeld bought a cart in 1740.");
  const std::string id = f.id_at("Amos Threlkeld of Carlisle");
  CHECK(id.starts_with("doc:"));
  CHECK(f.id_at("Carlisle", 1) == "<none>");
  CHECK(f.id_at("Threlkeld", 1) == id);
}

TEST_CASE("a surname used as an attribute is shown but is no date evidence") {
  PeopleFixture f("In 1730 the Walpole ministry survived the excise crisis.");
  CHECK(f.id_at("Walpole") == "robert-walpole");
  CHECK(reference_at(f, "Walpole").empty());
}

TEST_CASE("a bare surname needs a holder of the document's era") {
  // Isaiah Berlin was born in 1909: a text about the 1840s means the city.
  PeopleFixture earlier(
      "Anders Holm studied chemistry from 1838. In 1845 Berlin offered him a post, and by 1849 "
      "he had left.");
  CHECK(earlier.id_at("Berlin").empty());
  // Long after the holder's death the surname is shown, but it is no date evidence.
  PeopleFixture later("In 1998 and 1999 Walpole was quoted in every debate on the budget.");
  CHECK(later.id_at("Walpole") == "robert-walpole");
  CHECK(reference_at(later, "Walpole").empty());
  // In the holder's own time it is the person.
  PeopleFixture within("In 1721 Walpole became First Lord of the Treasury.");
  CHECK(reference_at(within, "Walpole") == "robert-walpole");
}

TEST_CASE("an inherited title names the knowledge base's holder only in their era") {
  PeopleFixture own("In 1704 the Duke of Marlborough won at Blenheim.");
  CHECK(own.id_at("Duke of Marlborough") == "duke-of-marlborough");
  // A later duke: the same title, someone else.
  PeopleFixture later("In 1884 and 1886 the Duke of Marlborough sold the family's pictures.");
  CHECK(later.id_at("Duke of Marlborough").empty());
}

TEST_CASE("a surname the text gave to someone the KB lacks is not the famous holder's") {
  PeopleFixture f("In 1740 Horace Walpole toured Italy. In 1747 Walpole bought a villa.");
  CHECK(f.id_at("Walpole bought").empty());
  CHECK(f.candidates_at("Walpole bought") == std::vector<std::string>{"robert-walpole"});
  // Naming the famous holder in full afterwards settles it again.
  PeopleFixture settled(
      "In 1740 Horace Walpole toured Italy. In 1742 Robert Walpole resigned, and Walpole left "
      "London.");
  CHECK(settled.id_at("Walpole left") == "robert-walpole");
}

TEST_CASE("a first name followed by a relative's apposition is someone else") {
  PeopleFixture f(
      "Robert Walpole entered Parliament in 1701. Robert, their eldest son, died young. Robert "
      "spoke again in 1702.");
  CHECK(f.id_at("Robert,").empty());
}

TEST_CASE("a pronoun goes to the subject, not to someone named in passing") {
  PeopleFixture f(
      "The envoy was a careful man. He was sent by Cromwell to Holland in 1657. In 1661 he was "
      "knighted.");
  CHECK(reference_at(f, "he was").empty());
}

TEST_CASE("a pronoun never goes to a person of the other sex named by a kin noun") {
  PeopleFixture f(
      "Robert Walpole married in 1700. His wife Catherine died in 1737. In 1738 he married "
      "again.");
  CHECK(reference_at(f, "he married") == "robert-walpole");
  // The kin noun before a comma, for a wife the knowledge base lacks.
  PeopleFixture apposition(
      "Robert Walpole rose quickly. His wife, Margery Tallant (1680–1720), was a banker's "
      "daughter. In 1730, he retired.");
  CHECK(apposition.id_at("Margery Tallant") == "doc:margery-tallant");
  CHECK(reference_at(apposition, "he retired") == "robert-walpole");
}

TEST_CASE("a pronoun does not cross a paragraph break unless it opens the paragraph") {
  PeopleFixture opens("Robert Walpole retired in 1742.\n\nHe died in 1745.");
  CHECK(reference_at(opens, "He") == "robert-walpole");
  PeopleFixture inside(
      "Robert Walpole retired in 1742.\n\nDuring his last years Tallis was busy, and in 1744 he "
      "wrote.");
  CHECK(reference_at(inside, "he wrote").empty());
}

TEST_CASE("a pronoun opening a paragraph reaches back only in a document about one person") {
  // The title and first sentence name him, and nobody else is named: a biography.
  PeopleFixture biography(
      "# Isaac Newton\n\nIsaac Newton studied light at Cambridge. He wrote on optics.\n\nIn "
      "1705, he was knighted.");
  CHECK(reference_at(biography, "he was knighted") == "isaac-newton");
  // Named only in passing in the paragraph before: the new paragraph is about someone else.
  PeopleFixture passing(
      "# Chemists of the northern towns\n\nThe society met in a rented room. Isaac Newton was "
      "admired there.\n\nBorn in 1760, he moved to Paris.");
  CHECK(reference_at(passing, "he moved").empty());
  // Another man named since the subject: the pronoun may be about either.
  PeopleFixture other(
      "Isaac Newton studied light at Cambridge. Charles Darwin read him later.\n\nIn 1705, he "
      "was knighted.");
  CHECK(reference_at(other, "he was").empty());
  // A woman named since does not compete for "he".
  PeopleFixture woman(
      "Isaac Newton studied light at Cambridge. Marie Curie admired his work.\n\nIn 1705, he "
      "was knighted.");
  CHECK(reference_at(woman, "he was") == "isaac-newton");
}

TEST_CASE("a ship named after a person is no person, by the sentence's evidence") {
  PeopleFixture f(
      "The Bismarck sank in 1941 after a chase. The cruiser Blücher went down in a fjord. The crew "
      "of the Nelson cheered. Aboard the Blücher, officers drank.");
  CHECK(f.id_at("Bismarck") == "<none>");
  CHECK(f.id_at("Blücher") == "<none>");
  CHECK(f.id_at("Nelson") == "<none>");
  CHECK(f.id_at("Blücher", 1) == "<none>");
  // Without a word about ships, "the Bismarck" is still the man (as an attribute), and a full
  // name after "the" is never a ship by this evidence alone.
  PeopleFixture man(
      "The Bismarck government fell in 1890. Otto von Bismarck resigned that year, and the "
      "launch of his memoirs followed.");
  CHECK(man.id_at("Bismarck") == "otto-von-bismarck");
  CHECK(man.id_at("Otto von Bismarck") == "otto-von-bismarck");
}

TEST_CASE("an apposition naming a kind of place makes a bare name a place") {
  PeopleFixture f(
      "Charles Darwin sailed in 1831. Darwin, a small port in the north, was bombed in 1942. "
      "Darwin, the naturalist, wrote in 1859.");
  CHECK(f.id_at("Darwin", 1) == "<none>");
  CHECK(f.id_at("Darwin", 2) == "charles-darwin");
}

TEST_CASE("a person described, not named, at the start of a clause takes the later pronoun") {
  PeopleFixture nephew(
      "Isaac Newton wrote on optics. Years later his nephew found the letters. In 1760 he sold "
      "them.");
  CHECK(reference_at(nephew, "he sold").empty());
  PeopleFixture clerk(
      "Isaac Newton wrote on optics; a young clerk copied the pages, and then he left.");
  CHECK(reference_at(clerk, "he left").empty());
  // A woman described does not take "he"; a noun before a name leaves the name the antecedent;
  // a noun that is no subject ("met his nephew") leaves the subject the antecedent.
  PeopleFixture wife(
      "Isaac Newton wrote on optics. Years later his niece kept house. In 1710 he retired.");
  CHECK(reference_at(wife, "he retired") == "isaac-newton");
  PeopleFixture object(
      "Isaac Newton wrote on optics. In 1705 Newton met his nephew, and then he retired.");
  CHECK(reference_at(object, "he retired") == "isaac-newton");
  PeopleFixture named(
      "Isaac Newton wrote on optics. Then his friend Charles Darwin visited, and he stayed.");
  CHECK(reference_at(named, "he stayed") == "charles-darwin");
}

TEST_CASE("a relative described before a paragraph break yields to the document's subject") {
  PeopleFixture biography(
      "# Isaac Newton\n\nIsaac Newton studied light at Cambridge. His uncle paid the fees.\n\nIn "
      "1705, he was knighted.");
  CHECK(reference_at(biography, "he was") == "isaac-newton");
  PeopleFixture survey(
      "# Chemists of the northern towns\n\nThe society met in a rented room. Isaac Newton was "
      "admired there. His nephew kept the letters.\n\nIn 1760, he sold them.");
  CHECK(reference_at(survey, "he sold").empty());
}

TEST_CASE("a ship is \"she\", and takes the pronoun from a woman named before") {
  PeopleFixture ship(
      "Marie Curie worked in Paris. In 1920 the ship reached India, where she anchored off "
      "Bombay.");
  CHECK(reference_at(ship, "she anchored").empty());
  PeopleFixture woman(
      "Marie Curie worked in Paris. In 1920 the train reached Warsaw, where she lectured.");
  CHECK(reference_at(woman, "she lectured") == "marie-curie");
}

TEST_CASE("an unknown capitalised subject is not mistaken for a place or a title") {
  // "His First Letter" is a thing: the pronoun still goes to the person named before it.
  PeopleFixture f(
      "Robert Walpole was born in 1676. His First Letter was written in 1690, when he was "
      "fourteen.");
  CHECK(reference_at(f, "he was") == "robert-walpole");
}

}  // namespace
}  // namespace histlint

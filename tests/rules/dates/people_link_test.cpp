#include <doctest/doctest.h>

#include "rules/date/date_test_util.h"
#include "rules/extract/date_events.h"
#include "rules/extract/date_people.h"

using namespace histlint;

namespace {

struct Linked {
  Document doc;
  Options options;
  Analysis analysis;
  explicit Linked(const std::string& text)
      : doc(text, Language::PlainText), analysis(doc, options, date_test::test_kb(), "doc.txt") {}
};

}  // namespace

TEST_CASE("pronouns go back to the last subject of their sex") {
  Linked l(
      "Trotsky was outmaneuvered by Stalin. In 1927, he was thrown out of the party. Natalya "
      "Sedova stayed. She wrote to him.");
  const auto& refs = l.analysis.facts<SentencePeople>();
  const auto second = refs.in_sentence(1);
  REQUIRE(second.size() == 1);
  CHECK(second[0].person_id == "leon-trotsky");
  CHECK(second[0].pronoun);
  CHECK(second[0].subject);
  const auto fourth = refs.in_sentence(3);
  REQUIRE(fourth.size() == 2);
  CHECK(fourth[0].person_id == "natalia-sedova");
  CHECK(fourth[1].person_id == "leon-trotsky");
  CHECK_FALSE(fourth[1].subject);
}

TEST_CASE("event claims read the subject, the object and the date") {
  Linked l(
      "He and Natalya Sedova sailed from Norway and arrived in Mexico in January 1937. Stalin "
      "deported "
      "Trotsky to Alma-Ata in 1928. In 1927, Leon Trotsky, a leading revolutionary, was expelled "
      "from the Communist party.");
  const auto& claims = l.analysis.facts<EventFacts>().claims;
  // "He" has no antecedent in this text, so only Natalya's arrival is read; the active
  // "Stalin deported Trotsky" is not a claim about Stalin.
  REQUIRE(claims.size() == 2);
  CHECK(claims[0].person_id == "natalia-sedova");
  CHECK(claims[0].kind == EventKind::Arrival);
  CHECK(claims[0].object == "mexico");
  CHECK(claims[1].person_id == "leon-trotsky");
  CHECK(claims[1].kind == EventKind::Expulsion);
  CHECK(claims[1].object == "party");
  CHECK(claims[1].date.year == 1927);
}

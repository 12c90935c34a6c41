#include <doctest/doctest.h>

#include <memory>

#include "rules/date/date_test_util.h"
#include "rules/extract/date_events.h"

using namespace histlint;
using namespace histlint::date_test;

TEST_CASE("conflicting-dates flags one event with two dates") {
  const std::string text =
      "In December that year Mexico offered Trotsky refuge. He and Natalya sailed from Norway "
      "and arrived in Mexico in January 1937.\n\nTrotsky settled in Mexico in 1936.";
  const auto found = run_rule("date/conflicting-dates", text);
  REQUIRE(found.size() == 1);
  CHECK(flags(found, text, "settled in Mexico in 1936"));
  CHECK(found[0].message ==
        "This dates Leon Trotsky’s settling in Mexico to 1936, before his arrival there in "
        "January 1937 as an earlier sentence says.");
  REQUIRE(found[0].related.size() == 1);
}

TEST_CASE("conflicting-dates flags births and expulsions given twice") {
  const std::string text =
      "Trotsky was born in Yanovka in 1879. Trotsky, who was born in 1880, grew up there. "
      "Trotsky was expelled from the party in 1927. In 1929 Trotsky was expelled from the "
      "party.";
  CHECK(run_rule("date/conflicting-dates", text).size() == 2);
}

TEST_CASE("conflicting-dates reads events named by a noun after a possessive") {
  const std::string text =
      "Leon Trotsky was expelled from the party in December 1927. After his expulsion from the "
      "party in 1929, Trotsky left the Soviet Union. Trotsky died in 1940. Trotsky’s death in "
      "1941 shocked the world.";
  const auto found = run_rule("date/conflicting-dates", text);
  REQUIRE(found.size() == 2);
  CHECK(flags(found, text, "expulsion from the party in 1929"));
  CHECK(flags(found, text, "death in 1941"));
}

TEST_CASE("conflicting-dates: a noun governed by another phrase takes none of its dates") {
  const std::string text =
      "Trotsky died in 1940. The fiftieth anniversary of his death in 1990 was marked in Mexico. "
      "Trotsky was expelled from the party in 1927. In 1929, a year after his expulsion from the "
      "party, he sailed to Turkey. News of his expulsion from the party in 1929 reached Paris. "
      "Fifty years after his death, in 1990, Mexico held a commemoration.";
  CHECK(run_rule("date/conflicting-dates", text).empty());
}

TEST_CASE("conflicting-dates leaves second visits, later settling and calendars alone") {
  const std::string text =
      "Trotsky arrived in London in October 1902. In May 1907 Trotsky arrived in London again. "
      "Trotsky arrived in Norway in June 1935. Trotsky settled in Norway in the autumn of 1935. "
      "Lenin reached Petrograd on 3 April 1917. Lenin reached Petrograd on 16 April 1917. "
      "Trotsky was not expelled from the party in 1925. Trotsky was expelled from the party in "
      "1927. Trotsky was assassinated on 20 August 1940. Trotsky died on 21 August 1940. "
      "Stalin was born in 1878, although official biographies said he was born in 1879.";
  CHECK(run_rule("date/conflicting-dates", text).empty());
}

namespace {

// The findings of `text` (as chapter-2.md) compared with `other` (as chapter-1.md) open beside it.
std::vector<Finding> run_beside(const std::string& text, const std::string& other,
                                const Options& options = {}) {
  const Document other_doc(other, Language::Markdown);
  const Analysis other_analysis(other_doc, options, test_kb(), "/book/chapter-1.md");
  const Document doc(text, Language::Markdown);
  Analysis analysis(doc, options, test_kb(), "/book/chapter-2.md");
  analysis.set_other_documents(
      {std::make_shared<const DocumentClaims>(DocumentClaims::of(other_analysis))});
  std::vector<Finding> out;
  RuleRegistry::builtin().find("date/conflicting-dates")->check(analysis, out);
  return out;
}

}  // namespace

TEST_CASE("conflicting-dates compares the other open documents") {
  const std::string chapter1 = "Trotsky was expelled from the party in 1927.";
  const std::string chapter2 = "Exile followed. In 1929 Trotsky was expelled from the party.";
  const auto found = run_beside(chapter2, chapter1);
  REQUIRE(found.size() == 1);
  CHECK(flags(found, chapter2, "1929 Trotsky was expelled"));
  CHECK(found[0].message ==
        "This dates Leon Trotsky’s expulsion from the party to 1929, but chapter-1.md dates it "
        "to 1927.");
  REQUIRE(found[0].related.size() == 1);
  CHECK(found[0].related[0].path == "/book/chapter-1.md");
  CHECK(chapter1.substr(found[0].related[0].span.offset, found[0].related[0].span.length)
            .find("1927") != std::string::npos);
}

TEST_CASE("conflicting-dates across documents: agreeing and unrelated claims are clean") {
  CHECK(run_beside("In 1927 Trotsky was expelled from the party.",
                   "Trotsky was expelled from the party in 1927.")
            .empty());
  CHECK(run_beside("Trotsky was expelled from the party in 1929.",
                   "Lenin was expelled from the party in 1927.")
            .empty());
  CHECK(run_beside("Trotsky arrived in Mexico in January 1937.",
                   "Trotsky arrived in Norway in June 1935.")
            .empty());
}

TEST_CASE("conflicting-dates leaves independent documents alone when configured so") {
  Options independent;
  independent.thresholds["date/conflicting-dates.across-documents"] = 0;
  CHECK(run_beside("In 1929 Trotsky was expelled from the party.",
                   "Trotsky was expelled from the party in 1927.", independent)
            .empty());
  // Inside the document, contradictions are still reported.
  CHECK(run_beside("Trotsky was born in 1879. Trotsky, who was born in 1880, grew up in Yanovka.",
                   "Trotsky was born in 1880.", independent)
            .size() == 1);
}

TEST_CASE("conflicting-dates reports a contradiction inside the document, not twice") {
  const auto found =
      run_beside("Trotsky was born in 1879. Trotsky, who was born in 1880, grew up in Yanovka.",
                 "Trotsky was born in 1880.");
  // The 1879 claim contradicts chapter 1; the 1880 claim contradicts the sentence before it.
  REQUIRE(found.size() == 2);
  CHECK(found[0].message.find("chapter-1.md") != std::string::npos);
  CHECK(found[1].message.find("an earlier sentence") != std::string::npos);
}

TEST_CASE("DocumentClaims tells changed events from moved text") {
  const Options options;
  const Document a("Trotsky was expelled from the party in 1927.", Language::Markdown);
  const Document b("Some words first. Trotsky was expelled from the party in 1927.",
                   Language::Markdown);
  const Document c("Trotsky was expelled from the party in 1928.", Language::Markdown);
  const Analysis aa(a, options, test_kb(), "a.md"), ab(b, options, test_kb(), "b.md"),
      ac(c, options, test_kb(), "c.md");
  const auto ca = DocumentClaims::of(aa), cb = DocumentClaims::of(ab), cc = DocumentClaims::of(ac);
  CHECK(ca.same_events(cb));
  CHECK_FALSE(ca.same_events(cc));
  CHECK(ca.shares_event_with(cc));
  CHECK_FALSE(ca.shares_event_with(DocumentClaims{}));
  CHECK(ca.conflicts_with(cc));
  CHECK_FALSE(ca.conflicts_with(cb));
}

TEST_CASE("conflicting-dates compares one promotion named by a verb and by a noun") {
  const std::string text =
      "Anne Marlowe (1790–1861) served at the admiralty. Marlowe was promoted to secretary in "
      "May 1821 after the inquiry.\n\nHer promotion to secretary in August 1823 pleased "
      "her family.";
  const auto found = run_rule("date/conflicting-dates", text);
  REQUIRE(found.size() == 1);
  CHECK(found[0].message ==
        "This dates Anne Marlowe’s promotion to secretary to August 1823, but an earlier "
        "sentence dates it to May 1821.");
  // Promotions to two ranks are two events.
  const std::string two_ranks =
      "Anne Marlowe (1790–1861) served at the admiralty. Marlowe was promoted to clerk in May "
      "1821.\n\nHer promotion to secretary in August 1823 pleased her family.";
  CHECK(run_rule("date/conflicting-dates", two_ranks).empty());
}

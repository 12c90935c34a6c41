#include "rules/queries/inlay_hints.h"

#include <doctest/doctest.h>

#include "rules/date/date_test_util.h"

using namespace histlint;

namespace {

struct Hint {
  std::string after;  // the text just before the hint
  std::string label;
};

std::vector<Hint> hints_of(const std::string& text) {
  const Document doc(text, Language::Markdown);
  const Options options;
  const Analysis analysis(doc, options, date_test::test_kb(), "doc.md");
  std::vector<Hint> out;
  for (const InlayHint& h : inlay_hints(analysis, 0, text.size())) {
    CHECK(!h.tooltip.empty());
    const size_t start = h.offset >= 16 ? h.offset - 16 : 0;
    out.push_back({text.substr(start, h.offset - start), h.label});
  }
  return out;
}

std::vector<std::string> labels_of(const std::string& text) {
  std::vector<std::string> labels;
  for (const Hint& h : hints_of(text)) labels.push_back(h.label);
  return labels;
}

using Labels = std::vector<std::string>;

}  // namespace

TEST_CASE("an age gets the age the person's dates give, when they give one") {
  const auto hints = hints_of("Trotsky was assassinated in Mexico at the age of 61.");
  REQUIRE(hints.size() == 1);
  CHECK(hints[0].after == "at the age of 61");
  CHECK(hints[0].label == "\xC2\xB7 60 by his dates");
  // Measured at a stated day.
  CHECK(labels_of("On 1 March 1905 Trotsky, then aged 25, spoke to the crowd.") ==
        Labels{"\xC2\xB7 25 by his dates"});
}

TEST_CASE("no age hint where the dates leave two ages or two people") {
  // Born in November 1879: during 1905 he was 25 or 26.
  CHECK(labels_of("In 1905 Trotsky, then aged 25, spoke to the crowd.").empty());
  // Two people with known dates the age may be about.
  CHECK(labels_of("On 1 March 1905 Trotsky and Lenin, both aged 30, met in a cafe.").empty());
  // The text's own life dates: not the knowledge base's to compute.
  CHECK(labels_of("Trotsky (7 November 1879 – 21 August 1940) (aged 60) was a writer.").empty());
  // Someone the knowledge base does not know.
  CHECK(labels_of("Our neighbour died at the age of 80.").empty());
}

TEST_CASE("a day marked Old Style gets its New Style date") {
  const auto hints = hints_of("The rising began on 25 October 1917 O.S. in the capital.");
  REQUIRE(hints.size() == 1);
  CHECK(hints[0].after.ends_with("1917 O.S."));
  CHECK(hints[0].label == "\xC2\xB7 7 Nov 1917 N.S.");
}

TEST_CASE("no New Style hint where the text gives it or does not mark the calendar") {
  CHECK(labels_of("Trotsky was born on 7 November [O.S. 26 October] 1879 in Yanovka.").empty());
  CHECK(labels_of("The rising began on 25 October 1917 in the capital.").empty());
  CHECK(labels_of("The rising began in October 1917 O.S. in the capital.").empty());
}

TEST_CASE("a relative date gets the day it resolves to") {
  const auto hints = hints_of(
      "Lincoln was shot on 14 April 1865. He died the next morning, and two days "
      "later the train left.");
  REQUIRE(hints.size() == 2);
  CHECK(hints[0].after.ends_with("the next morning"));
  CHECK(hints[0].label == "\xC2\xB7 15 Apr 1865");
  CHECK(hints[1].after.ends_with("two days later"));
  CHECK(hints[1].label == "\xC2\xB7 17 Apr 1865");
}

TEST_CASE("no resolved-date hint when the anchor is uncertain") {
  // Counted from a date of another paragraph.
  CHECK(labels_of("Lincoln was shot on 14 April 1865.\n\nHe died the next morning.\n").empty());
  // A hedged amount names no day.
  CHECK(labels_of("The fleet sailed on 3 May 1702. About two days later it anchored.").empty());
  // A year anchor resolves to no single day.
  CHECK(labels_of("The fleet sailed in 1702. Two days later it anchored.").empty());
}

TEST_CASE("words counted from when the text was written count from a stated date only") {
  // From the dateline of the paragraph.
  CHECK(labels_of("LONDON, 3 May 1910. The strike ended today.") == Labels{"\xC2\xB7 3 May 1910"});
  // Not from another "yesterday": each is the day before the paper's date.
  CHECK(labels_of("LONDON, 3 May 1910. The strike ended yesterday. The mills opened yesterday.") ==
        Labels{"\xC2\xB7 2 May 1910"});
  // Not from a dateline whose year is taken from elsewhere.
  CHECK(
      labels_of("The season of 1910 was long.\n\nLONDON, 3 May. The strike ended today.").empty());
  // A weekday alone may name no day: "the Sunday paper".
  CHECK(labels_of("LONDON, 3 May 1910. Read the Sunday edition.").empty());
}

TEST_CASE("hints are limited to the range asked for") {
  const std::string text =
      "Lincoln was shot on 14 April 1865. He died the next morning.\n\n"
      "Frida Kahlo died in Coyoacan at the age of 47.\n";
  const Document doc(text, Language::Markdown);
  const Options options;
  const Analysis analysis(doc, options, date_test::test_kb(), "doc.md");
  CHECK(inlay_hints(analysis, 0, text.size()).size() == 2);
  const auto first = inlay_hints(analysis, 0, text.find("\n\n"));
  REQUIRE(first.size() == 1);
  CHECK(first[0].kind == InlayHintKind::Resolved);
  const auto second = inlay_hints(analysis, text.find("\n\n"), text.size());
  REQUIRE(second.size() == 1);
  CHECK(second[0].kind == InlayHintKind::Age);
}

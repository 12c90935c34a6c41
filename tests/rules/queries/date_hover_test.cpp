#include <doctest/doctest.h>

#include "rules/date/date_test_util.h"
#include "rules/queries/date_hover.h"

using namespace histlint;

namespace {

std::optional<HoverCard> hover(const std::string& text, std::string_view at) {
  const Document doc(text, Language::PlainText);
  const Options options;
  const Analysis analysis(doc, options, date_test::test_kb(), "doc.txt");
  return date_hover(analysis, text.find(at));
}

}  // namespace

TEST_CASE("date hover shows both calendars of an Old Style date") {
  const std::string text = "Trotsky was born on 7 November [O.S. 26 October] 1879 in Yanovka.";
  const auto card = hover(text, "26 October");
  REQUIRE(card.has_value());
  CHECK(card->markdown.find("**7 November 1879**") == 0);
  CHECK(card->plaintext.find("7 November 1879: day, Gregorian (New Style), 1879-11-07, a Friday") !=
        std::string::npos);
  CHECK(card->plaintext.find("26 October 1879: day, Julian (Old Style), 1879-11-07, a Friday; "
                             "New Style 7 November 1879") != std::string::npos);
  CHECK(card->plaintext.find("Leon Trotsky: aged 0") != std::string::npos);
}

TEST_CASE("date hover gives the ages of the people of the sentence") {
  const std::string text = "In 1905 Trotsky and Lenin met Marx's heirs; Frida Kahlo was not born.";
  const auto card = hover(text, "1905");
  REQUIRE(card.has_value());
  CHECK(card->plaintext.find("Leon Trotsky: aged 25 or 26") != std::string::npos);
  CHECK(card->plaintext.find("Vladimir Lenin: aged 34 or 35") != std::string::npos);
  CHECK(card->plaintext.find("Karl Marx: already dead (died 14 March 1883)") != std::string::npos);
  CHECK(card->plaintext.find("Frida Kahlo: not yet born (born 6 July 1907)") != std::string::npos);
}

TEST_CASE("date hover on ranges, impossible days and plain words") {
  const std::string text = "The Civil War (1918–20) ended. It was 31 June 1920. Nothing here.";
  const auto range = hover(text, "1918");
  REQUIRE(range.has_value());
  CHECK(range->markdown.find("**1918 \xE2\x80\x93 1920**") == 0);
  const auto impossible = hover(text, "31 June");
  REQUIRE(impossible.has_value());
  CHECK(impossible->plaintext.find("no such day in the Gregorian calendar") != std::string::npos);
  CHECK_FALSE(hover(text, "Nothing").has_value());
}

TEST_CASE("date hover on a relative date shows its day and the date it counts from") {
  const std::string text =
      "The ship docked on 9 June 1802.\nThe next morning the crew went ashore.";
  const auto card = hover(text, "next morning");
  REQUIRE(card.has_value());
  CHECK(card->plaintext.find("The next morning \xE2\x86\x92 10 June 1802\n") == 0);
  CHECK(card->plaintext.find("TimeML value 1802-06-10, 1802-06-10") != std::string::npos);
  CHECK(card->plaintext.find("counted from 9 June 1802 (1802-06-09) in line 1") !=
        std::string::npos);
}

TEST_CASE("date hover on a day without its year gives the year of its context") {
  const std::string text = "The treaty was drafted in 1815. It was signed on 9 June.";
  const auto card = hover(text, "9 June");
  REQUIRE(card.has_value());
  CHECK(card->plaintext.find("year not stated") != std::string::npos);
  CHECK(card->plaintext.find("read as 9 June 1815, counted from 1815 (1815) in line 1") !=
        std::string::npos);
}

TEST_CASE("date hover reads a French date and gives the ages at it") {
  const std::string text = "Trotsky est mort le 21 août 1940 à Coyoacán.";
  const auto card = hover(text, "21 août");
  REQUIRE(card.has_value());
  CHECK(card->markdown.find("**21 August 1940**") == 0);
  CHECK(card->plaintext.find("Leon Trotsky: aged 60") != std::string::npos);
}

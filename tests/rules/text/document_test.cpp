#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "rules/text/document.h"
#include "rules/text/utf8.h"

using namespace histlint;

namespace {

std::vector<std::string> sentences_of(const std::string& text,
                                      Language lang = Language::PlainText) {
  Document doc(text, lang);
  std::vector<std::string> out;
  for (const auto& s : doc.sentences()) out.emplace_back(doc.slice(s.span));
  return out;
}

std::vector<BlockKind> kinds_of(const Document& doc) {
  std::vector<BlockKind> out;
  for (const auto& b : doc.blocks()) out.push_back(b.kind);
  return out;
}

}  // namespace

TEST_CASE("sentences survive abbreviations and initials") {
  auto s = sentences_of(
      "E. H. Carr wrote about St. Petersburg in vol. 1, pp. 112–19. Mr. Deutscher disagreed, e.g. "
      "on p. 20. He was born 7 November [O.S. 26 October] 1879. It cost 3.5 roubles.");
  REQUIRE(s.size() == 4);
  CHECK(s[0] == "E. H. Carr wrote about St. Petersburg in vol. 1, pp. 112–19.");
  CHECK(s[1] == "Mr. Deutscher disagreed, e.g. on p. 20.");
  CHECK(s[2] == "He was born 7 November [O.S. 26 October] 1879.");
  CHECK(s[3] == "It cost 3.5 roubles.");
}

TEST_CASE("sentences: quotes, ellipses, question marks and no-break spaces") {
  auto s = sentences_of(
      "“Who goes there?” he asked. She said: “We will win.” Then silence… Nothing more.\u00a0"
      "Trotsky\u00a0was exiled.");
  REQUIRE(s.size() == 5);
  CHECK(s[0] == "“Who goes there?” he asked.");
  CHECK(s[1] == "She said: “We will win.”");
  CHECK(s[2] == "Then silence…");
  CHECK(s[4] == "Trotsky\u00a0was exiled.");
}

TEST_CASE("sentences: glued and garbled boundaries") {
  auto s = sentences_of(
      "Marxism developed by Leon Trotsky.Trotsky self-identified as a Marxist. "
      "who had been living with.. With methods reminiscent of the past.");
  REQUIRE(s.size() == 4);
  CHECK(s[0] == "Marxism developed by Leon Trotsky.");
  CHECK(s[1] == "Trotsky self-identified as a Marxist.");
  CHECK(s[2] == "who had been living with..");
  CHECK(sentences_of("The rain fell. the end came.").size() == 2);
  CHECK(sentences_of("It was large, approx. five miles, cf. the map.").size() == 1);
}

TEST_CASE("plain text: blank-line paragraphs and title lines") {
  Document doc("Trotsky’s Legacy\n\nFirst paragraph here.\nStill the first.\n\nSecond one.\n",
               Language::PlainText);
  REQUIRE(doc.blocks().size() == 3);
  CHECK(doc.blocks()[0].kind == BlockKind::Heading);
  CHECK(doc.blocks()[1].kind == BlockKind::Paragraph);
  CHECK(doc.slice(doc.blocks()[1].span) == "First paragraph here.\nStill the first.");
  CHECK(doc.sentences().size() == 4);  // the title is a sentence too
  CHECK(doc.prose() == doc.text());
}

TEST_CASE("plain text: a line ending in a colon introduces what follows, it is no title") {
  Document doc("He said:\n\nThe revolution is permanent.\n", Language::PlainText);
  REQUIRE(doc.blocks().size() == 2);
  CHECK(doc.blocks()[0].kind == BlockKind::Paragraph);
}

TEST_CASE("markdown blocks: headings, lists, quotes, code, tables, front matter") {
  const std::string text =
      "---\ntitle: Test\ndate: 2016-08-21\n---\n"
      "# Life\n\n"
      "Trotsky was born in 1879.\n\n"
      "- 1905: revolution\n- 1917: October\n\n"
      "> A quoted line.\n\n"
      "```\ncode 31 June 1920\n```\n\n"
      "    indented code\n\n"
      "| Year | Event |\n|------|-------|\n| 1929 | Exile |\n\n"
      "Setext\n======\n\n"
      "***\n\n"
      "<!-- histlint-disable date -->\n\n"
      "[^1]: Deutscher 1954, p. 20.\n\n"
      "[ref]: https://example.org\n";
  Document doc(text, Language::Markdown);
  std::vector<BlockKind> expected = {
      BlockKind::FrontMatter,   BlockKind::Heading,  BlockKind::Paragraph,
      BlockKind::ListItem,      BlockKind::ListItem, BlockKind::BlockQuote,
      BlockKind::Code,          BlockKind::Code,     BlockKind::TableRow,
      BlockKind::ThematicBreak, BlockKind::TableRow, BlockKind::Heading,
      BlockKind::ThematicBreak, BlockKind::Html,     BlockKind::FootnoteDefinition,
      BlockKind::LinkDefinition};
  CHECK(kinds_of(doc) == expected);
  CHECK(doc.front_matter("date") == std::optional<std::string_view>("2016-08-21"));
  CHECK(doc.front_matter("author") == std::nullopt);
  CHECK(doc.prose().size() == doc.text().size());
  CHECK(doc.prose().find("31 June") == std::string::npos);
  CHECK(doc.prose().find("# Life") == std::string::npos);
  CHECK(doc.prose().find("Life") != std::string::npos);
  REQUIRE(doc.html_comments().size() == 1);
  CHECK(doc.slice(doc.html_comments()[0]) == "<!-- histlint-disable date -->");
  // Table cells are separate sentences.
  const auto& row = doc.blocks()[10];
  REQUIRE(row.sentence_count == 2);
  CHECK(doc.slice(doc.block_sentences_begin(row)->span) == "1929");
}

TEST_CASE("markdown inline markup is blanked, offsets preserved") {
  const std::string text =
      "See [*The Revolution Betrayed*](https://example.org/rb \"t\") and `code`[^2] "
      "<sup>3</sup> ![pic](a.png) **bold** snake_case.";
  Document doc(text, Language::Markdown);
  const std::string& p = doc.prose();
  CHECK(p.size() == text.size());
  CHECK(p.find("https") == std::string::npos);
  CHECK(p.find("The Revolution Betrayed") != std::string::npos);
  CHECK(p.find("code") == std::string::npos);
  CHECK(p.find("[^2]") == std::string::npos);
  CHECK(p.find("sup") == std::string::npos);
  CHECK(p.find("pic") == std::string::npos);
  CHECK(p.find("bold") != std::string::npos);
  CHECK(p.find("**") == std::string::npos);
  CHECK(p.find("snake_case") != std::string::npos);
  CHECK(p.find(" 3 ") != std::string::npos);
}

TEST_CASE("reference sections are marked") {
  Document doc("# Life\n\nProse.\n\n## References\n\n- Deutscher 1954.\n\n# Next\n\nMore prose.\n",
               Language::Markdown);
  std::vector<bool> in_refs;
  for (const auto& b : doc.blocks()) in_refs.push_back(b.in_reference_section);
  CHECK(in_refs == std::vector<bool>{false, false, false, true, false, false});
}

TEST_CASE("lines and lookups") {
  Document doc("a\r\nbb\n\nccc", Language::PlainText);
  CHECK(doc.line_count() == 4);
  CHECK(doc.line_of(0) == 0);
  CHECK(doc.line_of(3) == 1);
  CHECK(doc.line_of(doc.text().size()) == 3);
  CHECK(doc.block_at(7) != nullptr);
  CHECK(doc.block_at(6) == nullptr);
  CHECK(doc.sentence_at(9) != nullptr);
}

TEST_CASE("utf8 helpers") {
  size_t len = 0;
  CHECK(utf8::decode("Т", 0, len) == 0x0422);
  CHECK(len == 2);
  CHECK(utf8::is_upper(0x0422));
  CHECK(utf8::is_lower(U'é'));
  CHECK(utf8::is_space(0x00A0));
  CHECK(utf8::is_valid("Троцкий 😀"));
  size_t bad = 0;
  CHECK_FALSE(utf8::is_valid("ab\xC3(", &bad));
  CHECK(bad == 2);
  CHECK_FALSE(utf8::is_valid("\xED\xA0\x80"));  // a surrogate
  CHECK_FALSE(utf8::is_valid("\xC0\xAF"));      // an overlong slash
  CHECK(utf8::decode_before("aé", 3, len) == U'é');
}

TEST_CASE("a 5 MB single-line text segments in linear time without crashing") {
  std::string big;
  while (big.size() < 5'000'000) big += "Trotsky wrote. ";
  Document doc(big, Language::PlainText);
  CHECK(doc.blocks().size() == 1);
  CHECK(doc.sentences().size() > 300'000);
}

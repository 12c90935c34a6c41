#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "rules/text/document.h"

using namespace histlint;

namespace {

std::vector<BlockKind> kinds_of(const Document& doc) {
  std::vector<BlockKind> out;
  for (const auto& b : doc.blocks()) out.push_back(b.kind);
  return out;
}

std::vector<std::string> sentences_of(const Document& doc) {
  std::vector<std::string> out;
  for (const auto& s : doc.sentences()) out.emplace_back(doc.slice(s.span));
  return out;
}

}  // namespace

TEST_CASE("wikitext: the path or the content says so") {
  CHECK(language_for_path("a/Harbour.wiki") == Language::Wikitext);
  CHECK(language_for_path("Harbour.mediawiki") == Language::Wikitext);
  CHECK(language_for_path("Harbour.WIKITEXT") == Language::Wikitext);
  CHECK(language_for_path("Harbour.txt") == Language::PlainText);
  // Saved as .txt, but plainly wikitext.
  const Document wiki("'''Tarrow''' is a town.<ref>Survey 1901.</ref>\n\n== History ==\n\nText.\n",
                      Language::PlainText);
  CHECK(wiki.language() == Language::Wikitext);
  // One kind of wiki markup alone is not enough: note apps use [[links]], rules use ==.
  const Document notes("See [[Tarrow]] and [[Lund]] for more.\n", Language::Markdown);
  CHECK(notes.language() == Language::Markdown);
  const Document rule("Totals\n======\n\nThe mill opened.\n", Language::Markdown);
  CHECK(rule.language() == Language::Markdown);
}

TEST_CASE("wikitext blocks: infobox, headings, lists, tables, files, comments") {
  const std::string text =
      "{{Infobox town\n| name = Tarrow\n| population = 4,210\n}}\n"
      "'''Tarrow''' is a port.\n\n"
      "== History ==\n"
      "The harbour was dug in 1840.<ref>{{cite book|title=Harbours|year=1950}}</ref>\n\n"
      "[[File:Tarrow quay.jpg|thumb|The quay in 1902]]\n"
      "* Mills were built in 1851.\n"
      "{| class=\"wikitable\"\n|-\n| 1851 || 300 workers\n|}\n"
      "<!-- a note to editors -->\n"
      "=== Trade ===\n"
      "<gallery>\nA.jpg|Quay\n</gallery>\n"
      "==References==\n{{Reflist}}\n";
  const Document doc(text, Language::Wikitext);
  const std::vector<BlockKind> expected = {
      BlockKind::Html,    BlockKind::Paragraph, BlockKind::Heading, BlockKind::Paragraph,
      BlockKind::Html,    BlockKind::ListItem,  BlockKind::Html,    BlockKind::Html,
      BlockKind::Heading, BlockKind::Html,      BlockKind::Heading, BlockKind::Html};
  CHECK(kinds_of(doc) == expected);
  CHECK(doc.blocks()[2].heading_level == 2);
  CHECK(doc.blocks()[8].heading_level == 3);
  CHECK(doc.blocks().back().in_reference_section);
  CHECK_FALSE(doc.blocks()[3].in_reference_section);
  const std::string& p = doc.prose();
  CHECK(p.size() == text.size());
  for (const char* markup : {"4,210", "cite", "Harbours", "1950", "quay", "300 workers", "editors",
                             "==", "'''", "Reflist"}) {
    CHECK_MESSAGE(p.find(markup) == std::string::npos, markup);
  }
  CHECK(p.find("Tarrow") != std::string::npos);
  CHECK(p.find("History") != std::string::npos);
  CHECK(p.find("Mills were built in 1851.") != std::string::npos);
  REQUIRE(doc.html_comments().size() == 1);
  CHECK(doc.slice(doc.html_comments()[0]) == "<!-- a note to editors -->");
}

TEST_CASE("wikitext inline markup: the reader sees link labels and styled text only") {
  const std::string text =
      "The [[River Tarr|river]] fed the [[mill]]s of {{lang|kw|Tarow}} "
      "[[Category:Towns]]and [http://example.org the guild].<ref name=\"g\" /> "
      "It had{{nbsp}}6&nbsp;wharves.{{citation needed|date=May 2020}}";
  const Document doc(text, Language::Wikitext);
  const std::string& p = doc.prose();
  CHECK(p.find("River Tarr") == std::string::npos);
  CHECK(p.find("river") != std::string::npos);
  CHECK(p.find("mill") != std::string::npos);
  CHECK(p.find("Tarow") != std::string::npos);
  CHECK(p.find("kw") == std::string::npos);
  CHECK(p.find("Towns") == std::string::npos);
  CHECK(p.find("example.org") == std::string::npos);
  CHECK(p.find("the guild") != std::string::npos);
  CHECK(p.find("name") == std::string::npos);
  CHECK(p.find("nbsp") == std::string::npos);
  CHECK(p.find("citation") == std::string::npos);
  CHECK(sentences_of(doc).size() == 2);
}

TEST_CASE("wikitext: a reference that spans lines stays in its paragraph") {
  const std::string text =
      "The mill burned in 1866.<ref>\n{{cite news\n|title=Fire\n}}\n</ref> It was rebuilt.\n\n"
      "Next paragraph.\n";
  const Document doc(text, Language::Wikitext);
  REQUIRE(doc.blocks().size() == 2);
  CHECK(doc.blocks()[0].kind == BlockKind::Paragraph);
  CHECK(doc.prose().find("Fire") == std::string::npos);
  CHECK(sentences_of(doc) ==
        std::vector<std::string>{"The mill burned in 1866.", "It was rebuilt.", "Next paragraph."});
}

TEST_CASE("wikitext: unclosed markup does not swallow or crash") {
  for (const std::string& text :
       {std::string("{{Infobox\n| a = b\n\nProse after."), std::string("[[File:x.jpg|a [[b"),
        std::string("Text <ref>open\n\nMore."), std::string("{|\n| cell\n"),
        std::string("<!-- open"), std::string("== ==\n'''''"), std::string("[http://x")}) {
    const Document doc(text, Language::Wikitext);
    CHECK(doc.prose().size() == text.size());
  }
}

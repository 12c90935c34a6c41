#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "rules/text/document.h"
#include "rules/text/tokens.h"

using namespace histlint;
using namespace histlint::token_flag;

namespace {

struct Seen {
  std::string text;
  TokenKind kind;
  uint16_t flags;
};

// The tokens of a one-block plain-text document, without spaces.
std::vector<Seen> tokens_of(const std::string& text, bool keep_spaces = false) {
  static Lexicon lexicon(nullptr);
  const Document doc(text, Language::PlainText);
  const TokenLayer layer(doc, lexicon);
  std::vector<Seen> out;
  for (size_t b = 0; b < doc.blocks().size(); ++b) {
    for (const Token& t : layer.block(b)) {
      if (!keep_spaces && t.kind == TokenKind::Space) continue;
      out.push_back({std::string(layer.text(b, t)), t.kind, t.flags});
    }
  }
  return out;
}

std::vector<std::string> texts(const std::vector<Seen>& seen) {
  std::vector<std::string> out;
  for (const auto& s : seen) out.push_back(s.text);
  return out;
}

}  // namespace

TEST_CASE("tokens: words, numbers, punctuation, spaces and line breaks") {
  const auto t = tokens_of("He left in 1917.\nThey stayed.", true);
  REQUIRE(t.size() == 13);
  CHECK(t[0].text == "He");
  CHECK(t[0].kind == TokenKind::Word);
  CHECK(t[1].kind == TokenKind::Space);
  CHECK(t[6].text == "1917");
  CHECK(t[6].kind == TokenKind::Number);
  CHECK(t[7].kind == TokenKind::Punctuation);
  CHECK(t[8].kind == TokenKind::LineBreak);
  CHECK(t[9].text == "They");
}

TEST_CASE("tokens: numbers with separators, currency and year ranges") {
  CHECK(texts(tokens_of("1,000 men and £20,000")) ==
        std::vector<std::string>{"1,000", "men", "and", "£", "20,000"});
  CHECK(texts(tokens_of("from 1917–20, 3.5 miles")) ==
        std::vector<std::string>{"from", "1917", "–", "20", ",", "3.5", "miles"});
  // A comma not followed by exactly three digits separates two numbers.
  CHECK(texts(tokens_of("1,00 and 5,1234")) ==
        std::vector<std::string>{"1", ",", "00", "and", "5", ",", "1234"});
  const auto ordinal = tokens_of("the 2nd of August");
  CHECK(ordinal[1].text == "2nd");
  CHECK(ordinal[1].kind == TokenKind::Number);
}

TEST_CASE("tokens: abbreviations and initialisms") {
  CHECK(texts(tokens_of("7 November [O.S. 26 October] near St. Petersburg")) ==
        std::vector<std::string>{"7", "November", "[", "O.S.", "26", "October", "]", "near", "St",
                                 ".", "Petersburg"});
  CHECK(texts(tokens_of("J. Smith")) == std::vector<std::string>{"J", ".", "Smith"});
}

TEST_CASE("tokens: apostrophes, hyphens, soft hyphens and no-break spaces") {
  CHECK(texts(tokens_of("O’Brien’s Jean-Paul rock-and-roll")) ==
        std::vector<std::string>{"O’Brien’s", "Jean-Paul", "rock-and-roll"});
  CHECK(texts(tokens_of("5\u00a0May")) == std::vector<std::string>{"5", "May"});
  static Lexicon lexicon(nullptr);
  const Document doc("revo\u00adlution and revolution", Language::PlainText);
  const TokenLayer layer(doc, lexicon);
  const auto block = layer.block(0);
  REQUIRE(block.size() == 5);
  CHECK(layer.text(0, block[0]) == "revo\u00adlution");
  CHECK(block[0].lexeme == block[4].lexeme);  // the soft hyphen is not part of the word
}

TEST_CASE("tokens: Cyrillic, IPA and accented words") {
  const auto t = tokens_of("Троцкий said [ˈtrɒtski] at Coyoacán");
  CHECK(texts(t) ==
        std::vector<std::string>{"Троцкий", "said", "[", "ˈtrɒtski", "]", "at", "Coyoacán"});
  CHECK((t[0].flags & kCapitalised) != 0);
}

TEST_CASE("tokens: curly quotes, parentheses and ellipses set flags") {
  const auto t = tokens_of("He said “we won… (at last)” and left...");
  const auto find = [&](const std::string& w) {
    for (const auto& s : t)
      if (s.text == w) return s;
    FAIL("no token " << w);
    return t[0];
  };
  CHECK((find("we").flags & kInQuotation) != 0);
  CHECK((find("at").flags & kInParentheses) != 0);
  CHECK((find("at").flags & kInQuotation) != 0);
  CHECK_FALSE((find("said").flags & kInQuotation) != 0);
  CHECK_FALSE((find("left").flags & kInQuotation) != 0);
  CHECK(find("…").kind == TokenKind::Punctuation);
  CHECK(find("...").kind == TokenKind::Punctuation);
}

TEST_CASE("tokens: straight quotes open after a space and close after a word") {
  const auto t = tokens_of("He wrote \"never again\" twice.");
  CHECK(t[3].text == "never");
  CHECK((t[3].flags & kInQuotation) != 0);
  CHECK_FALSE((t[6].flags & kInQuotation) != 0);
}

TEST_CASE("tokens: URLs are one token") {
  const auto t = tokens_of("See https://example.org/a_(b)?c=1. Or www.example.com, then stop.");
  CHECK(t[1].text == "https://example.org/a_(b)?c=1");
  CHECK(t[1].kind == TokenKind::Url);
  CHECK(t[4].text == "www.example.com");
  CHECK(t[4].kind == TokenKind::Url);
}

TEST_CASE("tokens: capitals, all caps, digits in words and sentence starts") {
  const auto t = tokens_of("The NATO treaty. Then Trot7Trot75 appeared.");
  CHECK((t[0].flags & kSentenceStart) != 0);
  CHECK((t[0].flags & kCapitalised) != 0);
  CHECK_FALSE((t[0].flags & kAllCaps) != 0);
  CHECK((t[1].flags & kAllCaps) != 0);
  CHECK_FALSE((t[2].flags & kSentenceStart) != 0);
  CHECK(t[4].text == "Then");
  CHECK((t[4].flags & kSentenceStart) != 0);
  CHECK(t[5].kind == TokenKind::Word);
  CHECK((t[5].flags & kHasDigit) != 0);
}

TEST_CASE("tokens: a word broken at a line end") {
  const auto t = tokens_of("it was dis-\ntributed to all");
  CHECK(t[2].text == "dis");
  CHECK((t[2].flags & kLineEndHyphen) != 0);
  CHECK((t[3].flags & kLineEndHyphen) != 0);
  CHECK_FALSE((t[4].flags & kLineEndHyphen) != 0);
  const auto inner = tokens_of("a well-known man");
  CHECK(inner[1].text == "well-known");
  CHECK_FALSE((inner[1].flags & kLineEndHyphen) != 0);
}

TEST_CASE("tokens: offsets are block-relative and cover the block") {
  static Lexicon lexicon(nullptr);
  const Document doc("First paragraph here.\n\nSecond one, 1879.", Language::PlainText);
  const TokenLayer layer(doc, lexicon);
  REQUIRE(doc.blocks().size() == 2);
  const auto second = layer.block(1);
  CHECK(second[0].offset == 0);
  CHECK(layer.text(1, second[0]) == "Second");
  uint32_t covered = 0;
  for (const Token& t : second) {
    CHECK(t.offset == covered);
    covered = t.end();
  }
  CHECK(covered == doc.blocks()[1].span.length);
}

TEST_CASE("tokens: malformed and hostile input ends and covers every byte") {
  static Lexicon lexicon(nullptr);
  std::string text = "ok \xff\xfe bad ";
  text += std::string(100000, 'a');
  text += " " + std::string(50000, '-');
  const Document doc(text, Language::PlainText);
  const TokenLayer layer(doc, lexicon);
  size_t bytes = 0;
  for (size_t b = 0; b < doc.blocks().size(); ++b) {
    for (const Token& t : layer.block(b)) bytes += t.length;
  }
  size_t block_bytes = 0;
  for (const auto& b : doc.blocks()) block_bytes += b.span.length;
  CHECK(bytes == block_bytes);
}

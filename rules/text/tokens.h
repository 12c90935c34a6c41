// The token layer: each block of a document split once into words, numbers, punctuation, spaces
// and line breaks, for every extractor and rule to read.
//
// Tokens are read from Document::prose(), so markup is already blank. Their offsets are relative
// to the block, so a block's tokens depend only on its text and can be reused after an edit
// elsewhere in the document.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "rules/finding.h"
#include "rules/text/document.h"
#include "rules/text/lexicon.h"

namespace histlint {

enum class TokenKind : uint8_t {
  Word,         // letters, with inner apostrophes and hyphens ("O'Brien", "Jean-Paul"), or letters
                // mixed with digits ("Trot7Trot75"), or an initialism with its dots ("O.S.")
  Number,       // digits with inner separators ("1,000", "3.5") and an ordinal ending ("2nd")
  Url,          // "https://…", "www.…": never read as words
  Punctuation,  // one mark, or a run of full stops ("...")
  Space,        // a run of spaces, tabs, no-break and thin spaces
  LineBreak,    // "\n", "\r\n" or "\r"
};

namespace token_flag {
inline constexpr uint16_t kCapitalised = 1u << 0;    // first letter upper case
inline constexpr uint16_t kAllCaps = 1u << 1;        // two letters or more, all upper case
inline constexpr uint16_t kSentenceStart = 1u << 2;  // the first word or number of a sentence
inline constexpr uint16_t kInQuotation = 1u << 3;    // inside quotation marks
inline constexpr uint16_t kInParentheses = 1u << 4;  // inside ( ) or [ ]
// A word broken at the end of a line, "dis-" before "tributed" on the next line; the hyphen
// token carries the flag too.
inline constexpr uint16_t kLineEndHyphen = 1u << 5;
inline constexpr uint16_t kHasDigit = 1u << 6;  // a word with a digit in it
}  // namespace token_flag

struct Token {
  uint32_t offset = 0;  // bytes from the start of the block
  uint32_t length = 0;
  LexemeId lexeme = kNoLexeme;  // words only
  TokenKind kind = TokenKind::Punctuation;
  uint16_t flags = 0;

  bool has(uint16_t flag) const { return (flags & flag) != 0; }
  bool is_word() const { return kind == TokenKind::Word; }
  uint32_t end() const { return offset + length; }
};

// Splits one block of `prose` (Document::prose()). `sentence_starts` are the block-relative
// offsets where the block's sentences start, ascending. Linear in the block's length.
std::vector<Token> tokenize_block(std::string_view prose, Span block,
                                  std::span<const uint32_t> sentence_starts, Lexicon& lexicon);

// The tokens of every block of a document, built on first use of each block.
class TokenLayer {
 public:
  TokenLayer(const Document& doc, Lexicon& lexicon);

  // The tokens of block `index` of the document.
  std::span<const Token> block(size_t index) const;
  // A token's span in the document.
  Span span(size_t block_index, const Token& token) const {
    return {doc_.blocks()[block_index].span.offset + token.offset, token.length};
  }
  std::string_view text(size_t block_index, const Token& token) const {
    return doc_.prose_slice(span(block_index, token));
  }
  Lexicon& lexicon() const { return lexicon_; }

 private:
  const Document& doc_;
  Lexicon& lexicon_;
  mutable std::vector<std::vector<Token>> blocks_;
  mutable std::vector<bool> built_;
};

}  // namespace histlint

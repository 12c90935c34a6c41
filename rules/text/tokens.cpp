#include "rules/text/tokens.h"

#include <algorithm>
#include <string>

#include "rules/text/utf8.h"

namespace histlint {

namespace {

using namespace token_flag;

bool is_combining_mark(char32_t c) {
  return (c >= 0x300 && c <= 0x36F) || (c >= 0x483 && c <= 0x489) || c == 0x200D;
}

// Letters of the words a historian quotes: Latin, Greek, Cyrillic, IPA with its stress marks, and
// the scripts without case (Arabic, Hebrew, Indic, CJK, Hangul), plus combining accents.
bool is_word_letter(char32_t c) {
  return utf8::is_letter(c) || (c >= 0x250 && c <= 0x2FF) || is_combining_mark(c) ||
         (c >= 0x0590 && c <= 0x06FF) || (c >= 0x0900 && c <= 0x0DFF) ||
         (c >= 0x3040 && c <= 0x30FF) || (c >= 0x4E00 && c <= 0x9FFF) ||
         (c >= 0xAC00 && c <= 0xD7AF);
}

bool is_word_char(char32_t c) {
  return is_word_letter(c) || utf8::is_digit(c);
}

bool is_apostrophe(char32_t c) {
  return c == '\'' || c == 0x2019;
}
bool is_inner_hyphen(char32_t c) {
  return c == '-' || c == 0x2010 || c == 0x2011;
}
constexpr char32_t kSoftHyphen = 0x00AD;

bool is_line_break(char32_t c) {
  return c == '\n' || c == '\r';
}

// Case-insensitive "starts with" for ASCII prefixes.
bool starts_with_ascii(std::string_view s, size_t pos, std::string_view prefix) {
  if (s.size() - pos < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    char c = s[pos + i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != prefix[i]) return false;
  }
  return true;
}

class Tokenizer {
 public:
  Tokenizer(std::string_view prose, Span block, std::span<const uint32_t> sentence_starts,
            Lexicon& lexicon)
      : text_(prose.substr(0, block.end())),
        begin_(block.offset),
        lexicon_(lexicon),
        starts_(sentence_starts) {}

  std::vector<Token> run() {
    size_t pos = begin_;
    while (pos < text_.size()) pos = next(pos);
    mark_line_end_hyphens();
    return std::move(tokens_);
  }

 private:
  char32_t at(size_t pos, size_t& len) const {
    if (pos >= text_.size()) {
      len = 0;
      return 0;
    }
    return utf8::decode(text_, pos, len);
  }
  char32_t at(size_t pos) const {
    size_t len = 0;
    return at(pos, len);
  }

  void push(size_t from, size_t to, TokenKind kind, uint16_t flags = 0,
            LexemeId lexeme = kNoLexeme) {
    Token t;
    t.offset = static_cast<uint32_t>(from - begin_);
    t.length = static_cast<uint32_t>(to - from);
    t.kind = kind;
    t.lexeme = lexeme;
    t.flags = flags;
    if (kind == TokenKind::Word || kind == TokenKind::Number || kind == TokenKind::Url) {
      if (quote_depth_ > 0) t.flags |= kInQuotation;
      if (paren_depth_ > 0) t.flags |= kInParentheses;
    }
    tokens_.push_back(t);
  }

  size_t next(size_t pos) {
    enter_sentences_before(pos);
    size_t len = 0;
    const char32_t c = at(pos, len);
    if (c == '\r') {
      const size_t end = at(pos + 1) == '\n' ? pos + 2 : pos + 1;
      push(pos, end, TokenKind::LineBreak);
      return end;
    }
    if (c == '\n') {
      push(pos, pos + 1, TokenKind::LineBreak);
      return pos + 1;
    }
    if (utf8::is_space(c)) {
      size_t end = pos + len;
      for (size_t l = 0; end < text_.size(); end += l) {
        const char32_t d = at(end, l);
        if (!utf8::is_space(d) || is_line_break(d)) break;
      }
      push(pos, end, TokenKind::Space);
      return end;
    }
    if (const size_t end = url_end(pos); end > pos) {
      push(pos, end, TokenKind::Url);
      return end;
    }
    if (is_word_char(c)) return word(pos);
    return punctuation(pos, c, len);
  }

  // The end of a URL starting at `pos`, or `pos` when none starts there.
  size_t url_end(size_t pos) const {
    if (!starts_with_ascii(text_, pos, "http://") && !starts_with_ascii(text_, pos, "https://") &&
        !starts_with_ascii(text_, pos, "www.")) {
      return pos;
    }
    if (pos > begin_) {
      size_t len = 0;
      if (is_word_char(utf8::decode_before(text_, pos, len))) return pos;
    }
    size_t end = pos;
    for (size_t len = 0; end < text_.size(); end += len) {
      const char32_t c = at(end, len);
      if (utf8::is_space(c) || c == '<' || c == '>' || c == '"' || c == 0x201C || c == 0x201D) {
        break;
      }
    }
    // Sentence punctuation and closing brackets after a URL are not part of it.
    while (end > pos) {
      size_t len = 0;
      const char32_t c = utf8::decode_before(text_, end, len);
      if (c != '.' && c != ',' && c != ';' && c != ':' && c != '!' && c != '?' && c != ')' &&
          c != ']' && !utf8::is_closing_punct(c)) {
        break;
      }
      end -= len;
    }
    return end;
  }

  // One word or number, starting at a letter or digit.
  size_t word(size_t start) {
    size_t pos = start;
    bool digits_only = true;
    bool any_letter = false;
    bool any_digit = false;
    bool soft_hyphen = false;
    for (;;) {
      size_t len = 0;
      const char32_t c = at(pos, len);
      if (is_word_char(c)) {
        if (utf8::is_digit(c)) {
          any_digit = true;
        } else {
          any_letter = true;
          digits_only = false;
        }
        pos += len;
        continue;
      }
      size_t next_len = 0;
      const char32_t after = at(pos + len, next_len);
      if (c == kSoftHyphen && is_word_char(after)) {
        soft_hyphen = true;
        pos += len;
        continue;
      }
      if ((is_apostrophe(c) || is_inner_hyphen(c)) && is_word_letter(after) && any_letter) {
        pos += len;
        continue;
      }
      // "1,000" and "3.5": separators inside a number.
      if (digits_only && utf8::is_digit(after) && (c == ',' || c == '.')) {
        if (c == '.' || thousands_group(pos + 1)) {
          pos += len;
          continue;
        }
      }
      break;
    }
    // "O.S.", "A.D.", "U.S.": single letters each followed by a full stop.
    if (pos == start + 1 && any_letter) {
      const size_t end = initialism_end(start);
      if (end > pos) pos = end;
    }
    const std::string_view surface = text_.substr(start, pos - start);
    if (digits_only || ordinal_number(surface)) {
      push(start, pos, TokenKind::Number, sentence_flag());
      return pos;
    }
    uint16_t flags = sentence_flag() | case_flags(surface);
    if (any_digit) flags |= kHasDigit;
    LexemeId lexeme = kNoLexeme;
    if (soft_hyphen) {
      std::string joined;
      for (size_t p = 0, len = 0; p < surface.size(); p += len) {
        if (utf8::decode(surface, p, len) != kSoftHyphen) joined.append(surface.substr(p, len));
      }
      lexeme = lexicon_.intern(joined);
    } else {
      lexeme = lexicon_.intern(surface);
    }
    push(start, pos, TokenKind::Word, flags, lexeme);
    return pos;
  }

  // True when exactly three digits follow `pos` ("1,000" but not "1,00" or "1,0000").
  bool thousands_group(size_t pos) const {
    for (size_t i = 0; i < 3; ++i) {
      if (pos + i >= text_.size() || !utf8::is_digit(static_cast<unsigned char>(text_[pos + i]))) {
        return false;
      }
    }
    return pos + 3 >= text_.size() || !utf8::is_digit(static_cast<unsigned char>(text_[pos + 3]));
  }

  size_t initialism_end(size_t start) const {
    size_t pos = start;
    size_t letters = 0;
    for (size_t len = 0;; pos += len + 1, ++letters) {
      if (!utf8::is_letter(at(pos, len)) || at(pos + len) != '.') break;
    }
    return letters >= 2 ? pos : start;
  }

  static bool ordinal_number(std::string_view s) {
    size_t digits = 0;
    while (digits < s.size() && s[digits] >= '0' && s[digits] <= '9') ++digits;
    if (digits == 0 || s.size() != digits + 2) return false;
    std::string suffix(s.substr(digits));
    for (char& c : suffix) c = static_cast<char>(c | 0x20);
    return suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th";
  }

  static uint16_t case_flags(std::string_view s) {
    bool first = true;
    uint16_t flags = 0;
    size_t letters = 0;
    bool any_lower = false;
    for (size_t pos = 0, len = 0; pos < s.size(); pos += len) {
      const char32_t c = utf8::decode(s, pos, len);
      if (!utf8::is_letter(c)) continue;
      ++letters;
      if (utf8::is_lower(c)) any_lower = true;
      if (first && utf8::is_upper(c)) flags |= kCapitalised;
      first = false;
    }
    if (letters >= 2 && !any_lower && (flags & kCapitalised)) flags |= kAllCaps;
    return flags;
  }

  uint16_t sentence_flag() {
    const bool start = !seen_word_in_sentence_;
    seen_word_in_sentence_ = true;
    return start ? kSentenceStart : 0;
  }

  size_t punctuation(size_t pos, char32_t c, size_t len) {
    size_t end = pos + len;
    if (c == '.') {
      while (end < text_.size() && text_[end] == '.') ++end;
    }
    push(pos, end, TokenKind::Punctuation);
    track_nesting(pos, c);
    return end;
  }

  void track_nesting(size_t pos, char32_t c) {
    if (c == '(' || c == '[') ++paren_depth_;
    if ((c == ')' || c == ']') && paren_depth_ > 0) --paren_depth_;
    if (c == 0x201C || c == 0x00AB || c == 0x201E || c == 0x2039) ++quote_depth_;
    if ((c == 0x201D || c == 0x00BB || c == 0x203A) && quote_depth_ > 0) --quote_depth_;
    if (c == '"') {
      // A straight quote opens after a space or at the start, and closes otherwise.
      size_t len = 0;
      const char32_t before = pos > begin_ ? utf8::decode_before(text_, pos, len) : U' ';
      if (utf8::is_space(before) || utf8::is_opening_punct(before)) {
        ++quote_depth_;
      } else if (quote_depth_ > 0) {
        --quote_depth_;
      }
    }
    if (c == 0x2018) {
      ++single_quote_depth_;
      ++quote_depth_;
    }
    if (c == 0x2019 && single_quote_depth_ > 0) {
      --single_quote_depth_;
      --quote_depth_;
    }
  }

  // "dis-" + line break + "tributed": flags the fragment before the break and the hyphen.
  void mark_line_end_hyphens() {
    for (size_t i = 0; i + 2 < tokens_.size(); ++i) {
      Token& word = tokens_[i];
      Token& hyphen = tokens_[i + 1];
      if (!word.is_word() || hyphen.kind != TokenKind::Punctuation || hyphen.length != 1 ||
          text_[begin_ + hyphen.offset] != '-' || hyphen.offset != word.end()) {
        continue;
      }
      size_t j = i + 2;
      if (j < tokens_.size() && tokens_[j].kind == TokenKind::Space) ++j;
      if (j >= tokens_.size() || tokens_[j].kind != TokenKind::LineBreak) continue;
      ++j;
      if (j < tokens_.size() && tokens_[j].kind == TokenKind::Space) ++j;
      if (j < tokens_.size() && tokens_[j].is_word()) {
        word.flags |= kLineEndHyphen;
        hyphen.flags |= kLineEndHyphen;
      }
    }
  }

  // A word is a sentence start when it is the first word or number at or after the start of one
  // of the block's sentences.
  void enter_sentences_before(size_t pos) {
    while (next_start_ < starts_.size() && begin_ + starts_[next_start_] <= pos) {
      seen_word_in_sentence_ = false;
      ++next_start_;
    }
  }

 private:
  std::string_view text_;
  size_t begin_;
  Lexicon& lexicon_;
  std::vector<Token> tokens_;
  std::span<const uint32_t> starts_;
  size_t next_start_ = 0;
  bool seen_word_in_sentence_ = true;
  int paren_depth_ = 0;
  int quote_depth_ = 0;
  int single_quote_depth_ = 0;
};

}  // namespace

std::vector<Token> tokenize_block(std::string_view prose, Span block,
                                  std::span<const uint32_t> sentence_starts, Lexicon& lexicon) {
  return Tokenizer(prose, block, sentence_starts, lexicon).run();
}

TokenLayer::TokenLayer(const Document& doc, Lexicon& lexicon)
    : doc_(doc), lexicon_(lexicon), blocks_(doc.blocks().size()), built_(doc.blocks().size()) {}

std::span<const Token> TokenLayer::block(size_t index) const {
  if (!built_[index]) {
    const Block& b = doc_.blocks()[index];
    std::vector<uint32_t> starts;
    for (auto* s = doc_.block_sentences_begin(b); s != doc_.block_sentences_end(b); ++s) {
      starts.push_back(static_cast<uint32_t>(s->span.offset - b.span.offset));
    }
    blocks_[index] = tokenize_block(doc_.prose(), b.span, starts, lexicon_);
    built_[index] = true;
  }
  return blocks_[index];
}

}  // namespace histlint

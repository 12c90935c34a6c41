#include "rules/extract/citation_quotes.h"

#include <algorithm>

#include "rules/analysis.h"
#include "rules/text/utf8.h"

namespace histlint {

namespace {

constexpr char32_t kLeftDouble = 0x201C;   // “
constexpr char32_t kRightDouble = 0x201D;  // ”
constexpr char32_t kLeftSingle = 0x2018;   // ‘
constexpr char32_t kRightSingle = 0x2019;  // ’ (also the apostrophe)
constexpr char32_t kLowDouble = 0x201E;    // „
constexpr char32_t kLeftGuillemet = 0x00AB;
constexpr char32_t kRightGuillemet = 0x00BB;

// True when the character before `pos` lets a quotation open there: start, space, bracket, dash.
bool opens_after(std::string_view s, size_t begin, size_t pos) {
  if (pos <= begin) return true;
  size_t len = 0;
  const char32_t prev = utf8::decode_before(s, pos, len);
  return utf8::is_space(prev) || utf8::is_opening_punct(prev) || prev == 0x2014 || prev == 0x2013 ||
         prev == '-' || prev == ':' || prev == '/';
}

class QuoteScanner {
 public:
  QuoteScanner(std::string_view prose, uint32_t block, std::vector<Quotation>& out)
      : s_(prose), block_(block), out_(out) {}

  void scan(size_t begin, size_t end) {
    size_t pos = begin;
    while (pos < end) {
      size_t len = 0;
      const char32_t c = utf8::decode(s_, pos, len);
      if (open_ == 0) {
        if (c == kLeftDouble || c == kLowDouble || c == kLeftGuillemet ||
            ((c == '"' || c == kLeftSingle) && opens_after(s_, begin, pos))) {
          if (c == kLeftSingle && next_is_digit(pos + len, end)) {  // ‘80s
            pos += len;
            continue;
          }
          open_ = c;
          open_at_ = pos;
          inner_begin_ = pos + len;
        }
      } else if (closes(c, pos, len, end)) {
        emit(pos, pos + len);
        open_ = 0;
      }
      pos += len;
    }
    if (open_ != 0 && open_ != '"' && open_ != kLeftSingle) emit(end, end);
    open_ = 0;
  }

 private:
  bool next_is_digit(size_t pos, size_t end) const {
    return pos < end && s_[pos] >= '0' && s_[pos] <= '9';
  }

  bool closes(char32_t c, size_t pos, size_t len, size_t end) const {
    switch (open_) {
      case kLeftDouble:
        return c == kRightDouble;
      case kLowDouble:
        return c == kLeftDouble || c == kRightDouble;
      case kLeftGuillemet:
        return c == kRightGuillemet;
      case '"':
        return c == '"';
      case kLeftSingle: {
        if (c != kRightSingle) return false;
        // An apostrophe inside a word ("Trotsky’s") does not close the quotation.
        size_t next_len = 0;
        const bool letter_follows =
            pos + len < end && utf8::is_letter(utf8::decode(s_, pos + len, next_len));
        return !letter_follows;
      }
      default:
        return false;
    }
  }

  void emit(size_t close_begin, size_t close_end) {
    Quotation q;
    q.span = {open_at_, close_end - open_at_};
    q.inner = {inner_begin_, close_begin - inner_begin_};
    q.block = block_;
    const std::string_view inner = s_.substr(q.inner.offset, q.inner.length);
    q.words = count_quoted_words(inner);
    size_t end = inner.size();
    while (end > 0 && utf8::is_space(static_cast<unsigned char>(inner[end - 1]))) --end;
    if (end > 0) {
      size_t len = 0;
      const char32_t last = utf8::decode_before(inner, end, len);
      q.ends_sentence = last == '.' || last == '!' || last == '?' || last == 0x2026;
    }
    if (q.words > 0) out_.push_back(q);
  }

  std::string_view s_;
  uint32_t block_;
  std::vector<Quotation>& out_;
  char32_t open_ = 0;
  size_t open_at_ = 0;
  size_t inner_begin_ = 0;
};

}  // namespace

int count_quoted_words(std::string_view text) {
  int words = 0;
  bool in_word = false;
  for (size_t i = 0; i < text.size();) {
    size_t len = 0;
    const char32_t c = utf8::decode(text, i, len);
    const bool word_char = utf8::is_letter(c) || utf8::is_digit(c);
    if (word_char && !in_word) ++words;
    in_word = word_char || (in_word && (c == '\'' || c == kRightSingle || c == '-'));
    i += len;
  }
  return words;
}

bool QuotationFacts::contains(size_t offset) const {
  auto it = std::upper_bound(quotations.begin(), quotations.end(), offset,
                             [](size_t o, const Quotation& q) { return o < q.span.offset; });
  return it != quotations.begin() && offset < std::prev(it)->span.end();
}

QuotationFacts QuotationFacts::extract(const Analysis& analysis) {
  QuotationFacts facts;
  const Document& doc = analysis.doc();
  const auto& blocks = doc.blocks();
  for (uint32_t i = 0; i < blocks.size(); ++i) {
    if (!blocks[i].is_prose()) continue;
    QuoteScanner(doc.prose(), i, facts.quotations)
        .scan(blocks[i].span.offset, blocks[i].span.end());
  }
  return facts;
}

}  // namespace histlint

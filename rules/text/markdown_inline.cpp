// Blanks Markdown markup so that rules see prose only, with every byte offset unchanged.
#include <cstring>

#include "rules/text/segmentation.h"

namespace histlint::segmentation {

namespace {

// Index of the ']' closing the '[' at `open`, within [open, end), or npos.
size_t matching_bracket(std::string_view s, size_t open, size_t end) {
  int depth = 0;
  for (size_t i = open; i < end; ++i) {
    if (s[i] == '\\') {
      ++i;
    } else if (s[i] == '[') {
      ++depth;
    } else if (s[i] == ']' && --depth == 0) {
      return i;
    } else if (s[i] == '\n' && i + 1 < end && s[i + 1] == '\n') {
      return std::string_view::npos;
    }
  }
  return std::string_view::npos;
}

// Index of the ')' closing the '(' at `open`, within [open, end), or npos.
size_t matching_paren(std::string_view s, size_t open, size_t end) {
  int depth = 0;
  for (size_t i = open; i < end; ++i) {
    if (s[i] == '(') {
      ++depth;
    } else if (s[i] == ')' && --depth == 0) {
      return i;
    } else if (s[i] == '\n') {
      return std::string_view::npos;
    }
  }
  return std::string_view::npos;
}

bool is_word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         static_cast<unsigned char>(c) >= 0x80;
}

class InlineMasker {
 public:
  InlineMasker(std::string_view text, std::string& prose, std::vector<Span>& comments)
      : text_(text), prose_(prose), comments_(comments) {}

  void mask_span(size_t begin, size_t end) {
    for (size_t i = begin; i < end;) i = step(i, end);
  }

 private:
  // Handles the construct starting at i (if any) and returns where scanning continues.
  size_t step(size_t i, size_t end) {
    const char c = text_[i];
    switch (c) {
      case '\\':
        if (i + 1 < end && std::strchr("\\`*_{}[]()#+-.!<>|~\"'", text_[i + 1])) {
          blank(prose_, i, i + 1);
          return i + 2;
        }
        return i + 1;
      case '`':
        return code_span(i, end);
      case '<':
        return angle(i, end);
      case '!':
        if (i + 1 < end && text_[i + 1] == '[') return image(i, end);
        return i + 1;
      case '[':
        return link(i, end);
      case '*':
      case '~':
        blank(prose_, i, i + 1);
        return i + 1;
      case '_':
        // An underscore inside a word (snake_case) is text; at a word edge it is emphasis.
        if (!(i > 0 && is_word_char(text_[i - 1]) && i + 1 < end && is_word_char(text_[i + 1]))) {
          blank(prose_, i, i + 1);
        }
        return i + 1;
      default:
        return i + 1;
    }
  }

  size_t code_span(size_t i, size_t end) {
    size_t ticks = 0;
    while (i + ticks < end && text_[i + ticks] == '`') ++ticks;
    const std::string fence(ticks, '`');
    const size_t close = text_.substr(0, end).find(fence, i + ticks);
    if (close == std::string_view::npos) return i + ticks;
    blank(prose_, i, close + ticks);
    return close + ticks;
  }

  size_t angle(size_t i, size_t end) {
    const std::string_view rest = text_.substr(i, end - i);
    if (const size_t stop = mask_html_comment(text_, i, end, prose_, comments_); stop != i) {
      return stop;
    }
    // Inline HTML tags and autolinks: <sup>, </em>, <br/>, <https://…>.
    size_t j = 1;
    if (j < rest.size() && rest[j] == '/') ++j;
    if (j >= rest.size() || !std::isalpha(static_cast<unsigned char>(rest[j]))) return i + 1;
    const size_t close = rest.find('>');
    if (close == std::string_view::npos ||
        rest.substr(0, close).find('\n') != std::string_view::npos) {
      return i + 1;
    }
    blank(prose_, i, i + close + 1);
    return i + close + 1;
  }

  size_t image(size_t i, size_t end) {
    const size_t close = matching_bracket(text_, i + 1, end);
    if (close == std::string_view::npos) return i + 1;
    size_t stop = close + 1;
    if (stop < end && text_[stop] == '(') {
      const size_t paren = matching_paren(text_, stop, end);
      if (paren != std::string_view::npos) stop = paren + 1;
    }
    blank(prose_, i, stop);  // alt text is a description of a picture, not prose
    return stop;
  }

  size_t link(size_t i, size_t end) {
    const size_t close = matching_bracket(text_, i, end);
    if (close == std::string_view::npos) return i + 1;
    if (i + 1 < end && text_[i + 1] == '^') {  // footnote reference [^1]
      blank(prose_, i, close + 1);
      return close + 1;
    }
    size_t target_end = 0;
    if (close + 1 < end && text_[close + 1] == '(') {
      const size_t paren = matching_paren(text_, close + 1, end);
      if (paren != std::string_view::npos) target_end = paren + 1;
    } else if (close + 1 < end && text_[close + 1] == '[') {
      const size_t ref = matching_bracket(text_, close + 1, end);
      if (ref != std::string_view::npos) target_end = ref + 1;
    }
    if (target_end == 0) return i + 1;  // brackets in prose, e.g. "[1]" or "[sic]"
    blank(prose_, i, i + 1);
    blank(prose_, close, target_end);
    mask_span(i + 1, close);
    return target_end;
  }

  std::string_view text_;
  std::string& prose_;
  std::vector<Span>& comments_;
};

// Blanks the markers that open each line of a block: heading #s, quote >s, list bullets.
void blank_line_markers(std::string_view text, const Block& b, std::string& prose) {
  size_t pos = b.span.offset;
  const size_t end = b.span.end();
  bool first_line = true;
  while (pos < end) {
    size_t line_end = text.find('\n', pos);
    if (line_end == std::string_view::npos || line_end > end) line_end = end;
    size_t i = pos;
    while (i < line_end && (text[i] == ' ' || text[i] == '\t')) ++i;
    switch (b.kind) {
      case BlockKind::Heading:
        if (b.heading_level > 0 && i < line_end && text[i] == '#') {
          while (i < line_end && text[i] == '#') ++i;
          blank(prose, pos, i);
          // Closing sequence "## Title ##".
          size_t tail = line_end;
          while (tail > i && (text[tail - 1] == ' ' || text[tail - 1] == '\r')) --tail;
          size_t hashes = tail;
          while (hashes > i && text[hashes - 1] == '#') --hashes;
          if (hashes < tail && hashes > i && text[hashes - 1] == ' ') blank(prose, hashes, tail);
        } else if (!first_line) {
          blank(prose, pos, line_end);  // setext underline
        }
        break;
      case BlockKind::BlockQuote:
        while (i < line_end && (text[i] == '>' || text[i] == ' ')) ++i;
        blank(prose, pos, i);
        break;
      case BlockKind::ListItem:
        if (first_line) {
          size_t m = i;
          if (m < line_end && (text[m] == '-' || text[m] == '*' || text[m] == '+')) {
            ++m;
          } else {
            while (m < line_end && text[m] >= '0' && text[m] <= '9') ++m;
            if (m < line_end && (text[m] == '.' || text[m] == ')')) ++m;
          }
          // Task list boxes: "- [ ] ", "- [x] ".
          if (text.substr(m, 4) == " [ ]" || text.substr(m, 4) == " [x]" ||
              text.substr(m, 4) == " [X]") {
            m += 4;
          }
          blank(prose, pos, m);
        }
        break;
      case BlockKind::FootnoteDefinition:
        if (first_line) blank(prose, pos, text.find("]:", i) + 2);
        break;
      case BlockKind::TableRow:
        for (size_t k = i; k < line_end; ++k) {
          if (text[k] == '|' && (k == 0 || text[k - 1] != '\\')) prose[k] = ' ';
        }
        break;
      default:
        break;
    }
    first_line = false;
    pos = line_end + 1;
  }
}

}  // namespace

void mask_markup(std::string_view text, Language language, const std::vector<Block>& blocks,
                 std::string& prose, std::vector<Span>& html_comments) {
  prose.assign(text);
  if (language == Language::PlainText) return;
  if (language == Language::Wikitext) {
    mask_wikitext(text, blocks, prose, html_comments);
    return;
  }
  // Everything between blocks is blank lines already; non-prose blocks are blanked whole.
  InlineMasker masker(text, prose, html_comments);
  for (const auto& b : blocks) {
    if (!b.is_prose()) {
      if (b.kind == BlockKind::Html) {
        // Record comments in HTML blocks too: suppressions live there.
        for (size_t at = text.find("<!--", b.span.offset); at < b.span.end();
             at = text.find("<!--", at + 4)) {
          const size_t close = text.find("-->", at + 4);
          const size_t stop = close == std::string_view::npos ? text.size() : close + 3;
          html_comments.push_back({at, stop - at});
        }
      }
      blank(prose, b.span.offset, b.span.end());
      continue;
    }
    blank_line_markers(text, b, prose);
    masker.mask_span(b.span.offset, b.span.end());
  }
}

}  // namespace histlint::segmentation

// Splits a text into blocks (Markdown-aware, or blank-line paragraphs for plain text) and blanks
// everything that is not prose, keeping byte offsets.
#include "rules/text/segmentation.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "rules/text/utf8.h"

namespace histlint::segmentation {

namespace {

// Columns of leading indentation, tabs counting to the next multiple of four.
int indent_of(std::string_view s) {
  int col = 0;
  for (char c : s) {
    if (c == ' ') {
      ++col;
    } else if (c == '\t') {
      col += 4 - col % 4;
    } else {
      break;
    }
  }
  return col;
}

std::string_view strip_leading(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
  return s.substr(i);
}

std::string_view strip_trailing(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

// "```" or "~~~" (three or more) opening a fenced code block; returns the fence length.
size_t fence_length(std::string_view s, char& fence_char) {
  if (indent_of(s) > 3) return 0;
  s = strip_leading(s);
  if (s.size() < 3 || (s[0] != '`' && s[0] != '~')) return 0;
  size_t n = 0;
  while (n < s.size() && s[n] == s[0]) ++n;
  if (n < 3) return 0;
  fence_char = s[0];
  return n;
}

bool is_thematic_break(std::string_view s) {
  if (indent_of(s) > 3) return false;
  s = strip_trailing(strip_leading(s));
  if (s.size() < 3 || (s[0] != '-' && s[0] != '*' && s[0] != '_')) return false;
  size_t count = 0;
  for (char c : s) {
    if (c == s[0]) {
      ++count;
    } else if (c != ' ' && c != '\t') {
      return false;
    }
  }
  return count >= 3;
}

int atx_heading_level(std::string_view s) {
  if (indent_of(s) > 3) return 0;
  s = strip_leading(s);
  int level = 0;
  while (level < static_cast<int>(s.size()) && s[level] == '#') ++level;
  if (level == 0 || level > 6) return 0;
  if (static_cast<size_t>(level) < s.size() && s[level] != ' ' && s[level] != '\t' &&
      s[level] != '\r') {
    return 0;
  }
  return level;
}

bool is_setext_underline(std::string_view s) {
  if (indent_of(s) > 3) return false;
  s = strip_trailing(strip_leading(s));
  if (s.empty() || (s[0] != '=' && s[0] != '-')) return false;
  return std::all_of(s.begin(), s.end(), [&](char c) { return c == s[0]; });
}

// Width of a list marker ("- ", "* ", "+ ", "12. ", "3) ") after the indentation, or 0.
size_t list_marker_width(std::string_view s) {
  const size_t lead = s.size() - strip_leading(s).size();
  s = s.substr(lead);
  if (s.size() >= 2 && (s[0] == '-' || s[0] == '*' || s[0] == '+') &&
      (s[1] == ' ' || s[1] == '\t')) {
    return lead + 2;
  }
  size_t digits = 0;
  while (digits < s.size() && digits < 9 && std::isdigit(static_cast<unsigned char>(s[digits]))) {
    ++digits;
  }
  if (digits > 0 && digits + 1 < s.size() && (s[digits] == '.' || s[digits] == ')') &&
      (s[digits + 1] == ' ' || s[digits + 1] == '\t')) {
    return lead + digits + 2;
  }
  return 0;
}

bool is_blockquote(std::string_view s) {
  return indent_of(s) <= 3 && !strip_leading(s).empty() && strip_leading(s)[0] == '>';
}

bool starts_html_comment(std::string_view s) {
  return indent_of(s) <= 3 && strip_leading(s).substr(0, 4) == "<!--";
}

// An HTML block: a line opening with a block-level tag.
bool starts_html_block(std::string_view s) {
  if (indent_of(s) > 3) return false;
  s = strip_leading(s);
  if (s.size() < 2 || s[0] != '<') return false;
  size_t i = s[1] == '/' ? 2 : 1;
  size_t name_end = i;
  while (name_end < s.size() && std::isalnum(static_cast<unsigned char>(s[name_end]))) ++name_end;
  if (name_end == i) return false;
  std::string name;
  for (size_t k = i; k < name_end; ++k) {
    name += static_cast<char>(std::tolower(static_cast<unsigned char>(s[k])));
  }
  static constexpr std::array<std::string_view, 32> kBlockTags = {
      "address", "article", "aside",   "blockquote", "details", "div", "dl",    "fieldset",
      "figure",  "footer",  "form",    "h1",         "h2",      "h3",  "h4",    "h5",
      "h6",      "header",  "hr",      "iframe",     "img",     "nav", "ol",    "p",
      "pre",     "script",  "section", "style",      "table",   "ul",  "video", "figcaption"};
  return std::find(kBlockTags.begin(), kBlockTags.end(), name) != kBlockTags.end();
}

bool is_footnote_definition(std::string_view s) {
  if (indent_of(s) > 3) return false;
  s = strip_leading(s);
  if (s.substr(0, 2) != "[^") return false;
  const size_t close = s.find("]:");
  return close != std::string_view::npos && close > 2 &&
         s.substr(2, close - 2).find(']') == std::string_view::npos;
}

bool is_link_definition(std::string_view s) {
  if (indent_of(s) > 3) return false;
  s = strip_leading(s);
  if (s.size() < 4 || s[0] != '[' || s[1] == '^') return false;
  const size_t close = s.find("]:");
  if (close == std::string_view::npos ||
      s.substr(1, close - 1).find(']') != std::string_view::npos) {
    return false;
  }
  return !is_blank(s.substr(close + 2));
}

bool is_table_delimiter(std::string_view s) {
  s = strip_trailing(strip_leading(s));
  if (s.empty() || s.find('-') == std::string_view::npos) return false;
  bool has_pipe = false;
  for (char c : s) {
    if (c == '|') {
      has_pipe = true;
    } else if (c != '-' && c != ':' && c != ' ' && c != '\t') {
      return false;
    }
  }
  return has_pipe;
}

// Headings that open a section of references rather than prose.
bool is_reference_heading(std::string_view title) {
  std::string key;
  for (char c : title) {
    if (c == '#' || c == ':' || c == '*' || c == '_' || c == '=') continue;
    key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  std::string_view k = strip_trailing(strip_leading(key));
  static constexpr std::array<std::string_view, 16> kTitles = {"references",
                                                               "sources",
                                                               "bibliography",
                                                               "notes",
                                                               "works cited",
                                                               "further reading",
                                                               "footnotes",
                                                               "citations",
                                                               "external links",
                                                               "literature",
                                                               "notes and references",
                                                               "references and notes",
                                                               "sources and references",
                                                               "endnotes",
                                                               "select bibliography",
                                                               "works consulted"};
  return std::find(kTitles.begin(), kTitles.end(), k) != kTitles.end();
}

// Plain text: a short single line with no sentence punctuation at its end reads as a title. A
// colon ends the line that introduces a quotation or a list ("He said:"), never a title.
bool looks_like_plain_title(std::string_view line) {
  line = strip_trailing(strip_leading(line));
  if (line.empty() || line.size() > 120) return false;
  const char last = line.back();
  if (last == '.' || last == ',' || last == ';' || last == ':' || last == '!' || last == '?' ||
      last == '"') {
    return false;
  }
  if (line.size() >= 3 && line.substr(line.size() - 3) == "\xE2\x80\x9D") return false;  // ”
  size_t length = 0;
  const char32_t first = utf8::decode(line, 0, length);
  if (!utf8::is_upper(first) && !utf8::is_digit(first)) return false;
  return std::count(line.begin(), line.end(), ' ') < 14;
}

class BlockParser {
 public:
  BlockParser(std::string_view text, Language language, std::vector<Block>& blocks)
      : text_(text), language_(language), blocks_(blocks), lines_(split_lines(text)) {}

  void parse() {
    size_t i = 0;
    if (language_ == Language::Markdown) i = parse_front_matter();
    while (i < lines_.size()) {
      if (is_blank(line(i))) {
        ++i;
        continue;
      }
      i = language_ == Language::Markdown ? parse_markdown_block(i) : parse_plain_block(i);
    }
  }

 private:
  std::string_view line(size_t i) const {
    return text_.substr(lines_[i].begin, lines_[i].end - lines_[i].begin);
  }

  void emit(BlockKind kind, size_t first_line, size_t last_line, int level = 0) {
    Block b;
    b.kind = kind;
    b.span = {lines_[first_line].begin, lines_[last_line].end - lines_[first_line].begin};
    b.heading_level = level;
    blocks_.push_back(b);
  }

  size_t parse_front_matter() {
    if (lines_.empty() || strip_trailing(line(0)) != "---") return 0;
    for (size_t i = 1; i < lines_.size(); ++i) {
      const auto l = strip_trailing(line(i));
      if (l == "---" || l == "...") {
        emit(BlockKind::FrontMatter, 0, i);
        return i + 1;
      }
    }
    return 0;
  }

  size_t parse_plain_block(size_t i) {
    size_t last = i;
    while (last + 1 < lines_.size() && !is_blank(line(last + 1))) ++last;
    if (last == i && looks_like_plain_title(line(i))) {
      emit(BlockKind::Heading, i, i, 2);
    } else {
      emit(BlockKind::Paragraph, i, last);
    }
    return last + 1;
  }

  size_t parse_markdown_block(size_t i) {
    const std::string_view l = line(i);
    char fence_char = 0;
    if (const size_t fence = fence_length(l, fence_char)) {
      size_t j = i + 1;
      for (; j < lines_.size(); ++j) {
        char c = 0;
        const auto closing = line(j);
        if (fence_length(closing, c) >= fence && c == fence_char &&
            strip_trailing(strip_leading(closing)).find_first_not_of(c) == std::string_view::npos) {
          break;
        }
      }
      const size_t last = std::min(j, lines_.size() - 1);
      emit(BlockKind::Code, i, last);
      in_list_ = false;
      return last + 1;
    }
    const int indent = indent_of(l);
    if (indent >= 2 && in_list_) return parse_list_item(i);
    if (indent >= 4) {
      size_t last = i;
      for (size_t j = i + 1; j < lines_.size(); ++j) {
        if (is_blank(line(j))) continue;
        if (indent_of(line(j)) < 4) break;
        last = j;
      }
      emit(BlockKind::Code, i, last);
      return last + 1;
    }
    if (starts_html_comment(l)) {
      size_t j = i;
      while (j < lines_.size() && line(j).find("-->") == std::string_view::npos) ++j;
      const size_t last = std::min(j, lines_.size() - 1);
      emit(BlockKind::Html, i, last);
      return last + 1;
    }
    in_list_ = false;
    if (starts_html_block(l)) return emit_until_blank(BlockKind::Html, i);
    if (const int level = atx_heading_level(l)) {
      emit(BlockKind::Heading, i, i, level);
      return i + 1;
    }
    if (is_thematic_break(l)) {
      emit(BlockKind::ThematicBreak, i, i);
      return i + 1;
    }
    if (is_footnote_definition(l)) return parse_footnote_definition(i);
    if (is_link_definition(l)) {
      emit(BlockKind::LinkDefinition, i, i);
      return i + 1;
    }
    if (is_blockquote(l)) return parse_blockquote(i);
    if (list_marker_width(l) > 0) return parse_list_item(i);
    if (l.find('|') != std::string_view::npos && i + 1 < lines_.size() &&
        is_table_delimiter(line(i + 1))) {
      return parse_table(i);
    }
    return parse_paragraph(i);
  }

  size_t emit_until_blank(BlockKind kind, size_t i) {
    size_t last = i;
    while (last + 1 < lines_.size() && !is_blank(line(last + 1))) ++last;
    emit(kind, i, last);
    return last + 1;
  }

  // True when a line would start a new block rather than continue a paragraph.
  bool interrupts_paragraph(std::string_view l) const {
    char c = 0;
    if (fence_length(l, c) || atx_heading_level(l) || is_blockquote(l) || starts_html_comment(l) ||
        starts_html_block(l) || is_footnote_definition(l)) {
      return true;
    }
    if (is_thematic_break(l) && strip_leading(l)[0] != '-') return true;
    const size_t marker = list_marker_width(l);
    if (marker == 0) return false;
    const auto s = strip_leading(l);
    return s[0] == '-' || s[0] == '*' || s[0] == '+' || s.substr(0, 2) == "1." ||
           s.substr(0, 2) == "1)";
  }

  size_t parse_paragraph(size_t i) {
    size_t last = i;
    while (last + 1 < lines_.size()) {
      const auto next = line(last + 1);
      if (is_blank(next)) break;
      if (is_setext_underline(next)) {
        emit(BlockKind::Heading, i, last + 1, strip_leading(next)[0] == '=' ? 1 : 2);
        return last + 2;
      }
      if (interrupts_paragraph(next)) break;
      ++last;
    }
    emit(BlockKind::Paragraph, i, last);
    return last + 1;
  }

  size_t parse_list_item(size_t i) {
    size_t last = i;
    while (last + 1 < lines_.size()) {
      const auto next = line(last + 1);
      if (is_blank(next) || list_marker_width(next) > 0 || interrupts_paragraph(next)) break;
      ++last;
    }
    emit(BlockKind::ListItem, i, last);
    in_list_ = true;
    return last + 1;
  }

  size_t parse_blockquote(size_t i) {
    // Each paragraph of a quote is its own block; a bare ">" line separates them.
    size_t first = i;
    size_t j = i;
    for (; j < lines_.size(); ++j) {
      const auto l = line(j);
      if (is_blank(l)) break;
      if (!is_blockquote(l)) {
        if (interrupts_paragraph(l)) break;
        continue;  // lazy continuation
      }
      const auto inner = strip_leading(strip_leading(l).substr(1));
      if (is_blank(inner)) {
        if (j > first) emit(BlockKind::BlockQuote, first, j - 1);
        first = j + 1;
      }
    }
    if (j > first) emit(BlockKind::BlockQuote, first, j - 1);
    return j;
  }

  size_t parse_footnote_definition(size_t i) {
    size_t last = i;
    for (size_t j = i + 1; j < lines_.size(); ++j) {
      const auto l = line(j);
      if (is_blank(l)) {
        // A definition continues over a blank line only with indented text after it.
        if (j + 1 < lines_.size() && !is_blank(line(j + 1)) && indent_of(line(j + 1)) >= 4)
          continue;
        break;
      }
      if (indent_of(l) < 4 && (is_footnote_definition(l) || interrupts_paragraph(l))) break;
      last = j;
    }
    emit(BlockKind::FootnoteDefinition, i, last);
    return last + 1;
  }

  size_t parse_table(size_t i) {
    emit(BlockKind::TableRow, i, i);
    emit(BlockKind::ThematicBreak, i + 1, i + 1);  // the delimiter row
    size_t j = i + 2;
    for (; j < lines_.size(); ++j) {
      const auto l = line(j);
      if (is_blank(l) || l.find('|') == std::string_view::npos) break;
      emit(BlockKind::TableRow, j, j);
    }
    return j;
  }

  std::string_view text_;
  Language language_;
  std::vector<Block>& blocks_;
  std::vector<Line> lines_;
  bool in_list_ = false;
};

}  // namespace

std::vector<Line> split_lines(std::string_view text) {
  std::vector<Line> lines;
  for (size_t pos = 0; pos <= text.size();) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    size_t end = nl;
    if (end > pos && text[end - 1] == '\r') --end;
    lines.push_back({pos, end});
    pos = nl + 1;
    if (nl == text.size()) break;
  }
  return lines;
}

void blank(std::string& prose, size_t begin, size_t end) {
  for (size_t i = begin; i < end && i < prose.size(); ++i) {
    if (prose[i] != '\n') prose[i] = ' ';
  }
}

size_t mask_html_comment(std::string_view text, size_t at, size_t end, std::string& prose,
                         std::vector<Span>& comments) {
  if (text.substr(at, std::min<size_t>(4, end - at)) != "<!--") return at;
  const size_t close = text.substr(at, end - at).find("-->");
  const size_t stop = close == std::string_view::npos ? end : at + close + 3;
  comments.push_back({at, stop - at});
  blank(prose, at, stop);
  return stop;
}

bool is_blank(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t' || c == '\r'; });
}

void parse_blocks(std::string_view text, Language language, std::vector<Block>& blocks) {
  if (language == Language::Wikitext) {
    parse_wikitext_blocks(text, blocks);
  } else {
    BlockParser(text, language, blocks).parse();
  }
  mark_reference_sections(text, language, blocks);
}

void mark_reference_sections(std::string_view text, Language language, std::vector<Block>& blocks) {
  const bool plain = language == Language::PlainText;
  int section_level = 0;  // level of the open reference heading, 0 when none
  for (auto& b : blocks) {
    if (b.kind == BlockKind::Heading) {
      if (section_level && !plain && b.heading_level <= section_level) section_level = 0;
      if (is_reference_heading(text.substr(b.span.offset, b.span.length))) {
        section_level = plain ? 1 : b.heading_level;
        continue;
      }
    }
    b.in_reference_section = section_level != 0;
  }
}

}  // namespace histlint::segmentation

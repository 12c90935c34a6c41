// MediaWiki markup: its blocks, and the masking that leaves only the prose a reader sees.
// Templates, references, file links, tables, comments and link targets are markup; the label of
// a link and the text of a few text-styling templates are prose.
#include <algorithm>
#include <array>
#include <cctype>

#include "rules/text/segmentation.h"

namespace histlint::segmentation {

namespace {

bool starts_with_folded(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
  }
  return true;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

// Index just past the "}}" or "]]" closing the pair opened at `open`, or npos. Pairs nest.
size_t close_of(std::string_view s, size_t open, char opener, char closer) {
  int depth = 0;
  for (size_t i = open; i + 1 < s.size(); ++i) {
    if (s[i] == opener && s[i + 1] == opener) {
      ++depth;
      ++i;
    } else if (s[i] == closer && s[i + 1] == closer) {
      ++i;
      if (--depth == 0) return i + 1;
    }
  }
  return std::string_view::npos;
}

// Link namespaces whose links show no text in the prose.
bool is_hidden_link(std::string_view target) {
  static constexpr std::array<std::string_view, 5> kHidden = {
      "file:", "image:", "category:", "media:", "wikt:"};
  target = trim(target);
  if (!target.empty() && target.front() == ':') return false;  // [[:Category:X]] shows text
  return std::any_of(kHidden.begin(), kHidden.end(),
                     [&](std::string_view ns) { return starts_with_folded(target, ns); });
}

// Heading level of "== Title ==", or 0.
int heading_level(std::string_view line) {
  line = trim(line);
  size_t lead = 0;
  while (lead < line.size() && line[lead] == '=') ++lead;
  size_t tail = 0;
  while (tail < line.size() - lead && line[line.size() - 1 - tail] == '=') ++tail;
  const size_t level = std::min(lead, tail);
  if (level == 0 || level > 6 || line.size() <= 2 * level) return 0;
  return static_cast<int>(level);
}

// Block-level tags whose content is markup, and those whose content is quoted prose.
constexpr std::array<std::string_view, 14> kMarkupTags = {
    "references", "gallery",     "div",         "table",        "center", "imagemap", "timeline",
    "noinclude",  "includeonly", "onlyinclude", "templatedata", "graph",  "mapframe", "score"};
constexpr std::array<std::string_view, 2> kQuoteTags = {"blockquote", "poem"};

// The tag name opening a line ("<gallery …>"), lower-cased, or empty.
std::string opening_tag(std::string_view line) {
  line = trim(line);
  std::string name;
  if (line.size() < 2 || line[0] != '<') return name;
  for (size_t i = 1; i < line.size() && std::isalpha(static_cast<unsigned char>(line[i])); ++i) {
    name += static_cast<char>(std::tolower(static_cast<unsigned char>(line[i])));
  }
  return name;
}

class WikitextParser {
 public:
  WikitextParser(std::string_view text, std::vector<Block>& blocks)
      : text_(text), blocks_(blocks), lines_(split_lines(text)) {}

  void parse() {
    size_t i = 0;
    while (i < lines_.size()) {
      if (is_blank(line(i))) {
        ++i;
        continue;
      }
      i = parse_block(i);
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

  size_t line_holding(size_t offset, size_t from) const {
    size_t j = from;
    while (j + 1 < lines_.size() && lines_[j].end < offset) ++j;
    return j;
  }

  // A construct opening at the start of line i and closing at `stop` is markup on its own when
  // nothing but white space follows it on its last line.
  bool alone_on_lines(size_t stop) const {
    const size_t nl = text_.find('\n', stop);
    return is_blank(text_.substr(stop, (nl == std::string_view::npos ? text_.size() : nl) - stop));
  }

  size_t parse_block(size_t i) {
    const std::string_view l = line(i);
    const std::string_view t = trim(l);
    const size_t start = lines_[i].begin + l.find_first_not_of(" \t");
    if (t.substr(0, 2) == "{{") {  // a template on its own lines: infobox, banner, reflist
      const size_t stop = close_of(text_, start, '{', '}');
      if (stop != std::string_view::npos && alone_on_lines(stop)) {
        const size_t last = line_holding(stop, i);
        emit(BlockKind::Html, i, last);
        return last + 1;
      }
    }
    if (t.substr(0, 2) == "{|") {  // a table, which may nest
      int depth = 0;
      size_t j = i;
      for (; j < lines_.size(); ++j) {
        const auto row = trim(line(j));
        if (row.substr(0, 2) == "{|") ++depth;
        if (row.substr(0, 2) == "|}" && --depth == 0) break;
      }
      const size_t last = std::min(j, lines_.size() - 1);
      emit(BlockKind::Html, i, last);
      return last + 1;
    }
    if (t.substr(0, 4) == "<!--") {
      const size_t close = text_.find("-->", start);
      if (close == std::string_view::npos || alone_on_lines(close + 3)) {
        const size_t last =
            close == std::string_view::npos ? lines_.size() - 1 : line_holding(close, i);
        emit(BlockKind::Html, i, last);
        return last + 1;
      }
    }
    if (t.substr(0, 2) == "[[") {  // a picture or category on its own line
      const size_t stop = close_of(text_, start, '[', ']');
      if (stop != std::string_view::npos && alone_on_lines(stop) &&
          is_hidden_link(text_.substr(start + 2, stop - start - 2))) {
        const size_t last = line_holding(stop, i);
        emit(BlockKind::Html, i, last);
        return last + 1;
      }
    }
    const std::string tag = opening_tag(t);
    const bool quote = std::find(kQuoteTags.begin(), kQuoteTags.end(), tag) != kQuoteTags.end();
    if (quote || std::find(kMarkupTags.begin(), kMarkupTags.end(), tag) != kMarkupTags.end()) {
      size_t last = i;
      if (t.find("/>") == std::string_view::npos) {
        const size_t close = text_.find("</" + tag, start);
        last = close == std::string_view::npos ? i : line_holding(close, i);
      }
      emit(quote ? BlockKind::BlockQuote : BlockKind::Html, i, last);
      return last + 1;
    }
    if (t.size() >= 2 && t.substr(0, 2) == "__" && t.substr(t.size() - 2) == "__") {
      emit(BlockKind::Html, i, i);  // __TOC__, __NOTOC__
      return i + 1;
    }
    if (const int level = heading_level(l)) {
      emit(BlockKind::Heading, i, i, level);
      return i + 1;
    }
    if (t.find_first_not_of('-') == std::string_view::npos && t.size() >= 4) {
      emit(BlockKind::ThematicBreak, i, i);
      return i + 1;
    }
    if (l[0] == '*' || l[0] == '#' || l[0] == ';' || l[0] == ':') {
      const size_t last = continue_open_markup(i);
      emit(BlockKind::ListItem, i, last);
      return last + 1;
    }
    if (l[0] == ' ') {  // preformatted text
      size_t last = i;
      while (last + 1 < lines_.size() && !line(last + 1).empty() && line(last + 1)[0] == ' ' &&
             !is_blank(line(last + 1))) {
        ++last;
      }
      emit(BlockKind::Code, i, last);
      return last + 1;
    }
    return parse_paragraph(i);
  }

  // True when a line starts a block of its own rather than continuing a paragraph.
  bool interrupts_paragraph(std::string_view l) const {
    const auto t = trim(l);
    if (l.empty()) return false;
    return l[0] == '*' || l[0] == '#' || l[0] == ';' || l[0] == ':' || heading_level(l) ||
           t.substr(0, 2) == "{|" || t.substr(0, 4) == "<!--" || !opening_tag(t).empty() ||
           (t.substr(0, 2) == "{{" && t.substr(t.size() - 2) == "}}");
  }

  // The last line of the construct starting on line i: lines go on while a reference, template
  // or link opened on them is still open.
  size_t continue_open_markup(size_t i) const {
    size_t last = i;
    int templates = 0;
    int links = 0;
    bool in_ref = false;
    for (;;) {
      const auto l = line(last);
      for (size_t k = 0; k + 1 < l.size(); ++k) {
        const std::string_view two = l.substr(k, 2);
        if (two == "{{") {
          ++templates, ++k;
        } else if (two == "}}") {
          templates = std::max(0, templates - 1), ++k;
        } else if (two == "[[") {
          ++links, ++k;
        } else if (two == "]]") {
          links = std::max(0, links - 1), ++k;
        } else if (l[k] != '<') {
          continue;  // the tests below all need a tag's '<'; this keeps the scan cheap
        } else if (starts_with_folded(l.substr(k), "<ref") && l.substr(k).size() > 4 &&
                   (l[k + 4] == '>' || l[k + 4] == ' ')) {
          const size_t gt = l.find('>', k);
          in_ref = gt == std::string_view::npos || l[gt - 1] != '/';
        } else if (starts_with_folded(l.substr(k), "</ref>")) {
          in_ref = false;
        }
      }
      if ((templates == 0 && links == 0 && !in_ref) || last + 1 >= lines_.size()) return last;
      ++last;
    }
  }

  size_t parse_paragraph(size_t i) {
    size_t last = continue_open_markup(i);
    while (last + 1 < lines_.size()) {
      const auto next = line(last + 1);
      if (is_blank(next) || interrupts_paragraph(next)) break;
      last = continue_open_markup(last + 1);
    }
    emit(BlockKind::Paragraph, i, last);
    return last + 1;
  }

  std::string_view text_;
  std::vector<Block>& blocks_;
  std::vector<Line> lines_;
};

// Templates that only style their last argument, which the reader sees: {{nowrap|…}},
// {{lang|fr|…}}, {{lang-kw|…}}.
bool shows_last_argument(std::string_view name) {
  name = trim(name);
  static constexpr std::array<std::string_view, 6> kStyling = {"nowrap", "lang",   "small",
                                                               "nobr",   "transl", "em"};
  std::string folded;
  for (char c : name) folded += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return std::find(kStyling.begin(), kStyling.end(), folded) != kStyling.end() ||
         folded.substr(0, 5) == "lang-";
}

class WikitextMasker {
 public:
  WikitextMasker(std::string_view text, std::string& prose, std::vector<Span>& comments)
      : text_(text), prose_(prose), comments_(comments) {}

  void mask_block(const Block& b) {
    blank_line_markers(b);
    const size_t end = b.span.end();
    for (size_t i = b.span.offset; i < end;) i = step(i, end);
  }

 private:
  void blank_line_markers(const Block& b) {
    for (size_t pos = b.span.offset; pos < b.span.end();) {
      size_t line_end = text_.find('\n', pos);
      if (line_end == std::string_view::npos || line_end > b.span.end()) line_end = b.span.end();
      size_t i = pos;
      if (b.kind == BlockKind::Heading) {
        while (i < line_end && (text_[i] == '=' || text_[i] == ' ')) ++i;
        blank(prose_, pos, i);
        size_t tail = line_end;
        while (tail > i &&
               (text_[tail - 1] == '=' || text_[tail - 1] == ' ' || text_[tail - 1] == '\r')) {
          --tail;
        }
        blank(prose_, tail, line_end);
      } else if (b.kind == BlockKind::ListItem) {
        while (i < line_end &&
               (text_[i] == '*' || text_[i] == '#' || text_[i] == ';' || text_[i] == ':')) {
          ++i;
        }
        blank(prose_, pos, i);
      }
      pos = line_end + 1;
    }
  }

  size_t step(size_t i, size_t end) {
    const std::string_view rest = text_.substr(i, end - i);
    if (rest.substr(0, 2) == "{{") return template_call(i, end);
    if (rest.substr(0, 2) == "[[") return internal_link(i, end);
    if (rest[0] == '[') return external_link(i, end);
    if (rest[0] == '<') return tag(i, end);
    if (rest.substr(0, 2) == "''") {
      size_t j = i;
      while (j < end && text_[j] == '\'') ++j;
      blank(prose_, i, j);
      return j;
    }
    if (rest[0] == '&') return entity(i, end);
    return i + 1;
  }

  size_t template_call(size_t i, size_t end) {
    size_t stop = close_of(text_.substr(0, end), i, '{', '}');
    if (stop == std::string_view::npos) stop = end;
    const std::string_view inner = text_.substr(i + 2, stop >= i + 4 ? stop - i - 4 : 0);
    const size_t bar = inner.rfind('|');
    if (bar != std::string_view::npos && shows_last_argument(inner.substr(0, inner.find('|'))) &&
        inner.substr(bar + 1).find_first_of("={}[]") == std::string_view::npos) {
      blank(prose_, i, i + 2 + bar + 1);
      blank(prose_, stop - 2, stop);
      return stop;
    }
    blank(prose_, i, stop);
    return stop;
  }

  size_t internal_link(size_t i, size_t end) {
    const size_t stop = close_of(text_.substr(0, end), i, '[', ']');
    if (stop == std::string_view::npos) {
      blank(prose_, i, i + 2);
      return i + 2;
    }
    const std::string_view inner = text_.substr(i + 2, stop - i - 4);
    if (is_hidden_link(inner)) {
      blank(prose_, i, stop);
      return stop;
    }
    const size_t bar = inner.find('|');
    const size_t label = bar == std::string_view::npos ? i + 2 : i + 2 + bar + 1;
    blank(prose_, i, label);
    blank(prose_, stop - 2, stop);
    for (size_t k = label; k < stop - 2;) k = step(k, stop - 2);
    return stop;
  }

  size_t external_link(size_t i, size_t end) {
    const std::string_view rest = text_.substr(i + 1, end - i - 1);
    if (!(starts_with_folded(rest, "http://") || starts_with_folded(rest, "https://") ||
          starts_with_folded(rest, "//"))) {
      return i + 1;
    }
    const size_t close = rest.find(']');
    const size_t nl = rest.find('\n');
    if (close == std::string_view::npos || (nl != std::string_view::npos && nl < close)) {
      return i + 1;
    }
    const size_t space = rest.substr(0, close).find(' ');
    const size_t label = space == std::string_view::npos ? i + 1 + close : i + 1 + space + 1;
    blank(prose_, i, label);
    blank(prose_, i + 1 + close, i + 2 + close);
    return i + 2 + close;
  }

  size_t tag(size_t i, size_t end) {
    const std::string_view rest = text_.substr(i, end - i);
    if (const size_t stop = mask_html_comment(text_, i, end, prose_, comments_); stop != i) {
      return stop;
    }
    const size_t gt = rest.find('>');
    if (gt == std::string_view::npos) return i + 1;
    size_t k = 1;
    if (k < rest.size() && rest[k] == '/') ++k;
    if (k >= rest.size() || !std::isalpha(static_cast<unsigned char>(rest[k]))) return i + 1;
    // A reference and its content are a citation, not prose.
    if (starts_with_folded(rest, "<ref") && (rest[4] == '>' || rest[4] == ' ')) {
      if (rest[gt - 1] == '/') {
        blank(prose_, i, i + gt + 1);
        return i + gt + 1;
      }
      size_t close = i + gt + 1;
      while (close < end && !starts_with_folded(text_.substr(close), "</ref")) ++close;
      const size_t after = text_.find('>', close);
      const size_t stop = after == std::string_view::npos || after >= end ? end : after + 1;
      blank(prose_, i, stop);
      return stop;
    }
    blank(prose_, i, i + gt + 1);
    return i + gt + 1;
  }

  size_t entity(size_t i, size_t end) {
    size_t j = i + 1;
    if (j < end && text_[j] == '#') ++j;
    while (j < end && j - i < 10 && std::isalnum(static_cast<unsigned char>(text_[j]))) ++j;
    if (j < end && text_[j] == ';' && j > i + 1) {
      blank(prose_, i, j + 1);
      return j + 1;
    }
    return i + 1;
  }

  std::string_view text_;
  std::string& prose_;
  std::vector<Span>& comments_;
};

size_t count_of(std::string_view text, std::string_view needle) {
  size_t n = 0;
  for (size_t at = text.find(needle); at != std::string_view::npos;
       at = text.find(needle, at + needle.size())) {
    ++n;
  }
  return n;
}

}  // namespace

bool looks_like_wikitext(std::string_view text) {
  size_t headings = 0;
  for (size_t pos = 0; pos < text.size();) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    const auto l = text.substr(pos, nl - pos);
    if (!l.empty() && l[0] == '=' && heading_level(l) >= 2) ++headings;
    pos = nl + 1;
  }
  // Each kind of wiki markup alone occurs elsewhere ("[[wiki links]]" in note apps, "==" as a
  // rule); two of them together do not.
  const int kinds = (count_of(text, "[[") >= 2) + (count_of(text, "{{") >= 1) +
                    (count_of(text, "<ref") >= 1) + (headings >= 1) + (count_of(text, "'''") >= 2);
  return kinds >= 2 && (count_of(text, "{{") + count_of(text, "<ref") + headings) > 0;
}

void parse_wikitext_blocks(std::string_view text, std::vector<Block>& blocks) {
  WikitextParser(text, blocks).parse();
}

void mask_wikitext(std::string_view text, const std::vector<Block>& blocks, std::string& prose,
                   std::vector<Span>& html_comments) {
  WikitextMasker masker(text, prose, html_comments);
  for (const auto& b : blocks) {
    if (!b.is_prose()) {
      // Searched only as far as a comment could start inside the block: searching to the end of
      // the text for every block is quadratic in a text with no comments.
      const std::string_view upto = text.substr(0, std::min(text.size(), b.span.end() + 3));
      for (size_t at = upto.find("<!--", b.span.offset); at < b.span.end();
           at = upto.find("<!--", at + 4)) {
        const size_t close = text.find("-->", at + 4);
        const size_t stop = close == std::string_view::npos ? text.size() : close + 3;
        html_comments.push_back({at, stop - at});
      }
      blank(prose, b.span.offset, b.span.end());
      continue;
    }
    masker.mask_block(b);
  }
}

}  // namespace histlint::segmentation

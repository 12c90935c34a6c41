#include "rules/garble/signals.h"

#include <algorithm>
#include <iterator>

#include <re2/re2.h>

#include "rules/text/utf8.h"

namespace histlint::garble {

namespace {

bool is_word_char(char32_t c) {
  return utf8::is_letter(c) || utf8::is_digit(c);
}

}  // namespace

std::vector<Word> split_words(std::string_view text, Span range) {
  std::vector<Word> words;
  size_t pos = range.offset;
  const size_t end = std::min(range.end(), text.size());
  while (pos < end) {
    size_t len = 0;
    while (pos < end && utf8::is_space(utf8::decode(text, pos, len))) pos += len;
    if (pos >= end) break;
    const size_t chunk_begin = pos;
    while (pos < end && !utf8::is_space(utf8::decode(text, pos, len))) pos += len;
    Word w;
    w.chunk = {chunk_begin, pos - chunk_begin};
    size_t core_begin = chunk_begin;
    while (core_begin < pos && !is_word_char(utf8::decode(text, core_begin, len))) {
      core_begin += len;
    }
    size_t core_end = pos;
    while (core_end > core_begin && !is_word_char(utf8::decode_before(text, core_end, len))) {
      core_end -= len;
    }
    w.core = {core_begin, core_end - core_begin};
    words.push_back(w);
  }
  return words;
}

bool has_non_ascii_letter(std::string_view s) {
  for (size_t pos = 0; pos < s.size();) {
    if (static_cast<unsigned char>(s[pos]) < 0x80) {
      ++pos;
      continue;
    }
    size_t len = 0;
    if (utf8::is_letter(utf8::decode(s, pos, len))) return true;
    pos += len;
  }
  return false;
}

bool is_line_structured(const Document& doc, const Block& block) {
  const std::string_view body = doc.slice(block.span);
  size_t lines = 0;
  size_t marked = 0;   // list bullets, numbers, years: lists and timelines
  size_t columns = 0;  // pipes, tabs or wide gaps: plain-text tables
  std::vector<size_t> lengths;
  for (size_t pos = 0; pos <= body.size();) {
    size_t nl = body.find('\n', pos);
    if (nl == std::string_view::npos) nl = body.size();
    std::string_view line = body.substr(pos, nl - pos);
    pos = nl + 1;
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t' || line.front() == '>'))
      line.remove_prefix(1);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.remove_suffix(1);
    if (line.empty()) continue;
    ++lines;
    lengths.push_back(line.size());
    const char first = line.front();
    if (first == '-' || first == '*' || first == '+' || (first >= '0' && first <= '9') ||
        line.substr(0, 3) == "\xE2\x80\xA2") {  // •
      ++marked;
    }
    if (line.find('|') != std::string_view::npos || line.find('\t') != std::string_view::npos ||
        line.find("   ") != std::string_view::npos) {
      ++columns;
    }
    if (nl == body.size()) break;
  }
  if (lines < 2) return false;
  if (2 * marked >= lines || 2 * columns >= lines) return true;
  std::nth_element(lengths.begin(), lengths.begin() + lengths.size() / 2, lengths.end());
  return lengths[lengths.size() / 2] <= 60;  // verse: short lines
}

void Evidence::add(std::string_view one, std::string_view many, size_t count,
                   std::string_view example) {
  if (count == 0) return;
  for (auto& item : items_) {
    if (item.many == many) {
      item.count += count;
      if (item.example.empty()) item.example = example;
      return;
    }
  }
  items_.push_back({std::string(one), std::string(many), count, std::string(example)});
}

void Evidence::merge(const Evidence& other) {
  for (const auto& item : other.items_) add(item.one, item.many, item.count, item.example);
}

std::string Evidence::describe(size_t limit) const {
  std::vector<const Item*> order;
  for (const auto& item : items_) order.push_back(&item);
  std::stable_sort(order.begin(), order.end(),
                   [](const Item* a, const Item* b) { return a->count > b->count; });
  if (order.size() > limit) order.resize(limit);
  std::string out;
  for (size_t i = 0; i < order.size(); ++i) {
    if (i > 0) out += i + 1 == order.size() ? " and " : ", ";
    if (order[i]->count == 1) {
      out += order[i]->one;
    } else {
      out += std::to_string(order[i]->count) + " " + order[i]->many;
      if (!order[i]->example.empty()) out += " such as " + order[i]->example;
    }
  }
  return out;
}

void for_each_match(const re2::RE2& re, std::string_view s,
                    const std::function<void(Span)>& found) {
  re2::StringPiece input(s.data(), s.size());
  re2::StringPiece match;
  size_t pos = 0;
  while (pos <= s.size() && re.Match(input, pos, s.size(), re2::RE2::UNANCHORED, &match, 1)) {
    const size_t begin = static_cast<size_t>(match.data() - s.data());
    found({begin, match.size()});
    pos = begin + std::max<size_t>(match.size(), 1);
  }
}

Fix delete_fix(std::string_view text, Span span, std::string title) {
  const bool at_line_start = span.offset == 0 || text[span.offset - 1] == '\n';
  size_t end = span.end();
  size_t begin = span.offset;
  if (at_line_start) {
    while (end < text.size() &&
           (text[end] == ' ' || text[end] == '\t' || text[end] == '\n' || text[end] == '\r')) {
      ++end;
    }
  } else {
    while (end < text.size() && (text[end] == ' ' || text[end] == '\t')) ++end;
    if (end == span.end()) {
      while (begin > 0 && (text[begin - 1] == ' ' || text[begin - 1] == '\t')) --begin;
    }
  }
  Fix fix;
  fix.title = std::move(title);
  fix.edits.push_back({{begin, end - begin}, ""});
  return fix;
}

std::string quote_excerpt(std::string_view s, size_t max_chars) {
  std::string out;
  size_t chars = 0;
  size_t pos = 0;
  while (pos < s.size()) {
    size_t len = 0;
    utf8::decode(s, pos, len);
    if (chars == max_chars) {
      out += "\xE2\x80\xA6";  // …
      break;
    }
    if (s[pos] == '\n' || s[pos] == '\r' || s[pos] == '\t') {
      if (out.empty() || out.back() != ' ') out += ' ';
    } else {
      out.append(s.substr(pos, len));
    }
    pos += len;
    ++chars;
  }
  return out;
}

}  // namespace histlint::garble

#include "rules/source/genre.h"

#include <re2/re2.h>

#include <algorithm>
#include <string>

#include "rules/options.h"

namespace histlint::source_rules {

namespace {

int count_matches(const re2::RE2& re, std::string_view text, int enough) {
  re2::StringPiece input(text.data(), text.size());
  int count = 0;
  while (count < enough && re2::RE2::FindAndConsume(&input, re)) ++count;
  return count;
}

// A newspaper's masthead near the top: "SUNDAY MORNING, SEPTEMBER 17, 1911", "56 PAGES",
// "FIVE CENTS", "PRICE ONE PENNY", "VOL. LXIII No. 20".
bool has_masthead(std::string_view text) {
  static const re2::RE2 re(
      R"((?i)\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b[^\n]{0,40}?)"
      R"(\b(?:january|february|march|april|may|june|july|august|september|october|november|)"
      R"(december)\s+\d{1,2},?\s+1[6-9]\d\d\b)"
      R"(|\b\d{1,3}\s+pages\b|\b(?:one|two|three|five|ten|\d{1,2})\s+cents\b)"
      R"(|\bprice\s+(?:one|two|three|\d)\s*(?:penny|pence|d\b|cents?))");
  return count_matches(re, text.substr(0, 3000), 1) > 0;
}

// Wire credits and datelines: "(By Associated Press)", "Special to The Tribune",
// "LONDON, May 4.—".
bool has_wire_credit(std::string_view text) {
  static const re2::RE2 re(
      R"((?i)\b(?:associated|united)\s+press\b|\bspecial\s+(?:to\s+the|dispatch|telegram|)"
      R"(correspondence)\b|\bnews\s+service\b)"
      R"(|(?m:^)\p{Lu}{3,}(?:\s\p{Lu}{2,})*,\s+(?-i:(?:Jan|Feb|March|April|May|June|July|Aug|)"
      R"(Sept?|Oct|Nov|Dec)\p{Ll}*\.?)\s+\d{1,2}\.?\s*(?:—|--|-))");
  return count_matches(re, text, 1) > 0;
}

// Narrow newspaper columns: most lines are short and wrap in mid-sentence, the next line going
// on in lower case. Books, web pages and encyclopedia text wrap far wider or not at all.
bool has_narrow_columns(std::string_view text) {
  size_t lines = 0;
  size_t wrapped = 0;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(start, end - start);
    const bool blank = line.find_first_not_of(" \t\r") == std::string_view::npos;
    if (!blank) {
      ++lines;
      const bool next_lower = end + 1 < text.size() && text[end + 1] >= 'a' && text[end + 1] <= 'z';
      if (line.size() <= 50 && next_lower) ++wrapped;
    }
    start = end + 1;
  }
  return lines >= 60 && wrapped * 5 >= lines * 2;
}

// "Sir," or "Dear Madam," opening the text and "Yours faithfully" or "your obedient servant"
// closing it.
bool is_letter(std::string_view text) {
  static const re2::RE2 opening(
      R"((?i)^\s*(?:(?:my\s+)?dear\s+)?(?:sir|sirs|madam|gentlemen|(?:my\s+)?dear\s+\p{L}[\p{L}.]*)"
      R"((?:\s+\p{L}[\p{L}.]*)?)\s*[,:]\s*\n)");
  static const re2::RE2 closing(
      R"((?i)\byours\s+(?:very\s+|most\s+)?(?:faithfully|truly|sincerely|respectfully|)"
      R"(obediently|affectionately)\b|\byour\s+(?:most\s+)?(?:humble\s+and\s+)?obedient\s+)"
      R"((?:humble\s+)?servant\b)");
  const std::string_view head = text.substr(0, 200);
  const std::string_view tail = text.substr(text.size() > 600 ? text.size() - 600 : 0);
  return re2::RE2::PartialMatch(re2::StringPiece(head.data(), head.size()), opening) &&
         count_matches(closing, tail, 1) > 0;
}

// The formulae of an official notice or proclamation.
bool is_notice(std::string_view text) {
  static const re2::RE2 re(
      R"((?i)\bnotice\s+is\s+hereby\s+given\b|\bgiven\s+under\s+(?:my|our)\s+hands?\b)"
      R"(|\bbe\s+it\s+(?:enacted|ordained|resolved)\s+by\b)");
  return count_matches(re, text, 1) > 0;
}

// Testimony taken down as questions and answers: "Q. Where were you? A. At home."
bool is_testimony(std::string_view text) {
  static const re2::RE2 question(R"((?m)^\s*Q[.:]\s+\S)");
  static const re2::RE2 answer(R"((?m)^\s*A[.:]\s+\S)");
  return count_matches(question, text, 3) >= 3 && count_matches(answer, text, 3) >= 3;
}

// Diary entries: paragraphs that open with the day, "2nd. In the morning…", "Jan. 1st (Lord's
// day).", "Monday, 3 March.".
bool is_diary(const Document& doc) {
  static const re2::RE2 entry(
      R"(^(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\p{Ll}*\.?\s+)?)"
      R"(\d{1,2}(?:st|nd|rd|th|d)\b\.?\s*(?:\([^)\n]{0,30}\)\.?)?\s+\p{Lu})"
      R"(|^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+\d{1,2}(?:st|nd|rd|th)?\s+)"
      R"(\p{Lu}\p{Ll}+\.)");
  int entries = 0;
  for (const auto& block : doc.blocks()) {
    if (block.kind != BlockKind::Paragraph) continue;
    const std::string_view head =
        std::string_view(doc.text())
            .substr(block.span.offset, std::min<size_t>(block.span.length, 60));
    if (re2::RE2::PartialMatch(re2::StringPiece(head.data(), head.size()), entry) && ++entries >= 3)
      return true;
  }
  return false;
}

}  // namespace

bool looks_like_primary_source(const Document& doc) {
  const std::string_view text = doc.text();
  if (is_letter(text) || is_notice(text) || is_testimony(text) || is_diary(doc)) return true;
  const int newspaper_signs =
      int{has_masthead(text)} + int{has_narrow_columns(text)} + int{has_wire_credit(text)};
  return newspaper_signs >= 2;
}

GenreFacts GenreFacts::extract(const Analysis& analysis) {
  Genre genre = analysis.options().genre;
  if (const auto written = analysis.doc().front_matter("genre")) {
    if (const auto parsed = parse_genre(*written)) genre = *parsed;
  }
  if (genre == Genre::Unknown) return {looks_like_primary_source(analysis.doc())};
  return {genre == Genre::Primary};
}

}  // namespace histlint::source_rules

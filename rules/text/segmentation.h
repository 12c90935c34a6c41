// Internal steps of building a Document; rules use Document, not these.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "rules/text/document.h"

namespace histlint::segmentation {

// One line of a text, by byte offsets.
struct Line {
  size_t begin = 0;
  size_t end = 0;  // before the line break ("\n" or "\r\n")
};

// The lines of `text`; an empty text, or one ending in a line break, ends with an empty line.
std::vector<Line> split_lines(std::string_view text);

// Only spaces, tabs and carriage returns.
bool is_blank(std::string_view s);

// Blanks prose[begin, end) to spaces, keeping line breaks so offsets and lines stay put.
void blank(std::string& prose, size_t begin, size_t end);

// When text[at, end) opens an HTML comment ("<!-- … -->", unclosed: to `end`), blanks it in
// `prose`, records it in `comments` and returns where it stops; otherwise returns `at`.
size_t mask_html_comment(std::string_view text, size_t at, size_t end, std::string& prose,
                         std::vector<Span>& comments);

// Splits text into blocks: Markdown-aware, or blank-line paragraphs (and title lines) for plain
// text.
void parse_blocks(std::string_view text, Language language, std::vector<Block>& blocks);

// Blanks to spaces everything in `prose` that is not prose (non-prose blocks, block markers,
// inline markup, link targets, inline HTML), and collects the HTML comments it meets.
void mask_markup(std::string_view text, Language language, const std::vector<Block>& blocks,
                 std::string& prose, std::vector<Span>& html_comments);

// MediaWiki markup: true when the text reads as wikitext (two kinds of wiki markup together).
bool looks_like_wikitext(std::string_view text);
void parse_wikitext_blocks(std::string_view text, std::vector<Block>& blocks);
void mask_wikitext(std::string_view text, const std::vector<Block>& blocks, std::string& prose,
                   std::vector<Span>& html_comments);

// Marks the blocks under a References, Sources, Notes… heading, up to the next heading of the
// same or a higher level (plain text: to the end).
void mark_reference_sections(std::string_view text, Language language, std::vector<Block>& blocks);

// Appends the sentences of one block, reading the masked prose text.
void split_sentences(std::string_view text, std::string_view prose, const Block& block,
                     uint32_t block_index, std::vector<Sentence>& sentences);

}  // namespace histlint::segmentation

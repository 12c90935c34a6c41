// The text model every rule reads: UTF-8 text, its lines, Markdown-aware blocks and sentences.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rules/finding.h"

namespace histlint {

enum class Language { Markdown, PlainText, Wikitext };

// ".txt" and ".text" are plain text; ".wiki", ".mediawiki" and ".wikitext" are MediaWiki markup;
// everything else (".md", ".markdown", stdin) is Markdown. A Document reads text that is plainly
// wikitext as wikitext whatever the path says.
Language language_for_path(std::string_view path);

enum class BlockKind {
  Paragraph,
  Heading,
  ListItem,
  BlockQuote,  // a paragraph inside a "> " quote
  TableRow,
  Code,  // fenced or indented: never prose
  FrontMatter,
  Html,  // HTML blocks and comments: never prose
  FootnoteDefinition,
  LinkDefinition,  // [label]: url — never prose
  ThematicBreak,
};

struct Block {
  BlockKind kind = BlockKind::Paragraph;
  Span span;              // the whole block in text(), markup included
  int heading_level = 0;  // 1..6 for headings
  // Under a heading such as References, Sources, Bibliography, Notes, Works cited, Further reading.
  bool in_reference_section = false;
  uint32_t first_sentence = 0;  // index into Document::sentences()
  uint32_t sentence_count = 0;
  bool is_prose() const {
    return kind != BlockKind::Code && kind != BlockKind::FrontMatter && kind != BlockKind::Html &&
           kind != BlockKind::LinkDefinition && kind != BlockKind::ThematicBreak;
  }
};

struct Sentence {
  Span span;  // trimmed of surrounding white space and markup
  uint32_t block = 0;
};

class Document {
 public:
  Document(std::string text, Language language);
  // One block of `whole` as a document of its own: its text and its prose as masked in the
  // whole document, its sentences, and the HTML comments inside it. Offsets are relative to the
  // block's start.
  Document(const Document& whole, const Block& block);

  const std::string& text() const { return text_; }
  // Same byte length as text(), with everything that is not prose blanked to spaces: code,
  // front matter, HTML and comments, link targets, emphasis and heading markers, list bullets;
  // in wikitext also templates, references, file links, tables and link targets.
  // Offsets into prose() are offsets into text(), so rules can match on prose() and report spans.
  const std::string& prose() const { return prose_; }
  Language language() const { return language_; }

  const std::vector<Block>& blocks() const { return blocks_; }
  const std::vector<Sentence>& sentences() const { return sentences_; }
  // HTML comments (<!-- ... -->), for inline suppressions.
  const std::vector<Span>& html_comments() const { return html_comments_; }

  std::string_view slice(Span s) const {
    return std::string_view(text_).substr(s.offset, s.length);
  }
  std::string_view prose_slice(Span s) const {
    return std::string_view(prose_).substr(s.offset, s.length);
  }

  size_t line_count() const { return line_starts_.size(); }
  size_t line_of(size_t offset) const;  // 0-based line holding the byte offset
  size_t line_start(size_t line) const { return line_starts_[line]; }

  // The block or sentence holding a byte offset, or null.
  const Block* block_at(size_t offset) const;
  const Sentence* sentence_at(size_t offset) const;
  // Sentences of one block.
  const Sentence* block_sentences_begin(const Block& b) const {
    return sentences_.data() + b.first_sentence;
  }
  const Sentence* block_sentences_end(const Block& b) const {
    return sentences_.data() + b.first_sentence + b.sentence_count;
  }

  // A "key: value" line of the YAML front matter, unquoted; nullopt when absent.
  std::optional<std::string_view> front_matter(std::string_view key) const;

 private:
  std::string text_;
  std::string prose_;
  Language language_;
  std::vector<uint32_t> line_starts_;
  std::vector<Block> blocks_;
  std::vector<Sentence> sentences_;
  std::vector<Span> html_comments_;
  Span front_matter_{};
};

}  // namespace histlint

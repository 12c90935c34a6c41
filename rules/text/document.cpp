#include "rules/text/document.h"

#include <algorithm>

#include "rules/text/segmentation.h"

namespace histlint {

Language language_for_path(std::string_view path) {
  auto ends_with = [&](std::string_view suffix) {
    if (path.size() < suffix.size()) return false;
    auto tail = path.substr(path.size() - suffix.size());
    return std::equal(tail.begin(), tail.end(), suffix.begin(), [](char a, char b) {
      return std::tolower(static_cast<unsigned char>(a)) == b;
    });
  };
  if (ends_with(".wiki") || ends_with(".mediawiki") || ends_with(".wikitext")) {
    return Language::Wikitext;
  }
  return ends_with(".txt") || ends_with(".text") ? Language::PlainText : Language::Markdown;
}

Document::Document(std::string text, Language language)
    : text_(std::move(text)),
      language_(segmentation::looks_like_wikitext(text_) ? Language::Wikitext : language) {
  line_starts_.push_back(0);
  for (size_t i = text_.find('\n'); i != std::string::npos; i = text_.find('\n', i + 1)) {
    line_starts_.push_back(static_cast<uint32_t>(i + 1));
  }
  segmentation::parse_blocks(text_, language_, blocks_);
  segmentation::mask_markup(text_, language_, blocks_, prose_, html_comments_);
  for (uint32_t i = 0; i < blocks_.size(); ++i) {
    auto& b = blocks_[i];
    if (b.kind == BlockKind::FrontMatter) front_matter_ = b.span;
    b.first_sentence = static_cast<uint32_t>(sentences_.size());
    if (b.is_prose()) segmentation::split_sentences(text_, prose_, b, i, sentences_);
    b.sentence_count = static_cast<uint32_t>(sentences_.size()) - b.first_sentence;
  }
}

Document::Document(const Document& whole, const Block& block)
    : text_(whole.slice(block.span)),
      prose_(whole.prose_slice(block.span)),
      language_(whole.language_) {
  const size_t base = block.span.offset;
  line_starts_.push_back(0);
  for (size_t i = text_.find('\n'); i != std::string::npos; i = text_.find('\n', i + 1)) {
    line_starts_.push_back(static_cast<uint32_t>(i + 1));
  }
  Block own = block;
  own.span.offset = 0;
  own.first_sentence = 0;
  blocks_.push_back(own);
  for (const Sentence* s = whole.block_sentences_begin(block);
       s != whole.block_sentences_end(block); ++s) {
    sentences_.push_back({{s->span.offset - base, s->span.length}, 0});
  }
  for (const Span& comment : whole.html_comments_) {
    if (comment.offset >= base && comment.end() <= block.span.end()) {
      html_comments_.push_back({comment.offset - base, comment.length});
    }
  }
}

size_t Document::line_of(size_t offset) const {
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  return static_cast<size_t>(it - line_starts_.begin()) - 1;
}

const Block* Document::block_at(size_t offset) const {
  auto it = std::upper_bound(blocks_.begin(), blocks_.end(), offset,
                             [](size_t o, const Block& b) { return o < b.span.offset; });
  if (it == blocks_.begin()) return nullptr;
  --it;
  return offset < it->span.end() ? &*it : nullptr;
}

const Sentence* Document::sentence_at(size_t offset) const {
  auto it = std::upper_bound(sentences_.begin(), sentences_.end(), offset,
                             [](size_t o, const Sentence& s) { return o < s.span.offset; });
  if (it == sentences_.begin()) return nullptr;
  --it;
  return offset < it->span.end() ? &*it : nullptr;
}

std::optional<std::string_view> Document::front_matter(std::string_view key) const {
  std::string_view fm = slice(front_matter_);
  while (!fm.empty()) {
    const size_t nl = fm.find('\n');
    std::string_view line = fm.substr(0, nl);
    fm = nl == std::string_view::npos ? std::string_view() : fm.substr(nl + 1);
    if (line.size() <= key.size() || line.substr(0, key.size()) != key || line[key.size()] != ':') {
      continue;
    }
    std::string_view value = line.substr(key.size() + 1);
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t'))
      value.remove_prefix(1);
    while (!value.empty() && (value.back() == ' ' || value.back() == '\r')) value.remove_suffix(1);
    if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') &&
        value.back() == value.front()) {
      value = value.substr(1, value.size() - 2);
    }
    return value;
  }
  return std::nullopt;
}

}  // namespace histlint

// Helpers for the people tests: analyse a text against the bundled knowledge base (or a given
// one) and look at what was recognised.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "rules/analysis.h"
#include "rules/extract/people.h"
#include "rules/kb/knowledge_base.h"
#include "rules/options.h"
#include "rules/text/document.h"
#include "server/kb_files.h"

namespace histlint::testing {

class PeopleFixture {
 public:
  explicit PeopleFixture(std::string text, const KnowledgeBase& kb = bundled_knowledge_base(),
                         Language language = Language::PlainText)
      : doc_(std::move(text), language), analysis_(doc_, options_, kb, "test.txt") {}

  const Analysis& analysis() const { return analysis_; }
  const PeopleFacts& facts() const { return analysis_.facts<PeopleFacts>(); }
  const std::string& text() const { return doc_.text(); }

  // Offset of the n-th occurrence (0-based) of `needle`.
  size_t at(std::string_view needle, size_t nth = 0) const {
    size_t pos = doc_.text().find(needle);
    while (nth-- > 0 && pos != std::string::npos) pos = doc_.text().find(needle, pos + 1);
    return pos;
  }

  // The person id recognised at the n-th occurrence of `needle`; "" when unresolved,
  // "<none>" when no name is recognised there.
  std::string id_at(std::string_view needle, size_t nth = 0) const {
    const size_t pos = at(needle, nth);
    if (pos == std::string::npos) return "<missing text>";
    const PersonMention* m = facts().mention_at(pos);
    return m ? m->person_id : "<none>";
  }

  // The recognised span's text at the n-th occurrence of `needle`.
  std::string span_at(std::string_view needle, size_t nth = 0) const {
    const PersonMention* m = facts().mention_at(at(needle, nth));
    return m ? std::string(doc_.slice(m->span)) : "<none>";
  }

  std::vector<std::string> candidates_at(std::string_view needle, size_t nth = 0) const {
    const PersonMention* m = facts().mention_at(at(needle, nth));
    return m ? m->candidates : std::vector<std::string>{};
  }

 private:
  Options options_;
  Document doc_;
  Analysis analysis_;
};

// A knowledge base parsed from JSON text, failing the test when it does not parse.
inline KnowledgeBase parse_kb(std::string_view json) {
  std::string error;
  auto kb = KnowledgeBase::parse(json, "test-people.json", &error);
  if (!kb) throw std::runtime_error(error);
  return std::move(*kb);
}

}  // namespace histlint::testing

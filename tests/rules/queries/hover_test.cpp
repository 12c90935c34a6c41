#include <doctest/doctest.h>

#include "rules/kb/knowledge_base.h"
#include "rules/queries/hover.h"
#include "server/kb_files.h"

using namespace histlint;

TEST_CASE("hover_at answers for people and for dates, and nothing elsewhere") {
  const std::string text = "Leon Trotsky reached Tampico on 9 January 1937 by tanker.";
  const Document doc(text, Language::Markdown);
  const Options options;
  const Analysis analysis(doc, options, bundled_knowledge_base());

  const auto person = hover_at(analysis, text.find("Trotsky"));
  REQUIRE(person);
  CHECK(person->markdown.find("1879") != std::string::npos);

  const auto date = hover_at(analysis, text.find("January"));
  REQUIRE(date);
  CHECK(date->markdown.find("1937") != std::string::npos);

  CHECK_FALSE(hover_at(analysis, text.find("tanker")));
}

// Bad input never crashes or hangs the source/ rules: unbalanced markup, runs of quotes and
// brackets, invalid UTF-8 and long single-line paragraphs.
#include <doctest/doctest.h>

#include <random>

#include "rules/source/genre.h"
#include "source_test_util.h"

using namespace histlint;

namespace {

std::vector<Finding> all_source_rules(const std::string& text, Language language) {
  RuleRegistry registry;
  register_source_rules(registry);
  Options options;
  options.rules.push_back({"source/*", "on"});
  const Document doc(text, language);
  const KnowledgeBase kb;
  const Analysis analysis(doc, options, kb);
  return run_rules(analysis, registry);
}

}  // namespace

TEST_CASE("hostile input: unbalanced and repeated markup") {
  const std::string cases[] = {
      std::string(5000, '['),
      std::string(5000, '('),
      std::string(5000, '`'),
      std::string(3000, '"'),
      "“" + std::string(4000, 'a') + " said 273 times",
      "[^" + std::string(2000, 'x'),
      "[^1]:\n[^1]:\n[^1]:\n" + std::string(100, '\n') + "[^1]",
      "He said, ‘" + std::string(2000, ' ') + "’ and “”“”“” 14 armies.[",
      "\xC3\x28 273 times \xFF\xFE (Deutscher 1954 [1, p. \xE2\x80",
      "> \n>\n> — \n\n— \n\nSource:\n\nSource: \n",
      "According to\nthe\n\n[citation needed][citation needed]{{cn",
  };
  for (const auto& text : cases) {
    CHECK_NOTHROW(all_source_rules(text, Language::Markdown));
    CHECK_NOTHROW(all_source_rules(text, Language::PlainText));
  }
}

TEST_CASE("hostile input: random bytes drawn from markup and prose") {
  std::mt19937 rng(20240601);
  const std::string alphabet =
      "abc XYZ 0123456789 ,.;:!?()[]{}<>^*_`#>-–—\"'“”‘’«»„$%£\n\n\t¹²³ the most said 273 times "
      "according to (Carr 1950) [1] [^2] https://x.org Source: — ";
  for (int round = 0; round < 200; ++round) {
    std::string text;
    const int length = 1 + static_cast<int>(rng() % 600);
    for (int i = 0; i < length; ++i) text += alphabet[rng() % alphabet.size()];
    CHECK_NOTHROW(all_source_rules(text, round % 2 ? Language::Markdown : Language::PlainText));
  }
}

TEST_CASE("hostile input: a long single-line paragraph stays linear") {
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "He faced 14 armies, “some said so” (Carr 1950) [3] and ";
  const auto findings = all_source_rules(text, Language::Markdown);
  CHECK(findings.empty());  // every figure is followed by a citation
}

TEST_CASE("hostile input: a megabyte of figures without a sentence end") {
  std::string text;
  for (int i = 0; i < 40000; ++i) text += "then " + std::to_string(100 + i) + " more carts and ";
  // One sentence, so one finding; the repeated-figure check must not compare every pair.
  CHECK(all_source_rules(text, Language::PlainText).size() == 1);
}

TEST_CASE("hostile input: genre recognition on degenerate layouts") {
  const std::string one_line(1 << 20, 'a');
  CHECK_FALSE(source_rules::looks_like_primary_source(Document(one_line, Language::PlainText)));
  std::string short_lines;
  for (int i = 0; i < 100000; ++i) short_lines += "Q. x\nA. y\n";
  CHECK(source_rules::looks_like_primary_source(Document(short_lines, Language::PlainText)));
  std::string nested;
  for (int i = 0; i < 20000; ++i) nested += "“‘«„‹ Sir, ";
  CHECK_FALSE(source_rules::looks_like_primary_source(Document(nested, Language::PlainText)));
}

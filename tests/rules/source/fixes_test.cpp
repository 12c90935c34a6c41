// The code actions every unsourced-claim finding offers.
#include <doctest/doctest.h>

#include <algorithm>

#include "source_test_util.h"

using namespace histlint;
using histlint::test::run_rule;

namespace {

std::string apply(std::string text, const Fix& fix) {
  // As in LSP, edits at the same position apply in the order given: insert from the back.
  std::vector<std::pair<size_t, size_t>> order;  // (offset, index)
  for (size_t i = 0; i < fix.edits.size(); ++i) order.emplace_back(fix.edits[i].span.offset, i);
  std::sort(order.rbegin(), order.rend());
  for (const auto& [offset, i] : order) {
    const auto& e = fix.edits[i];
    text.replace(e.span.offset, e.span.length, e.replacement);
  }
  return text;
}

}  // namespace

TEST_CASE("fix: insert [citation needed] after the sentence") {
  const std::string text = "He voted with them 273 times. Then he left.";
  const auto run = run_rule(source_rules::unsourced_statistic(), text, Language::PlainText);
  REQUIRE(run.findings.size() == 1);
  REQUIRE(run.findings[0].fixes.size() == 1);  // no footnotes in plain text
  CHECK(run.findings[0].fixes[0].title == "Insert [citation needed] after the sentence");
  const std::string fixed = apply(text, run.findings[0].fixes[0]);
  CHECK(fixed == "He voted with them 273 times.[citation needed] Then he left.");
  // The fix resolves the finding.
  CHECK(run_rule(source_rules::unsourced_statistic(), fixed, Language::PlainText).findings.empty());
}

TEST_CASE("fix: insert the next free footnote with an empty definition at the end") {
  const std::string text =
      "It lost 40 per cent of its members. It grew.[^2]\n\n[^2]: Service 2009.\n";
  const auto run = run_rule(source_rules::unsourced_statistic(), text);
  REQUIRE(run.findings.size() == 0);  // the footnote after it covers the figure

  const std::string uncited = "He faced 14 armies.\n\nIt grew.[^2]\n\n[^2]: Service 2009.\n";
  const auto run2 = run_rule(source_rules::unsourced_statistic(), uncited);
  REQUIRE(run2.findings.size() == 1);
  REQUIRE(run2.findings[0].fixes.size() == 2);
  CHECK(run2.findings[0].fixes[1].title ==
        "Insert footnote [^3] with an empty definition at the end");
  CHECK(apply(uncited, run2.findings[0].fixes[1]) ==
        "He faced 14 armies.[^3]\n\nIt grew.[^2]\n\n[^2]: Service 2009.\n[^3]: \n");

  const std::string bare = "He faced 14 armies.";
  const auto run3 = run_rule(source_rules::unsourced_statistic(), bare);
  REQUIRE(run3.findings.size() == 1);
  CHECK(apply(bare, run3.findings[0].fixes[1]) == "He faced 14 armies.[^1]\n\n[^1]: \n");
}

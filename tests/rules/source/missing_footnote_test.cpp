#include <doctest/doctest.h>

#include "source_test_util.h"

using namespace histlint;
using namespace histlint::test;

namespace {
const RuleDef& rule = source_rules::missing_footnote();
}  // namespace

TEST_CASE("missing footnote: a reference with no definition, with a fix") {
  const std::string text = "He arrived.[^1] He left.[^2] He died.[^2]\n\n[^1]: Deutscher, p. 20.\n";
  const auto run = run_rule(rule, text);
  CHECK(run.flagged() == Strings{"[^2]", "[^2]"});
  REQUIRE(run.findings.size() == 2);
  CHECK(run.findings[0].severity == Severity::Warning);
  CHECK(run.findings[0].message == "footnote reference [^2] has no definition");
  REQUIRE(run.findings[0].fixes.size() == 1);
  const auto& edit = run.findings[0].fixes[0].edits.at(0);
  CHECK(edit.span.offset == text.size());
  CHECK(edit.replacement == "[^2]: \n");  // after the existing definitions
  CHECK(run.findings[1].fixes.empty());   // one fix per label
}

TEST_CASE("missing footnote: unused, empty and duplicate definitions") {
  const auto run = run_rule(rule,
                            "Text.[^a] More.[^b]\n\n[^a]: Source A.\n[^b]:\n[^c]: Never used.\n"
                            "[^a]: Second A.\n");
  REQUIRE(run.findings.size() == 3);  // in document order
  CHECK(run.findings[0].message == "footnote [^b] has an empty definition: add the source");
  CHECK(run.findings[0].severity == Severity::Hint);
  CHECK(run.findings[1].message == "footnote [^c] is defined but never referenced");
  CHECK(run.findings[1].severity == Severity::Hint);
  CHECK(run.findings[2].message ==
        "footnote [^a] is defined twice; renderers use the first definition, on line 3");
  CHECK(run.findings[2].severity == Severity::Warning);
  CHECK(run.findings[2].related.size() == 1);
}

TEST_CASE("missing footnote: labels match case-insensitively; code and plain text are skipped") {
  CHECK(run_rule(rule, "Text.[^Note]\n\n[^note]: A source.\n").findings.empty());
  CHECK(run_rule(rule, "```\nx[^9]\n```\n").findings.empty());
  CHECK(run_rule(rule, "Text [^9] in plain text.", Language::PlainText).findings.empty());
}

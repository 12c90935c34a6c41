// Every output format against a golden file, built from one fixed set of findings that exercises
// positions (UTF-16 surrogates, CRLF), related evidence, fixes and characters needing escapes.
// Set HISTLINT_UPDATE_GOLDEN=1 to rewrite the golden files, then review the diff.
#include "server/report.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace histlint {
namespace {

const std::string kGoldenDir = std::string(HISTLINT_SOURCE_DIR) + "/tests/cli/golden/";

// Line 2 starts with an emoji (two UTF-16 units, four bytes); lines end in CRLF.
const std::string kText =
    "# Carr\r\n"
    "\xF0\x9F\x93\x9C Born 31 June 1892, he lived 1982\xE2\x80\x93"
    "1892.\r\n"
    "Revenue grew by 50%, critics said.\r\n";

size_t offset_of(std::string_view needle) {
  return kText.find(needle);
}

Report sample_report() {
  std::vector<Finding> findings;
  findings.push_back(Finding{
      .rule = "date/impossible-date",
      .severity = Severity::Error,
      .span = {offset_of("31 June 1892"), std::string_view("31 June 1892").size()},
      .message = "June has 30 days, so 31 June 1892 never happened.",
      .related = {},
      .fixes = {Fix{.title = "Change to 30 June 1892",
                    .edits = {TextEdit{.span = {offset_of("31 June"), 2}, .replacement = "30"}}}}});
  findings.push_back(Finding{
      .rule = "date/reversed-range",
      .severity = Severity::Warning,
      .span = {offset_of("1982"), std::string_view("1982\xE2\x80\x93"
                                                   "1892")
                                      .size()},
      .message = "The range 1982\xE2\x80\x93"
                 "1892 ends before it starts.\nDid you mean 1892\xE2\x80\x93"
                 "1982?",
      .related = {Related{.path = "",
                          .span = {offset_of("31 June 1892"), 12},
                          .message = "birth date given here"},
                  Related{
                      .path = "people/carr.md", .span = {10, 4}, .message = "death year, 100%"}},
      .fixes = {}});
  findings.push_back(Finding{.rule = "source/unsourced-statistic",
                             .severity = Severity::Information,
                             .span = {offset_of("50%"), 3},
                             .message = "A statistic (50%) with no citation, here: a, b.",
                             .related = {},
                             .fixes = {}});
  Report report;
  report.files.push_back(make_checked_file("docs/carr, e:h.md", kText, findings));
  report.files.push_back(make_checked_file("docs/clean.md", "Nothing to see.\n", {}));
  report.problems.push_back({"docs/latin1.txt", "docs/latin1.txt: not UTF-8 text"});
  return report;
}

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void check_golden(const std::string& name, const std::string& actual) {
  const std::string path = kGoldenDir + name;
  if (std::getenv("HISTLINT_UPDATE_GOLDEN")) {
    std::ofstream(path, std::ios::binary) << actual;
    MESSAGE("updated " << path);
    return;
  }
  const std::string expected = read(path);
  REQUIRE_MESSAGE(!expected.empty(), "missing golden file " << path);
  CHECK(actual == expected);
}

std::string render(ReportFormat format) {
  std::ostringstream out;
  write_report(format, sample_report(), "/work/repo", out);
  return out.str();
}

TEST_CASE("positions: 0-based lines, UTF-16 and byte columns, CRLF line ends") {
  const Report report = sample_report();
  const auto& first = report.files[0].findings[0];
  CHECK(first.range.start.line == 1);
  CHECK(first.range.start.utf16_column == 8);  // the emoji counts two UTF-16 units
  CHECK(first.range.start.byte_column == 10);  // and four bytes
  CHECK(first.range.end.utf16_column == 20);
  const auto& third = report.files[0].findings[2];
  CHECK(third.range.start.line == 2);
  CHECK(third.range.start.utf16_column == 16);
  REQUIRE(report.files[0].findings[1].related.size() == 2);
  CHECK(report.files[0].findings[1].related[0].path == "docs/carr, e:h.md");
  CHECK(report.files[0].findings[1].related[0].range.has_value());
  CHECK_FALSE(report.files[0].findings[1].related[1].range.has_value());
}

TEST_CASE("text format") {
  check_golden("report.text", render(ReportFormat::Text));
}
TEST_CASE("json format") {
  check_golden("report.json", render(ReportFormat::Json));
}
TEST_CASE("jsonl format") {
  check_golden("report.jsonl", render(ReportFormat::Jsonl));
}
TEST_CASE("github format") {
  check_golden("report.github", render(ReportFormat::Github));
}
TEST_CASE("rdjson format") {
  check_golden("report.rdjson", render(ReportFormat::Rdjson));
}

TEST_CASE("sarif format") {
  // The rule catalogue and the version change as rules land; the golden file holds the rest,
  // and the catalogue is checked for consistency with the results instead.
  auto sarif = nlohmann::ordered_json::parse(render(ReportFormat::Sarif));
  auto& driver = sarif["runs"][0]["tool"]["driver"];
  const auto rules = driver["rules"];
  for (const auto& result : sarif["runs"][0]["results"]) {
    if (result.contains("ruleIndex")) {
      CHECK(rules[result["ruleIndex"].get<size_t>()]["id"] == result["ruleId"]);
    }
  }
  for (const auto& rule : rules) {
    CHECK_FALSE(rule["shortDescription"]["text"].get<std::string>().empty());
    CHECK_FALSE(rule["fullDescription"]["text"].get<std::string>().empty());
  }
  driver["rules"] = "(the rule catalogue)";
  driver["version"] = "(version)";
  driver["semanticVersion"] = "(version)";
  for (auto& result : sarif["runs"][0]["results"]) result.erase("ruleIndex");
  check_golden("report.sarif", sarif.dump(2) + "\n");
}

TEST_CASE("json lists files without findings and keeps byte offsets") {
  const auto json = nlohmann::json::parse(render(ReportFormat::Json));
  CHECK(json["version"] == 1);
  REQUIRE(json["files"].size() == 2);
  CHECK(json["files"][1]["path"] == "docs/clean.md");
  CHECK(json["files"][1]["diagnostics"].empty());
  const auto& diagnostic = json["files"][0]["diagnostics"][0];
  CHECK(kText.substr(diagnostic["offset"].get<size_t>(), diagnostic["length"].get<size_t>()) ==
        "31 June 1892");
}

TEST_CASE("github escaping of data and properties") {
  const std::string out = render(ReportFormat::Github);
  CHECK(out.find("file=docs/carr%2C e%3Ah.md,") != std::string::npos);
  CHECK(out.find("ends before it starts.%0ADid you mean") != std::string::npos);
  CHECK(out.find("(50%25)") != std::string::npos);
  CHECK(out.find("::notice ") != std::string::npos);
}

Finding finding_at(size_t offset, size_t length, std::vector<Related> related = {}) {
  Finding finding;
  finding.rule = "x/y";
  finding.span = {offset, length};
  finding.message = "m";
  finding.related = std::move(related);
  return finding;
}

TEST_CASE("fingerprints ignore white space and position, and count repeats") {
  CHECK(finding_fingerprint("a/b", "31 June\n  1892") ==
        finding_fingerprint("a/b", "31 June 1892"));
  CHECK(finding_fingerprint("a/b", " 31 June 1892 ") == finding_fingerprint("a/b", "31 June 1892"));
  CHECK(finding_fingerprint("a/b", "31 June 1892") != finding_fingerprint("a/c", "31 June 1892"));
  CHECK(finding_fingerprint("a/b", "31 June 1892") != finding_fingerprint("a/b", "31 June 1893"));
  CHECK(finding_fingerprint("a/b", "x").size() == 16);

  const std::string text = "Intro.\n\n31 June.\n\nLater, 31 June.\n";
  std::vector<Finding> findings;
  for (size_t at = text.find("31 June"); at != std::string::npos;
       at = text.find("31 June", at + 1)) {
    findings.push_back(finding_at(at, 7));
  }
  const auto file = make_checked_file("a.md", text, findings);
  REQUIRE(file.findings.size() == 2);
  CHECK(file.findings[0].fingerprint == file.findings[1].fingerprint);
  CHECK(file.findings[0].occurrence == 0);
  CHECK(file.findings[1].occurrence == 1);
  // Editing an unrelated line leaves the fingerprint as it was.
  const std::string edited = "A new introduction.\n\n" + text;
  std::vector<Finding> moved = findings;
  for (auto& f : moved) f.span.offset += 21;
  CHECK(make_checked_file("a.md", edited, moved).findings[0].fingerprint ==
        file.findings[0].fingerprint);
}

TEST_CASE("spans past the end of the text are clamped, never read out of bounds") {
  const std::vector<Finding> findings = {
      finding_at(5, 100),
      finding_at(500, 1, {Related{.path = "", .span = {400, 2}, .message = "r"}})};
  const auto file = make_checked_file("a.md", "short\ntext", findings);
  CHECK(file.findings[0].span.end() == 10);
  CHECK(file.findings[1].span.offset == 10);
  CHECK(file.findings[1].span.length == 0);
  CHECK_FALSE(file.findings[1].related[0].range.has_value());
}

TEST_CASE("format names") {
  CHECK(parse_report_format("sarif") == ReportFormat::Sarif);
  CHECK(parse_report_format("rdjson") == ReportFormat::Rdjson);
  CHECK_FALSE(parse_report_format("xml"));
}

}  // namespace
}  // namespace histlint

#include "server/diagnostics.h"

#include <doctest/doctest.h>

#include <cstdio>
#include <fstream>

using namespace histlint;
using protocol::Json;

namespace {

Finding reversed_range_finding(const std::string& text) {
  Finding f;
  f.rule = "date/reversed-range";
  f.severity = Severity::Error;
  f.span = {text.find("1940"), std::string("1940–1879").size()};
  f.message = "The range ends before it starts.";
  f.related.push_back({"", {text.find("1879"), 4}, "the end year"});
  f.fixes.push_back({"Swap to 1879–1940", {{f.span, "1879–1940"}}});
  return f;
}

}  // namespace

TEST_CASE("a finding becomes a diagnostic with code, source, severity and related information") {
  const std::string text = "😀 He lived 1940–1879.\n";
  const TextSnapshot snapshot(text);
  const Json diagnostics =
      diagnostics_json({reversed_range_finding(text)}, snapshot, "file:///a.md", {});
  REQUIRE(diagnostics.size() == 1);
  const Json& d = diagnostics[0];
  CHECK(d["code"] == "date/reversed-range");
  CHECK(d["source"] == "histlint");
  CHECK(d["severity"] == 1);
  // UTF-16: the emoji counts 2, so "1940" starts at column 12.
  CHECK(d["range"]["start"] == Json{{"line", 0}, {"character", 12}});
  CHECK(d["range"]["end"] == Json{{"line", 0}, {"character", 21}});
  REQUIRE(d["relatedInformation"].size() == 1);
  CHECK(d["relatedInformation"][0]["location"]["uri"] == "file:///a.md");
  CHECK(d["relatedInformation"][0]["message"] == "the end year");

  DiagnosticOptions utf8;
  utf8.encoding = protocol::PositionEncoding::Utf8;
  utf8.related_information = false;
  const Json bytes =
      diagnostics_json({reversed_range_finding(text)}, snapshot, "file:///a.md", utf8);
  CHECK(bytes[0]["range"]["start"]["character"] == 14);
  CHECK_FALSE(bytes[0].contains("relatedInformation"));
}

TEST_CASE("related spans in other files are located in those files") {
  const std::string other = "/tmp/histlint_diagnostics_test_other.txt";
  std::ofstream(other) << "line one\nline two has 1879\n";
  const std::string text = "He lived 1940–1879.\n";
  Finding f = reversed_range_finding(text);
  f.related = {{other, {22, 4}, "elsewhere"}, {"/nonexistent/file.md", {0, 1}, "lost"}};
  const TextSnapshot snapshot(text);
  const Json d = diagnostics_json({f}, snapshot, "file:///a.md", {})[0];
  REQUIRE(d["relatedInformation"].size() == 1);  // the unreadable one is left out
  CHECK(d["relatedInformation"][0]["location"]["uri"] == "file://" + other);
  CHECK(d["relatedInformation"][0]["location"]["range"]["start"] ==
        Json{{"line", 1}, {"character", 13}});
  std::remove(other.c_str());
}

TEST_CASE("fixes become quick-fix code actions for the findings in range") {
  const std::string text = "He lived 1940–1879.\nAnother line.\n";
  const TextSnapshot snapshot(text);
  const std::vector<Finding> findings = {reversed_range_finding(text)};
  const Json actions =
      code_actions_json(findings, Span{10, 0}, snapshot, "file:///a.md", int64_t{7}, {});
  REQUIRE(actions.size() == 1);
  CHECK(actions[0]["kind"] == "quickfix");
  CHECK(actions[0]["title"] == "Swap to 1879–1940");
  CHECK(actions[0]["isPreferred"] == true);
  const Json& change = actions[0]["edit"]["documentChanges"][0];
  CHECK(change["textDocument"]["version"] == 7);
  CHECK(change["edits"][0]["newText"] == "1879–1940");
  CHECK(change["edits"][0]["range"]["start"] == Json{{"line", 0}, {"character", 9}});

  const Json plain =
      code_actions_json(findings, Span{10, 0}, snapshot, "file:///a.md", std::nullopt, {});
  CHECK(plain[0]["edit"]["changes"]["file:///a.md"].size() == 1);
  CHECK(
      code_actions_json(findings, Span{25, 3}, snapshot, "file:///a.md", std::nullopt, {}).empty());
}

TEST_CASE("a document's diagnostics are capped, with one saying how many more there are") {
  std::string text;
  for (int i = 0; i < 1005; ++i) text += "He lived 1940–1879.\n";
  const TextSnapshot snapshot(text);
  std::vector<Finding> findings;
  const size_t line_length = std::string("He lived 1940–1879.\n").size();
  for (size_t i = 0; i < 1005; ++i) {
    Finding f = reversed_range_finding("He lived 1940–1879.\n");
    f.span.offset += i * line_length;
    f.related.clear();
    findings.push_back(f);
  }
  const Json capped = diagnostics_json(findings, snapshot, "file:///a.md", {});
  REQUIRE(capped.size() == 1001);
  CHECK(capped[999]["code"] == "date/reversed-range");
  const Json& summary = capped[1000];
  CHECK(summary["code"] == "histlint/too-many-diagnostics");
  CHECK(summary["severity"] == 3);
  CHECK(summary["message"].get<std::string>().starts_with("5 more findings"));
  CHECK(summary["range"]["start"]["line"] == 1000);  // where the first one left out is

  DiagnosticOptions three;
  three.max_per_document = 3;
  CHECK(diagnostics_json(findings, snapshot, "file:///a.md", three).size() == 4);
  findings.resize(3);
  CHECK(diagnostics_json(findings, snapshot, "file:///a.md", three).size() == 3);
}

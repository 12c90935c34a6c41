// `histlint check` in-process. Findings come from histlint/unused-disable, which exists whatever
// rules are registered, so these tests hold while the rule families grow.
#include "server/cli_check.h"

#include <doctest/doctest.h>
#include <sys/stat.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/temp_dir.h"
#include "server/cli_baseline.h"

namespace histlint {
namespace {

using testing::TempDir;

// A Markdown line pair whose suppression silences nothing: one finding per occurrence.
constexpr std::string_view kUnused = "<!-- histlint-disable-next-line -->\nPlain prose.\n";

struct Run {
  int code = -1;
  std::string out;
  std::string err;
};

Run check(std::vector<std::string> args, const std::string& stdin_text = "") {
  std::istringstream in(stdin_text);
  std::ostringstream out, err;
  Run run;
  run.code = run_check_command(args, {.in = in, .out = out, .err = err, .err_is_terminal = false});
  run.out = out.str();
  run.err = err.str();
  return run;
}

std::string p(const TempDir& dir, std::string_view relative) {
  return (dir.path() / relative).string();
}

TEST_CASE("usage errors exit 2 with a message") {
  CHECK(check({"--format", "xml"}).code == 2);
  CHECK(check({"--format", "xml"}).err.find("unknown format \"xml\"") != std::string::npos);
  CHECK(check({"--fail-on", "fatal"}).code == 2);
  CHECK(check({"--jobs", "many"}).code == 2);
  CHECK(check({"--frobnicate"}).err.find("unknown option --frobnicate") != std::string::npos);
  CHECK(check({"--format"}).err.find("option --format needs a value") != std::string::npos);
  const Run help = check({"--help"});
  CHECK(help.code == 0);
  CHECK(help.out.find("Usage: histlint check") != std::string::npos);
}

TEST_CASE("a clean folder exits 0 and lists every checked file") {
  TempDir dir;
  dir.write("b.md", "Plain prose.\n");
  dir.write("a.txt", "More prose.\n");
  dir.write("sub/c.markdown", "Still prose.\n");
  dir.write("ignored.rst", "Not ours.\n");
  dir.write(".hidden/d.md", "Hidden.\n");
  dir.write("node_modules/e.md", "Vendored.\n");
  const Run run = check({"--format", "json", dir.path().string()});
  CHECK(run.code == 0);
  const auto json = nlohmann::json::parse(run.out);
  REQUIRE(json["files"].size() == 3);
  CHECK(json["files"][0]["path"] == p(dir, "a.txt"));
  CHECK(json["files"][1]["path"] == p(dir, "b.md"));
  CHECK(json["files"][2]["path"] == p(dir, "sub/c.markdown"));
  CHECK(json["files"][0]["diagnostics"].empty());
}

TEST_CASE("findings exit 1, and --fail-on decides which count") {
  TempDir dir;
  const auto file = dir.write("a.md", kUnused).string();
  CHECK(check({"--report-unused-disables", file}).code == 1);
  CHECK(check({file}).code == 0);  // not reported without the flag
  CHECK(check({"--report-unused-disables", "--fail-on", "error", file}).code == 0);
  CHECK(check({"--report-unused-disables", "--fail-on=warning", file}).code == 1);
  CHECK(check({"--report-unused-disables", "--fail-on", "none", file}).code == 0);
  const Run text = check({"--report-unused-disables", file});
  CHECK(text.out ==
        file +
            ":1:1: warning: This histlint-disable-next-line comment silences no finding; "
            "remove it. [histlint/unused-disable]\n");
  CHECK(text.err == "Found 1 problem (1 warning) in 1 of 1 file.\n");
  CHECK(check({"--report-unused-disables", "--quiet", file}).err.empty());
}

TEST_CASE("the configuration sets severities and options") {
  TempDir dir;
  dir.write(".histlint.json",
            R"({"reportUnusedDisables": true, "rules": {"histlint/unused-disable": "error"}})");
  const auto file = dir.write("a.md", kUnused).string();
  const Run run = check({"--format", "jsonl", file});
  CHECK(run.code == 1);
  const auto line = nlohmann::json::parse(run.out);
  CHECK(line["path"] == file);
  CHECK(line["severity"] == "error");
  CHECK(check({"--fail-on", "error", file}).code == 1);
}

TEST_CASE("configuration errors exit 2 naming file and line") {
  TempDir dir;
  dir.write(".histlint.json", "{\n  \"rulez\": {}\n}");
  const auto file = dir.write("a.md", "Prose.\n").string();
  const Run run = check({file});
  CHECK(run.code == 2);
  CHECK(run.err.find(p(dir, ".histlint.json") + ":2:3: error: unknown key \"rulez\"") !=
        std::string::npos);
  const Run explicit_config = check({"--config", p(dir, ".histlint.json"), file});
  CHECK(explicit_config.code == 2);
  CHECK(check({"--config", p(dir, "missing.json"), file}).code == 2);
}

TEST_CASE("--config replaces discovery for every file") {
  TempDir dir;
  dir.write(".histlint.json", "{\"rulez\": 1}");  // would be an error if discovered
  dir.write("conf/strict.json", R"({"reportUnusedDisables": true})");
  const auto file = dir.write("a.md", kUnused).string();
  CHECK(check({"--config", p(dir, "conf/strict.json"), file}).code == 1);
}

TEST_CASE("include and exclude shape a folder walk; excluded named files are skipped") {
  TempDir dir;
  dir.write(".histlint.json", R"({"include": ["**/*.md", "**/*.rst"], "exclude": ["drafts"]})");
  dir.write("a.md", "Prose.\n");
  dir.write("b.rst", "Prose.\n");
  dir.write("c.txt", "Prose.\n");
  dir.write("drafts/d.md", "Prose.\n");
  const auto json = nlohmann::json::parse(check({"--format", "json", dir.path().string()}).out);
  REQUIRE(json["files"].size() == 2);
  CHECK(json["files"][0]["path"] == p(dir, "a.md"));
  CHECK(json["files"][1]["path"] == p(dir, "b.rst"));
  const auto named = nlohmann::json::parse(
      check({"--format", "json", p(dir, "drafts/d.md"), p(dir, "c.txt")}).out);
  REQUIRE(named["files"].size() == 1);  // named files skip "include" but not "exclude"
  CHECK(named["files"][0]["path"] == p(dir, "c.txt"));
}

TEST_CASE("unreadable, missing and non-UTF-8 files exit 2; the others are still reported") {
  TempDir dir;
  const auto good = dir.write("good.md", kUnused).string();
  const auto latin1 = dir.write("latin1.md", "Caf\xE9 au lait.\n").string();
  const auto binary = dir.write("nul.md", std::string("a\0b", 3)).string();
  const Run run = check(
      {"--format", "json", "--report-unused-disables", good, latin1, binary, p(dir, "missing.md")});
  CHECK(run.code == 2);
  const auto json = nlohmann::json::parse(run.out);
  REQUIRE(json["files"].size() == 1);
  CHECK(json["files"][0]["path"] == good);
  CHECK(json["files"][0]["diagnostics"].size() == 1);
  CHECK(run.err.find(latin1 + ": not UTF-8 text (invalid byte 0xE9 at line 1, byte 4") !=
        std::string::npos);
  CHECK(run.err.find(binary + ": not text (a NUL byte at line 1, byte 2") != std::string::npos);
  CHECK(run.err.find(p(dir, "missing.md") + ": no such file or folder") != std::string::npos);
}

TEST_CASE("standard input is read for '-' and named by --stdin-filename") {
  const Run run =
      check({"--format", "json", "--report-unused-disables", "-"}, std::string(kUnused));
  CHECK(run.code == 1);
  const auto json = nlohmann::json::parse(run.out);
  REQUIRE(json["files"].size() == 1);
  CHECK(json["files"][0]["path"] == "<stdin>");
  const Run named = check({"--format", "json", "--stdin-filename", "notes/x.md"}, "Prose.\n");
  CHECK(named.code == 0);
  CHECK(nlohmann::json::parse(named.out)["files"][0]["path"] == "notes/x.md");
  CHECK(check({"-"}, "Caf\xE9\n").code == 2);
}

TEST_CASE("output order is the same for any number of jobs") {
  TempDir dir;
  for (int i = 0; i < 40; ++i) {
    dir.write("f" + std::to_string(i % 7) + "/doc" + std::to_string(i) + ".md",
              i % 3 ? std::string(kUnused) : "Prose.\n");
  }
  const Run one =
      check({"--format", "json", "--report-unused-disables", "--jobs", "1", dir.path().string()});
  const Run many =
      check({"--format", "json", "--report-unused-disables", "-j", "8", dir.path().string()});
  CHECK(one.code == 1);
  CHECK(one.out == many.out);
}

TEST_CASE("a baseline hides the findings it records and only those") {
  TempDir dir;
  const auto file = dir.write("a.md", kUnused).string();
  const std::string baseline = p(dir, "baseline.json");
  const Run written = check({"--report-unused-disables", "--write-baseline", baseline, file});
  CHECK(written.code == 0);
  CHECK(written.err == "Wrote 1 finding to " + baseline + ".\n");
  const auto doc = nlohmann::json::parse(std::ifstream(baseline));
  REQUIRE(doc["findings"].size() == 1);
  CHECK(doc["findings"][0]["path"] == "a.md");
  CHECK(doc["findings"][0]["rule"] == "histlint/unused-disable");

  const Run same = check({"--report-unused-disables", "--baseline", baseline, file});
  CHECK(same.code == 0);
  CHECK(same.out.empty());
  CHECK(same.err == "No problems found in 1 file. 1 more in the baseline.\n");

  // The old finding moved down and the same text added again: the baseline absorbs one
  // occurrence, so only the second is reported.
  dir.write("a.md", "New intro.\n\n" + std::string(kUnused) + "\n" + std::string(kUnused));
  const Run grown = check({"--report-unused-disables", "--baseline", baseline, file});
  CHECK(grown.code == 1);
  CHECK(grown.out.find(file + ":6:1:") == 0);
  CHECK(grown.out.find("\n", 0) == grown.out.size() - 1);  // exactly one line
}

TEST_CASE("a bad baseline is an error") {
  TempDir dir;
  const auto file = dir.write("a.md", "Prose.\n").string();
  CHECK(check({"--baseline", p(dir, "none.json"), file}).code == 2);
  dir.write("bad.json", "{\"version\": 7}");
  const Run run = check({"--baseline", p(dir, "bad.json"), file});
  CHECK(run.code == 2);
  CHECK(run.err.find("not a histlint baseline") != std::string::npos);
}

TEST_CASE("--output writes the report to a file") {
  TempDir dir;
  const auto file = dir.write("a.md", kUnused).string();
  const Run run =
      check({"--report-unused-disables", "-f", "sarif", "-o", p(dir, "out.sarif"), file});
  CHECK(run.code == 1);
  CHECK(run.out.empty());
  const auto sarif = nlohmann::json::parse(std::ifstream(p(dir, "out.sarif")));
  CHECK(sarif["runs"][0]["results"].size() == 1);
  CHECK(check({"-o", p(dir, "no/such/folder/out.txt"), file}).code == 2);
}

TEST_CASE("baseline paths are relative to the baseline's folder") {
  CHECK(baseline_path("/repo/docs/a.md", "/repo/.histlint-baseline.json") == "docs/a.md");
  CHECK(baseline_path("/repo/docs/a.md", "/repo/ci/baseline.json") == "../docs/a.md");
}

}  // namespace
}  // namespace histlint

namespace histlint {
namespace {

TEST_CASE("FIFOs and devices are refused with a message instead of blocking or never ending") {
  TempDir dir;
  const std::string fifo = p(dir, "pipe.md");
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);  // no writer: reading it would block forever
  const auto good = dir.write("a.md", kUnused).string();
  const Run run = check({"--format", "json", "--report-unused-disables", fifo, "/dev/zero", good});
  CHECK(run.code == 2);
  CHECK(run.err.find("pipe.md: cannot read: not a regular file (a FIFO)") != std::string::npos);
  CHECK(run.err.find("/dev/zero: cannot read: not a regular file (a character device)") !=
        std::string::npos);
  const auto json = nlohmann::json::parse(run.out);  // the other file is still reported
  REQUIRE(json["files"].size() == 1);
  CHECK(json["files"][0]["path"] == good);
}

TEST_CASE("--max-file-size skips larger files, and standard input, naming them") {
  TempDir dir;
  std::string prose;
  while (prose.size() < 2000) prose += "Plain prose.\n";
  dir.write("big.md", prose);
  dir.write("small.md", "Plain prose.\n");
  const Run run = check({"--max-file-size", "1K", p(dir, "big.md"), p(dir, "small.md")});
  CHECK(run.code == 2);
  CHECK(run.err.find("big.md: cannot read: larger than the limit of 1024 bytes") !=
        std::string::npos);
  CHECK(run.err.find("small.md") == std::string::npos);
  CHECK(check({"--max-file-size", "2K", p(dir, "big.md")}).code == 0);

  const Run piped = check({"--max-file-size", "10", "-"}, std::string(11, 'a'));
  CHECK(piped.code == 2);
  CHECK(piped.err.find("<stdin>: larger than the limit of 10 bytes") != std::string::npos);
  CHECK(check({"--max-file-size", "10", "-"}, std::string(10, 'a')).code == 0);

  CHECK(check({"--max-file-size", "1Q"}).err.find("--max-file-size needs a size") !=
        std::string::npos);
  CHECK(check({"--max-file-size", "99999999999G"}).code == 2);
}

TEST_CASE("a report that cannot be written exits 2") {
  TempDir dir;
  dir.write("a.md", "Plain prose.\n");
  std::istringstream in;
  std::ostringstream err;
  std::ostream broken(nullptr);  // every write fails, as on /dev/full
  const int code = run_check_command(
      {p(dir, "a.md")}, {.in = in, .out = broken, .err = err, .err_is_terminal = false});
  CHECK(code == 2);
  CHECK(err.str().find("cannot write the report to standard output") != std::string::npos);
}

}  // namespace
}  // namespace histlint

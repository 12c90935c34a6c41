// `histlint claims` (the map step) and `histlint check --claims` (the reduce step), in-process:
// checking a file with the claims of the others finds what checking them all together finds.
#include "server/cli_claims.h"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/temp_dir.h"
#include "server/cli_check.h"

namespace histlint {
namespace {

using testing::TempDir;

struct Run {
  int code = -1;
  std::string out;
  std::string err;
};

Run claims(const std::vector<std::string>& args) {
  std::ostringstream out, err;
  Run run;
  run.code = run_claims_command(args, out, err);
  run.out = out.str();
  run.err = err.str();
  return run;
}

Run check(const std::vector<std::string>& args) {
  std::istringstream in;
  std::ostringstream out, err;
  Run run;
  run.code = run_check_command(args, {.in = in, .out = out, .err = err, .err_is_terminal = false});
  run.out = out.str();
  run.err = err.str();
  return run;
}

// The JSONL report's lines about `path`.
std::vector<nlohmann::json> findings_of(const std::string& jsonl, const std::string& path) {
  std::vector<nlohmann::json> found;
  std::istringstream lines(jsonl);
  for (std::string line; std::getline(lines, line);) {
    auto finding = nlohmann::json::parse(line);
    if (finding["path"] == path) found.push_back(std::move(finding));
  }
  return found;
}

// Writes the claims of `paths`, in that order, to `file` in `dir`; returns its path.
std::string claims_file(const TempDir& dir, const std::string& file,
                        const std::vector<std::string>& paths) {
  std::vector<std::string> args = {"--format", "jsonl"};
  args.insert(args.end(), paths.begin(), paths.end());
  const Run run = claims(args);
  REQUIRE(run.code == 0);
  return dir.write(file, run.out).string();
}

constexpr std::string_view k1927 = "# One\n\nTrotsky was expelled from the party in 1927.\n";
constexpr std::string_view k1929 = "# Two\n\nIn 1929 Trotsky was expelled from the party.\n";
constexpr std::string_view k1928 = "# Three\n\nTrotsky was expelled from the party in 1928.\n";

TEST_CASE("claims: usage errors exit 2 with a message") {
  CHECK(claims({}).err.find("no PATH given") != std::string::npos);
  CHECK(claims({"--format", "json", "a.md"}).code == 2);
  CHECK(claims({"--frobnicate", "a.md"}).err.find("unknown option") != std::string::npos);
  const Run help = claims({"--help"});
  CHECK(help.code == 0);
  CHECK(help.out.find("Usage: histlint claims") != std::string::npos);
  CHECK(check({"--claims"}).err.find("option --claims needs a value") != std::string::npos);
}

TEST_CASE("claims: one line per dated event, with its key, date, span and sentence") {
  TempDir dir;
  const std::string text = "# Life\n\nTrotsky was expelled from the party in 1927. He left.\n";
  const auto file = dir.write("life.md", text).string();
  const Run run = claims({"--format", "jsonl", file});
  REQUIRE(run.code == 0);
  const auto lines = findings_of(run.out, file);
  REQUIRE(lines.size() == 1);
  const auto& claim = lines[0];
  CHECK(claim["kind"] == "expulsion");
  CHECK(claim["key"].get<std::string>().find(claim["person"].get<std::string>()) == 0);
  CHECK(claim["date"]["text"] == "1927");
  CHECK(claim["date"]["precision"] == "year");
  CHECK(claim["sentence"] == "Trotsky was expelled from the party in 1927.");
  const auto claimed = text.substr(claim["offset"], claim["length"]);
  CHECK(claimed.find("expelled") != std::string::npos);
  CHECK(claimed.find("1927") != std::string::npos);
  // Undated prose has no claims.
  CHECK(claims({dir.write("plain.md", "Plain prose.\n").string()}).out.empty());
}

TEST_CASE("claims: an unreadable file exits 2 and the others are still printed") {
  TempDir dir;
  const auto good = dir.write("good.md", k1927).string();
  const auto bad = dir.write("bad.md", "caf\xE9\n").string();
  const Run run = claims({bad, good});
  CHECK(run.code == 2);
  CHECK(run.err.find("bad.md: not UTF-8 text") != std::string::npos);
  CHECK(findings_of(run.out, good).size() == 1);
}

TEST_CASE("check --claims finds what checking the files together finds") {
  TempDir dir;
  const auto a = dir.write("a.md", k1927).string();
  const auto b = dir.write("b.md", k1929).string();
  const auto together = findings_of(check({"--format", "jsonl", a, b}).out, a);
  REQUIRE(together.size() == 1);
  CHECK(together[0]["rule"] == "date/conflicting-dates");
  const auto b_claims = claims_file(dir, "b.jsonl", {b});
  const Run reduced = check({"--format", "jsonl", "--claims", b_claims, a});
  CHECK(reduced.code == 1);
  CHECK(findings_of(reduced.out, a) == together);
  CHECK(findings_of(reduced.out, b).empty());  // only the files checked are reported
  // On its own, the file contradicts nothing.
  CHECK(check({"--format", "jsonl", a}).code == 0);
}

TEST_CASE("check --claims: a checked file's own claims are replaced by its current text") {
  TempDir dir;
  const auto a = dir.write("a.md", k1929).string();
  const auto b = dir.write("b.md", k1929).string();
  const auto stale = claims_file(dir, "all.jsonl", {a, b});  // a agreed with b then
  dir.write("a.md", k1927);
  const Run reduced = check({"--format", "jsonl", "--claims", stale, a});
  CHECK(findings_of(reduced.out, a) == findings_of(check({"--format", "jsonl", a, b}).out, a));
  CHECK(findings_of(reduced.out, a).size() == 1);
}

TEST_CASE("check --claims names the first conflicting file in the claims' order") {
  TempDir dir;
  const auto a = dir.write("a.md", k1927).string();
  const auto b = dir.write("b.md", k1929).string();
  const auto c = dir.write("c.md", k1928).string();
  const auto in_order = claims_file(dir, "abc.jsonl", {a, b, c});
  CHECK(findings_of(check({"--format", "jsonl", "--claims", in_order, a}).out, a) ==
        findings_of(check({"--format", "jsonl", a, b, c}).out, a));
  const auto reversed = claims_file(dir, "acb.jsonl", {a, c, b});
  const auto found = findings_of(check({"--format", "jsonl", "--claims", reversed, a}).out, a);
  REQUIRE(found.size() == 1);
  CHECK(found[0]["message"].get<std::string>().find("c.md dates it to 1928") != std::string::npos);
}

TEST_CASE("check --claims: a missing or malformed claims file exits 2") {
  TempDir dir;
  const auto a = dir.write("a.md", k1927).string();
  const Run missing = check({"--claims", (dir.path() / "none.jsonl").string(), a});
  CHECK(missing.code == 2);
  CHECK(missing.err.find("cannot read claims file") != std::string::npos);
  const auto broken = dir.write("broken.jsonl", "{\"path\": \"b.md\"}\n").string();
  const Run malformed = check({"--claims", broken, a});
  CHECK(malformed.code == 2);
  CHECK(malformed.err.find("broken.jsonl:1: not a claim") != std::string::npos);
}

}  // namespace
}  // namespace histlint

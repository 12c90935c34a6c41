#include "server/config.h"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "cli/temp_dir.h"

namespace histlint {
namespace {

using testing::TempDir;

// The error for a configuration text, or "" when it parses.
std::string error_of(std::string_view text) {
  const auto result = parse_config(text, "/project/.histlint.json");
  return result.ok() ? std::string() : result.error;
}

TEST_CASE("a complete configuration fills the options") {
  TempDir dir;
  dir.write("kb/people.json", "{}");
  const std::string text = R"({
  "$schema": "https://example.invalid/histlint.schema.json",
  "rules": {"date/*": "error", "source": "off", "*": "hint", "histlint/unused-disable": "on"},
  "thresholds": {"histlint/unused-disable.limit": 0.5},
  "knowledgeBase": ["kb/people.json"],
  "include": ["**/*.md", "notes/*.{txt,text}"],
  "exclude": ["drafts/"],
  "documentDate": "2024-05-01",
  "citationScope": "paragraph",
  "reportUnusedDisables": true
})";
  const auto result = parse_config(text, dir.path() / ".histlint.json");
  REQUIRE_MESSAGE(result.ok(), result.error);
  const Config& config = *result.config;
  CHECK(config.root == dir.path());
  const std::vector<std::pair<std::string, std::string>> rules = {
      {"date/*", "error"}, {"source", "off"}, {"*", "hint"}, {"histlint/unused-disable", "on"}};
  CHECK(config.options.rules == rules);  // file order kept
  CHECK(config.options.threshold("histlint/unused-disable.limit", 0) == 0.5);
  REQUIRE(config.knowledge_base.size() == 1);
  CHECK(config.knowledge_base[0] == dir.path() / "kb/people.json");
  CHECK(config.include == std::vector<std::string>{"**/*.md", "notes/*.{txt,text}"});
  CHECK(config.exclude == std::vector<std::string>{"drafts/"});
  REQUIRE(config.options.document_date);
  CHECK(config.options.document_date->year == 2024);
  CHECK(config.options.document_date->month == 5);
  CHECK(config.options.document_date->day == 1);
  CHECK(config.options.citation_scope == CitationScope::Paragraph);
  CHECK(config.options.report_unused_disables);
}

TEST_CASE("an empty object is the defaults") {
  const auto result = parse_config("{}", "/p/.histlint.json");
  REQUIRE(result.ok());
  CHECK(result.config->options.rules.empty());
  CHECK(result.config->file == "/p/.histlint.json");
  CHECK(result.config->root == "/p");
  CHECK(result.config->options.citation_scope == CitationScope::Sentence);
}

TEST_CASE("an unknown key names file, line, column and a likely fix") {
  CHECK(error_of("{\n  \"rules\": {},\n  \"rulez\": {}\n}") ==
        "/project/.histlint.json:3:3: error: unknown key \"rulez\"; did you mean \"rules\"?");
  CHECK(error_of("{\"colour\": 1}") ==
        "/project/.histlint.json:1:2: error: unknown key \"colour\"");
}

TEST_CASE("a bad severity points at the value") {
  CHECK(error_of("{\n  \"rules\": {\n    \"date/*\":   \"fatal\"\n  }\n}") ==
        "/project/.histlint.json:3:17: error: the setting for \"date/*\" must be \"error\", "
        "\"warning\", \"info\", \"hint\", \"on\" or \"off\"");
  CHECK(error_of("{\"rules\": {\"date/*\": 2}}").find(":1:22: error: the setting") !=
        std::string::npos);
  CHECK(error_of("{\"rules\": [\"date\"]}").find(":1:11: error: \"rules\" must be an object") !=
        std::string::npos);
}

TEST_CASE("unknown rules and families are errors") {
  CHECK(error_of("{\"rules\": {\"dates/*\": \"off\"}}")
            .find(":1:12: error: unknown rule \"dates/*\"") != std::string::npos);
  CHECK(error_of("{\"rules\": {\"histlint/unused-disables\": \"off\"}}")
            .find("did you mean \"histlint/unused-disable\"?") != std::string::npos);
  CHECK(error_of("{\"rules\": {\"date/**\": \"off\"}}").find("unknown rule") != std::string::npos);
  CHECK(
      error_of("{\"rules\": {\"date\": \"off\", \"garble/*\": \"info\", \"*\": \"on\"}}").empty());
}

TEST_CASE("invalid JSON reports the line of the mistake") {
  const std::string error = error_of("{\n  \"rules\": {\n    \"date/*\": \"error\",\n  }\n}");
  CHECK(error.rfind("/project/.histlint.json:4:3: error: invalid JSON: ", 0) == 0);
  CHECK(error_of("").rfind("/project/.histlint.json:1:1: error: invalid JSON: ", 0) == 0);
  CHECK(error_of("{\"rules\": {}} trailing").find(":1:") != std::string::npos);
}

TEST_CASE("a number out of range or nesting too deep is an error with its place, not a crash") {
  CHECK(error_of("{\n  \"thresholds\": {\"date/age-mismatch.tolerance\": 1e400}\n}") ==
        "/project/.histlint.json:2:49: error: invalid JSON: number out of range at "
        "/thresholds/date~1age-mismatch.tolerance: 1e400");
  // 20,000 levels in 40 KB overflowed the stack of the recursive key locator.
  const std::string deep = std::string(20'000, '[') + std::string(20'000, ']');
  CHECK(error_of("{\"include\": " + deep + "}") ==
        "/project/.histlint.json:1:524: error: invalid JSON: nested deeper than 512 levels");
}

TEST_CASE("a configuration must be an object and keys must be unique") {
  CHECK(error_of("[]") ==
        "/project/.histlint.json:1:1: error: a configuration must be a JSON object");
  CHECK(error_of("{\"rules\": {},\n \"rules\": {}}") ==
        "/project/.histlint.json:2:2: error: duplicate key \"rules\"");
  CHECK(error_of("{\"rules\": {\"date\": \"off\", \"date\": \"on\"}}")
            .find("duplicate key \"date\"") != std::string::npos);
}

TEST_CASE("document dates must exist") {
  CHECK(error_of("{\"documentDate\": \"2000-02-29\"}").empty());
  CHECK(error_of("{\"documentDate\": \"1987\"}").empty());
  CHECK(error_of("{\"documentDate\": \"1987-11\"}").empty());
  for (const char* bad : {"\"1900-02-29\"", "\"2024-13-01\"", "\"2024-04-31\"", "\"24-01-01\"",
                          "\"2024/01/01\"", "20240101", "\"\""}) {
    CHECK_MESSAGE(
        error_of(std::string("{\"documentDate\": ") + bad + "}")
                .find(":1:18: error: \"documentDate\" must be a date") != std::string::npos,
        bad);
  }
}

TEST_CASE("thresholds name a known rule and hold numbers") {
  CHECK(error_of("{\"thresholds\": {\"histlint/unused-disable.x\": 1}}").empty());
  CHECK(error_of("{\"thresholds\": {\"histlint/unused-disable\": 1}}").find("must be written") !=
        std::string::npos);
  CHECK(
      error_of("{\"thresholds\": {\"nope/rule.x\": 1}}").find("names unknown rule \"nope/rule\"") !=
      std::string::npos);
  CHECK(error_of("{\"thresholds\": {\"histlint/unused-disable.x\": \"high\"}}")
            .find("must be a number") != std::string::npos);
}

TEST_CASE("citation scope, booleans and globs are checked") {
  CHECK(error_of("{\"citationScope\": \"page\"}").find("\"sentence\" or \"paragraph\"") !=
        std::string::npos);
  CHECK(error_of("{\"reportUnusedDisables\": \"yes\"}").find("true or false") != std::string::npos);
  CHECK(error_of("{\"include\": \"*.md\"}").find("must be an array of globs") != std::string::npos);
  CHECK(error_of("{\"exclude\": [\"drafts/[a\"]}").find("unclosed \"[\"") != std::string::npos);
  CHECK(error_of("{\"exclude\": [\"*.{md\"]}").find("unclosed \"{\"") != std::string::npos);
  CHECK(error_of("{\"exclude\": [\"\"]}").find("empty glob") != std::string::npos);
  CHECK(error_of("{\"exclude\": [\n  \"ok\",\n  3\n]}")
            .find(":3:3: error: each glob must be a string") != std::string::npos);
}

TEST_CASE("genre: one name for every file, or globs") {
  const auto one = parse_config("{\"genre\": \"newspaper\"}", "/p/.histlint.json");
  REQUIRE(one.ok());
  CHECK(one.config->genre_for("/p/a/page.txt") == Genre::Primary);
  const auto globs = parse_config(
      "{\"genre\": {\"letters/**\": \"primary\", \"**\": \"secondary\"}}", "/p/.histlint.json");
  REQUIRE(globs.ok());
  CHECK(globs.config->genre_for("/p/letters/1840/hale.md") == Genre::Primary);
  CHECK(globs.config->genre_for("/p/essays/hale.md") == Genre::Secondary);
  CHECK(parse_config("{}", "/p/.histlint.json").config->genre_for("/p/x.md") == Genre::Unknown);
  CHECK(error_of("{\"genre\": \"memoir\"}").find("\"primary\", \"secondary\"") !=
        std::string::npos);
  CHECK(error_of("{\"genre\": {\"*.md\": 3}}").find("the genre of \"*.md\"") != std::string::npos);
}

TEST_CASE("knowledge-base files must exist, relative to the configuration") {
  TempDir dir;
  const auto result =
      parse_config("{\"knowledgeBase\": [\"missing.json\"]}", dir.path() / ".histlint.json");
  REQUIRE_FALSE(result.ok());
  CHECK(result.error.find(":1:20: error: knowledge-base file") != std::string::npos);
  CHECK(result.error.find("missing.json\" does not exist") != std::string::npos);
}

TEST_CASE("columns count characters, not bytes") {
  CHECK(error_of("{\"$schema\": \"é\", \"rulez\": 1}") ==
        "/project/.histlint.json:1:18: error: unknown key \"rulez\"; did you mean \"rules\"?");
  CHECK(error_of("{\"règles\": 1}") ==
        "/project/.histlint.json:1:2: error: unknown key \"règles\"");
}

TEST_CASE("path globs") {
  struct Case {
    const char* pattern;
    const char* path;
    bool matches;
  };
  const Case cases[] = {
      {"*.md", "a.md", true},
      {"*.md", "docs/deep/a.md", true},  // no slash: any depth
      {"/*.md", "docs/a.md", false},     // leading slash: anchored
      {"/*.md", "a.md", true},
      {"docs/*.md", "docs/a.md", true},
      {"docs/*.md", "docs/sub/a.md", false},
      {"docs/**/*.md", "docs/a.md", true},
      {"docs/**/*.md", "docs/x/y/a.md", true},
      {"**/drafts/**", "a/drafts/b/c.md", true},
      {"drafts/", "drafts/x/y.md", true},
      {"drafts/", "other/drafts/y.md", false},
      {"./docs/*.md", "docs/a.md", true},
      {"*.{md,txt}", "notes/a.txt", true},
      {"*.{md,txt}", "notes/a.rst", false},
      {"ch[0-9].md", "ch7.md", true},
      {"ch[!0-9].md", "ch7.md", false},
      {"ch?.md", "ché.md", true},  // ? is one character, not one byte
      {"*", "a/b/c", true},
      {"a*b", "a/b", false},  // * stays within a segment
      {"**", "anything/at/all.md", true},
  };
  for (const auto& c : cases) {
    CHECK_MESSAGE(path_glob_match(c.pattern, c.path) == c.matches, c.pattern << " vs " << c.path);
  }
}

TEST_CASE("include and exclude are relative to the configuration's folder") {
  const auto result = parse_config(
      R"({"include": ["docs/**/*.md", "*.txt"], "exclude": ["docs/drafts", "*.tmp.md"]})",
      "/repo/.histlint.json");
  REQUIRE(result.ok());
  const Config& config = *result.config;
  CHECK(config.includes("/repo/docs/a.md"));
  CHECK(config.includes("/repo/docs/x/a.md"));
  CHECK(config.includes("/repo/notes/b.txt"));
  CHECK_FALSE(config.includes("/repo/README.md"));
  CHECK_FALSE(config.includes("/repo/docs/drafts/a.md"));
  CHECK_FALSE(config.includes("/repo/docs/x/a.tmp.md"));
  CHECK(config.excludes("/repo/docs/drafts"));
  CHECK(config.excludes("/repo/docs/drafts/deep/a.md"));
  CHECK_FALSE(config.excludes("/repo/docs/draftsman.md"));

  const auto defaults = default_config("/repo");
  CHECK(defaults->includes("/repo/a.md"));
  CHECK(defaults->includes("/repo/x/a.markdown"));
  CHECK(defaults->includes("/repo/x/a.txt"));
  CHECK_FALSE(defaults->includes("/repo/x/a.rst"));
  CHECK_FALSE(defaults->excludes("/repo/x/a.md"));
}

TEST_CASE("the nearest configuration above a file applies") {
  TempDir dir;
  dir.write(".histlint.json", R"({"rules": {"date": "off"}})");
  dir.write("book/.histlint.json", R"({"rules": {"date": "error"}})");
  dir.write("book/ch1/a.md", "text");
  dir.write("notes/b.md", "text");

  const auto nested = load_config_for(dir.path() / "book/ch1/a.md");
  REQUIRE(nested.ok());
  CHECK(nested.config->file == dir.path() / "book/.histlint.json");
  CHECK(nested.config->options.rules.front().second == "error");
  const auto top = load_config_for(dir.path() / "notes/b.md");
  REQUIRE(top.ok());
  CHECK(top.config->file == dir.path() / ".histlint.json");
  CHECK(find_config_file(dir.path() / "book/ch1") == dir.path() / "book/.histlint.json");

  ConfigCache cache;
  CHECK(cache.for_file(dir.path() / "book/ch1/a.md").config->file ==
        dir.path() / "book/.histlint.json");
  CHECK(&cache.for_file(dir.path() / "book/ch1/a.md") ==
        &cache.for_file(dir.path() / "book/ch1/c.md"));
  CHECK(cache.for_folder(dir.path() / "notes").config->file == dir.path() / ".histlint.json");

  ConfigCache overridden(dir.path() / ".histlint.json");
  CHECK(overridden.for_file(dir.path() / "book/ch1/a.md").config->file ==
        dir.path() / ".histlint.json");
}

TEST_CASE("a broken configuration is an error for the files below it") {
  TempDir dir;
  dir.write(".histlint.json", "{\"rules\": {\"date\": \"loud\"}}");
  const auto result = load_config_for(dir.path() / "a.md");
  REQUIRE_FALSE(result.ok());
  CHECK(result.error.rfind((dir.path() / ".histlint.json").string() + ":1:20: error:", 0) == 0);
  const auto missing = load_config_file(dir.path() / "nope.json");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error.find("cannot read the configuration file") != std::string::npos);
}

TEST_CASE("describe_config shows every setting and each rule's effective severity") {
  const auto result = parse_config(R"({"rules": {"histlint": "error"}, "documentDate": "1990-03"})",
                                   "/repo/.histlint.json");
  REQUIRE(result.ok());
  const auto described = nlohmann::json::parse(describe_config(*result.config));
  CHECK(described["configFile"] == "/repo/.histlint.json");
  CHECK(described["rules"]["histlint"] == "error");
  CHECK(described["documentDate"] == "1990-03");
  CHECK(described["citationScope"] == "sentence");
  CHECK(described["include"].size() == 3);
  CHECK(described["effectiveRules"]["histlint/unused-disable"] == "error");
  const auto defaults = nlohmann::json::parse(describe_config(*default_config("/repo")));
  CHECK(defaults["configFile"].is_null());
  CHECK(defaults["effectiveRules"]["histlint/unused-disable"] == "warning");
}

}  // namespace
}  // namespace histlint

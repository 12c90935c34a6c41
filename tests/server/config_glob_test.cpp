#include "server/config_glob.h"

#include <doctest/doctest.h>

#include <string>

#include "server/config.h"

using histlint::PathGlob;

TEST_CASE("globs: braces, classes, ? and ** as segments") {
  struct Case {
    const char* pattern;
    const char* path;
    bool matches;
  };
  const Case cases[] = {
      {"docs/{a,b}/*.md", "docs/b/x.md", true},
      {"docs/{a,b}/*.md", "docs/c/x.md", false},
      {"{docs/**,notes}/*.md", "docs/x/y/z.md", true},
      {"{docs/**,notes}/*.md", "notes/z.md", true},
      {"*.{md,{txt,text}}", "a.text", true},
      {"*.{,md}", "a.", true},
      {"a/**/b", "a/b", true},
      {"a/**/b", "a/x/y/b", true},
      {"a/**/b", "ab", false},
      {"a/**", "a", true},
      {"a/**", "ab", false},
      {"a**b", "a/b", false},  // "**" inside a segment is "*"
      {"[]x]", "]", true},
      {"[!/]", "/", false},
      {"?", "é", true},
      {"??", "é", false},
      {"{a", "{a", true},  // unbalanced: literal
      {"a}", "a}", true},
  };
  for (const auto& c : cases) {
    CHECK_MESSAGE(PathGlob(c.pattern).matches(c.path) == c.matches, c.pattern << " vs " << c.path);
  }
}

TEST_CASE("globs: 24 brace groups compile to a linear automaton and match in bounded steps") {
  // Brace expansion made this 2^24 patterns (7 s, 1.3 GB). As an automaton it has a few states
  // per pattern byte and visits each at most twice per path byte.
  std::string pattern, path;
  for (int i = 0; i < 24; ++i) {
    pattern += "{a,b}";
    path += i % 2 ? "b" : "a";
  }
  pattern += "/*.md";
  path += "/chapter.md";
  const PathGlob glob(pattern);
  CHECK(glob.state_count() <= 4 * pattern.size());
  size_t steps = 0;
  CHECK(glob.matches(path, &steps));
  CHECK(steps <= 2 * glob.state_count() * (path.size() + 1));
  CHECK_FALSE(glob.matches(path + "x"));
  // Through the configuration too, which normalises the pattern first.
  CHECK(histlint::path_glob_match(pattern, path));
}

TEST_CASE("globs: deeply nested braces are literal past a depth, without recursing") {
  const std::string pattern = std::string(10000, '{') + "a" + std::string(10000, '}');
  size_t steps = 0;
  CHECK_FALSE(PathGlob(pattern).matches("a", &steps));
  CHECK(steps < 100);
}

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "rules/extract/citation_matching.h"

using histlint::citation_matching::ScreenedPattern;

TEST_CASE("screened pattern: widening letter classes and bounded repetitions") {
  CHECK(ScreenedPattern::widen(R"(\p{L}+)") == R"([a-zA-Z\x{80}-\x{10FFFF}]+)");
  CHECK(
      ScreenedPattern::widen(R"((?i)the [\p{L}\-]+ \p{Lu}\p{Ll}*)") ==
      R"((?i)the [a-zA-Z\x{80}-\x{10FFFF}\-]+ [a-zA-Z\x{80}-\x{10FFFF}][a-zA-Z\x{80}-\x{10FFFF}]*)");
  CHECK(ScreenedPattern::widen(R"(.{1,80}x{3}y{2,})") == R"(.{1,}x{3,}y{2,})");
  CHECK(ScreenedPattern::widen(R"((?:\w+\s+){0,3}?end)") == R"((?:\w+\s+){0,}?end)");
  // Nothing to widen, or a class whose widening would match less: no screen.
  CHECK(ScreenedPattern::widen("plain words|x{,3}|\\{1,2\\}|[{1,2}]") == "");
  CHECK(ScreenedPattern::widen(R"([^\p{L}]{1,3})") == "");
  CHECK(ScreenedPattern::widen(R"(\P{L}{1,3})") == "");
  CHECK(ScreenedPattern::widen(R"(\p{Greek}{1,3})") == "");
  CHECK(ScreenedPattern::widen(R"([[:alpha:]]{1,3})") == "");
  // A ']' first in a class is a member, not its end.
  CHECK(ScreenedPattern::widen(R"([]\p{L}]{2,5})") == R"([]a-zA-Z\x{80}-\x{10FFFF}]{2,})");
}

TEST_CASE("screened pattern: the screen matches wherever the pattern does") {
  re2::RE2::Options options;
  options.set_max_mem(64 << 20);
  const std::vector<std::string> patterns = {
      R"((?i:\bthe\s+(?:most|least)\s+[\p{L}\-]+\s+(?:[\p{L}\-]+\s+){0,3}?(?:in|of)\s+\p{Lu}\p{L}+))",
      R"((?i)\b(?:some|many)\s+(?:[\p{L}’'\-]+\s+){0,2}?historians\s+(?-i:\p{Ll}+)\b)",
      R"((?i)(?:leave a (?:reply|comment)(?: to .{1,80})?|posted (?:in|under) [^.!?]{1,100}))",
      R"(\p{Lu}[\p{L}'’\-]*(?:\s+\p{Lu}[\p{L}'’\-]*){0,2}\s+(?:said|wrote))",
  };
  std::vector<std::string> texts = {
      "It was the most ruinous winter of the decade in Ukraine.",
      "THE MOST RUINOUS WINTER OF ALL IN UKRAINE",
      "the least-known campaign in Émile's Þórsmörk account",
      "Some older historians argued otherwise; many Soviet historians disagreed.",
      "Many écrivains d’État historians said so.",
      "Leave a reply to Ольга Петрова",
      "leave a comment",
      "Posted in Uncategorised",
      "Posted under history, politics and war",
      "Ivan Ilyich Sokolov said nothing.",
      "Ἀλέξανδρος wrote, and Żółkiewski said it again.",
      "No match here at all.",
      "",
  };
  const std::filesystem::path shared(HISTLINT_SHARED_DIR);
  if (std::filesystem::is_directory(shared / "realtext")) {
    for (const auto& file : std::filesystem::recursive_directory_iterator(shared / "realtext")) {
      if (file.path().extension() != ".txt" && file.path().extension() != ".md") continue;
      std::ifstream in(file.path());
      for (std::string line; std::getline(in, line);) texts.push_back(line);
    }
  }
  for (const auto& pattern : patterns) {
    const ScreenedPattern screened(pattern, options);
    REQUIRE(!ScreenedPattern::widen(pattern).empty());
    REQUIRE(screened.exact().ok());
    size_t matched = 0;
    for (const auto& text : texts) {
      const bool found = re2::RE2::PartialMatch(text, screened.exact());
      const bool whole = re2::RE2::FullMatch(text, screened.exact());
      matched += found;
      if (found) CHECK_MESSAGE(screened.may_match(text, 0, text.size()), pattern, " on ", text);
      if (whole) {
        CHECK_MESSAGE(screened.may_match(text, 0, text.size(), re2::RE2::ANCHOR_BOTH), pattern,
                      " on ", text);
      }
    }
    CHECK(matched > 0);
  }
  // A text that cannot match is screened out without compiling the pattern's Unicode classes.
  const ScreenedPattern screened(patterns[0], options);
  CHECK_FALSE(screened.may_match("No superlative here.", 0, 20));
}

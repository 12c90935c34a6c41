#include "rules/source/genre.h"

#include <doctest/doctest.h>

#include <string>

#include "source_test_util.h"

using namespace histlint;
using namespace histlint::test;

namespace {

const RuleDef& statistic = source_rules::unsourced_statistic();

// Narrow newspaper columns: short lines that wrap in mid-sentence.
std::string narrow_columns(int lines) {
  std::string text;
  for (int i = 0; i < lines; ++i) text += "the strikers met again at\n";
  return text;
}

bool primary(const std::string& text, Language language = Language::PlainText) {
  return source_rules::looks_like_primary_source(Document(text, language));
}

}  // namespace

TEST_CASE("genre: a newspaper page needs a masthead or a wire credit besides its columns") {
  const std::string masthead = "THE DAILY COURIER\nTUESDAY MORNING, MARCH 4, 1902. 12 PAGES.\n";
  CHECK(primary(masthead + narrow_columns(80)));
  CHECK(primary("(By Associated Press.)\n" + narrow_columns(80)));
  CHECK(primary("HALIFAX, Nov. 3.—The mills closed.\n" + narrow_columns(80)));
  CHECK_FALSE(primary(narrow_columns(80)));
  CHECK(primary(masthead + "(By Associated Press.)\nThe mills closed.\n"));
  CHECK_FALSE(primary("The Associated Press reported the strike at length.\n"));
}

TEST_CASE("genre: letters, notices, testimony and diaries") {
  CHECK(primary(
      "Sir,\nThe bridge was closed on Tuesday by 400 men.\n\nYours faithfully,\nJ. Hale\n"));
  CHECK(
      primary("Dear Madam,\nWe shipped 3,000 bales.\n\nI remain your obedient servant,\nT. Roe\n"));
  CHECK_FALSE(primary("Sir,\nThe bridge was closed on Tuesday by 400 men.\n"));
  CHECK(primary("Notice is hereby given that the toll of 40 shillings is repealed.\n"));
  CHECK(
      primary("Q. Where were you?\nA. At the mill.\nQ. With whom?\nA. With 12 others.\n"
              "Q. When?\nA. At noon.\n"));
  CHECK(
      primary("3rd. Rose early and walked.\n\n4th. To the office.\n\n5th. (Sunday). At church.\n"));
  CHECK_FALSE(primary("On the 3rd. the ship sailed.\n\nThe 4th regiment followed.\n"));
}

TEST_CASE("genre: a primary source is not asked for citations") {
  const std::string letter = "Sir,\nThe union counted 4,000 weavers.\n\nYours truly,\nA Weaver\n";
  CHECK(flagged(statistic, letter, Language::PlainText).empty());
  Options secondary;
  secondary.genre = Genre::Secondary;
  CHECK(flagged(statistic, letter, Language::PlainText, secondary) == Strings{"4,000 weavers"});
  Options primary_options;
  primary_options.genre = Genre::Primary;
  CHECK(flagged(statistic, "The union counted 4,000 weavers.", Language::PlainText, primary_options)
            .empty());
  CHECK(
      flagged(statistic, "---\ngenre: newspaper\n---\nThe union counted 4,000 weavers.\n").empty());
  CHECK(flagged(statistic, "---\ngenre: secondary\n---\nThe union counted 4,000 weavers.\n") ==
        Strings{"4,000 weavers"});
}

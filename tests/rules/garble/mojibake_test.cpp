#include <doctest/doctest.h>

#include "garble_test_util.h"

using namespace histlint;
using namespace histlint::garble_test;

TEST_CASE("mojibake repairs UTF-8 read as Windows-1252") {
  const std::string text = "Trotskyâ€™s house in CoyoacÃ¡n.";
  const auto found = run_rule("garble/mojibake", text);
  REQUIRE(found.size() == 2);
  CHECK(covered(text, found[0]) == "â€™");
  CHECK(found[0].message ==
        "Mojibake: “â€™” is UTF-8 text misread as Windows-1252; it should "
        "read “’”.");
  CHECK(covered(text, found[1]) == "Ã¡");
  std::string repaired = apply_fix(text, found[1]);
  repaired = apply_fix(repaired, found[0]);
  CHECK(repaired == "Trotsky’s house in Coyoacán.");
}

TEST_CASE("mojibake repairs double encoding and Latin-1 readings") {
  const std::string twice = "He said Ã¢â‚¬Å“noÃ¢â‚¬Â\xC2\x9D twice.";
  auto found = run_rule("garble/mojibake", twice);
  REQUIRE(found.size() == 1);
  CHECK(found[0].fixes[0].edits[0].replacement == "“no”");
  CHECK(found[0].message.find("2 times") != std::string::npos);
  // Latin-1 shows the bytes 0x80-0x9F as C1 controls: â + U+0080 + U+0099 is ’.
  const std::string latin1 = "Trotsky\xC3\xA2\xC2\x80\xC2\x99s exile.";
  found = run_rule("garble/mojibake", latin1);
  REQUIRE(found.size() == 1);
  CHECK(found[0].message.find("Latin-1") != std::string::npos);
  CHECK(apply_fix(latin1, found[0]) == "Trotsky’s exile.");
  // Windows-1252 text read as Latin-1: a lone C1 control for a curly quote.
  const std::string c1 = "the \xC2\x93new course\xC2\x94 began";
  found = run_rule("garble/mojibake", c1);
  REQUIRE(found.size() == 2);
  CHECK(apply_fix(c1, found[0]) == "the “new course\xC2\x94 began");
}

TEST_CASE("mojibake reports lost characters without a repair") {
  const std::string text = "The name was spelled Trotsk\xEF\xBF\xBD\xEF\xBF\xBD in the file.";
  const auto found = run_rule("garble/mojibake", text);
  REQUIRE(found.size() == 1);
  CHECK(found[0].span.length == 6);
  CHECK(found[0].fixes.empty());
}

TEST_CASE("mojibake leaves real accents, capitals and Cyrillic alone") {
  const std::string text =
      "“CAFÉ” was painted on the wall; «Вся власть Советам!» — Ñandú, Âge d'or, Ångström, "
      "Ðorđe, naïve, Zürich, £5, 10°C, “VIÐ” and São Paulo.";
  CHECK(run_rule("garble/mojibake", text).empty());
}

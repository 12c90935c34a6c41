#include <doctest/doctest.h>

#include "garble_test_util.h"
#include "rules/garble/ocr_noise.h"

using namespace histlint;
using namespace histlint::garble_test;

TEST_CASE("ocr-noise repairs classic scanner confusions") {
  const std::string text =
      "Censorship was rarely as efficient as tbe critics claimed. Tlie office in the capital "
      "rnay have employed a handful of readers, who read every wor1d almanac.";
  const auto found = run_rule("garble/ocr-noise", text);
  REQUIRE(found.size() == 4);
  CHECK(covered(text, found[0]) == "tbe");
  CHECK(found[0].message == "“tbe” looks like an OCR misreading of “the” (“b” for “h”).");
  CHECK(apply_fix(text, found[0]).find("as the critics") != std::string::npos);
  CHECK(covered(text, found[1]) == "Tlie");
  CHECK(found[1].fixes[0].edits[0].replacement == "The");
  CHECK(found[2].fixes[0].edits[0].replacement == "may");
  CHECK(found[3].fixes[0].edits[0].replacement == "world");
}

TEST_CASE("ocr-noise merges neighbouring misreadings and joins hyphenation splits") {
  const std::string text =
      "After the emanci- pation of the serfs tbe rnarket for cheap print grew, and the revo-\n"
      "lution followed.";
  const auto found = run_rule("garble/ocr-noise", text);
  REQUIRE(found.size() == 3);
  CHECK(covered(text, found[0]) == "emanci- pation");
  CHECK(found[0].fixes[0].edits[0].replacement == "emancipation");
  CHECK(covered(text, found[1]) == "tbe rnarket");
  CHECK(apply_fix(text, found[1]).find("serfs the market for") != std::string::npos);
  CHECK(covered(text, found[2]) == "revo-\nlution");
}

TEST_CASE("ocr-noise reports junk tokens only beside other noise") {
  CHECK(run_rule("garble/ocr-noise", "The word xkcdq stands alone here.").empty());
  const std::string noisy = "The w|th tkrndl and bcdfgh in tbe text.";
  const auto found = run_rule("garble/ocr-noise", noisy);
  CHECK(flags(found, noisy, "tkrndl"));
  CHECK(flags(found, noisy, "w|th"));
}

TEST_CASE("ocr-noise leaves names, numbers, archaic and foreign words alone") {
  const std::string text =
      "Iulii Martov and Trotsky wrote to-day of the connexion; he did shew the gaol in vol. ii "
      "and chapter xiv. The 1st and 24th regiments of the 1920s marched 5km. Stalin followed "
      "religiously7 the well- known and pre- and post-war rules. Was tun? Das Buch ist nicht "
      "für die Massen geschrieben. Ce n'est pas une doctrine. The kulak and the mir; the "
      "narodnik. The NKVD, the RSFSR and McDonald's. £1 10s.";
  CHECK(run_rule("garble/ocr-noise", text).empty());
}

TEST_CASE("ocr-noise degrades gracefully without a dictionary") {
  const Dictionary none({"/nonexistent-dictionary-folder"});
  CHECK_FALSE(none.available());
  CHECK_FALSE(none.knows("the"));
  std::vector<Finding> found;
  const Document doc("Tbe w|th tkrndl and tbe text.", Language::Markdown);
  garble::find_ocr_noise(doc, none, found);
  // Misreadings need a dictionary; junk characters and impossible letter runs do not.
  REQUIRE(found.size() == 1);
  CHECK(doc.slice(found[0].span) == "w|th tkrndl");
}

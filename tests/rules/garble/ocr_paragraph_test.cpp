#include <doctest/doctest.h>

#include "garble_test_util.h"

using namespace histlint;
using namespace histlint::garble_test;

TEST_CASE("ocr-paragraph warns once about a paragraph too garbled to read") {
  const std::string text =
      "Tbe Bolsheviks tlien seized power; tbe rnen of tbe Soviet, wbo bad assembled in tbe "
      "Smolny Institute, voted tliat night for a government of the workers and the soldiers, "
      "and the news was sent to every town of tbe country by the next morning.";
  const auto found = run_rule("garble/ocr-paragraph", text);
  REQUIRE(found.size() == 1);
  CHECK(found[0].severity == Severity::Warning);
  CHECK(found[0].message.starts_with("Garbled OCR paragraph: "));
  CHECK(found[0].message.find(" of 44 words unreadable, such as “Tbe”") != std::string::npos);
  CHECK(covered(text, found[0]) == "Tbe");
  CHECK(found[0].related.size() == 5);
}

TEST_CASE("ocr-paragraph leaves a paragraph with one slip alone") {
  const std::string text =
      "The Bolsheviks then seized power; the men of the Soviet, who had assembled in the "
      "Smolny Institute, voted that night for a government of the workers and the soldiers, "
      "and the news was sent to every town of tbe country by the next morning.";
  CHECK(run_rule("garble/ocr-paragraph", text).empty());
  Options strict;
  strict.thresholds["garble/ocr-paragraph.share"] = 0.01;
  CHECK(run_rule("garble/ocr-paragraph", text, "doc.md", strict).empty());  // fewer than 4 words
}

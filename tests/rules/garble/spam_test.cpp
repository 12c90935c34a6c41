#include <doctest/doctest.h>

#include "garble_test_util.h"

using namespace histlint;
using namespace histlint::garble_test;

TEST_CASE("spam flags phone numbers and sales pitches as one insert") {
  const std::string text =
      "Trotsky arrived in Mexico in January 1937. Buy now and get free shipping on every book! "
      "Call 415-555-0132 today. He settled in Coyoacán.";
  const auto found = run_rule("garble/spam", text);
  REQUIRE(found.size() == 1);
  CHECK(covered(text, found[0]) ==
        "Buy now and get free shipping on every book! Call 415-555-0132 today.");
  CHECK(found[0].message.find("a phone number (415-555-0132)") != std::string::npos);
  CHECK(found[0].message.find("2 sales phrases") != std::string::npos);
  CHECK(apply_fix(text, found[0]) ==
        "Trotsky arrived in Mexico in January 1937. He settled in Coyoacán.");
}

TEST_CASE("spam flags keyword stuffing, promo codes and shouting") {
  const std::string stuffing =
      "The archive is open daily. Cheap essays, cheap essays online, best cheap essays, buy cheap "
      "essays, cheap essays fast, cheap essays help. The reading room closes at four.";
  auto found = run_rule("garble/spam", stuffing);
  REQUIRE(found.size() == 1);
  CHECK(found[0].message.find("keyword stuffing (“cheap”") != std::string::npos);
  CHECK(run_rule("garble/spam", "Use code HISTORY20 at checkout.").size() == 1);
  found = run_rule("garble/spam", "AMAZING DEALS ON HISTORY BOOKS TODAY ONLY!!!");
  REQUIRE(found.size() == 1);
  CHECK(found[0].message.find("shouting") != std::string::npos);
}

TEST_CASE("spam leaves citations, contacts, prices and refrains alone") {
  const std::string text =
      "I use the archive at marxists.org, which is free. Write to archive-enquiries@example.org "
      "for copies. Farmers sought the best price for their grain. The Soviet of Workers' "
      "Deputies met daily. Glory, glory, on we go, glory, glory, home at last, glory, glory, "
      "the winter's past, glory, glory, glory. ISBN 0-231-038-3614. WAR DECLARED!\n\n"
      "## Sources\n\nRetrieved from https://www.example.org/famine (tel. 212-555-0187).\n";
  CHECK(run_rule("garble/spam", text).empty());
  const std::string verse =
      "Glory, glory, on we go,\nglory, glory, home at last,\nglory, glory, glory, glory,\n"
      "glory, the winter's past.\n";
  CHECK(run_rule("garble/spam", verse).empty());
}

TEST_CASE("spam keyword stuffing needs more than a name shared by many places") {
  const std::string text =
      "The county paper reached Millbrook Parish, Ashford Parish, Elm Parish, Stoke Parish, "
      "Kirkby Parish and Upton Parish every Thursday, with some four thousand readers.";
  CHECK(run_rule("garble/spam", text).empty());
}

TEST_CASE("spam leaves a list of names that share a word alone") {
  const std::string text =
      "The survey covered Ashford Township, Brookfield Township, Carver Township, Dalton "
      "Township, Easton Township and Fairview Township, whose records the county kept.";
  CHECK(run_rule("garble/spam", text).empty());
  // The same word stuffed in lower case is still stuffing.
  const std::string stuffed =
      "Best township loans, cheap township loans, fast township loans, township loans today, "
      "township loans online and township loans now.";
  CHECK_FALSE(run_rule("garble/spam", stuffed).empty());
}

TEST_CASE("spam recomputes only an edited paragraph's facts") {
  CachedRule rule("garble/spam");
  std::string text =
      "The ferry crossed the sound twice a day.\n\nBuy now and get free shipping on every map! "
      "Call 415-555-0132 today.\n\nThe harbour froze in the winter of 1881.\n";
  REQUIRE(rule.run(text).size() == 1);
  CHECK(rule.facts_computed() == 3);

  text.replace(text.find("1881"), 4, "1882");
  const auto edited = rule.run(text);
  CHECK(rule.facts_computed() == 4);
  CHECK(describe(edited) == describe(rule.run(text, false)));
  REQUIRE(edited.size() == 1);
  CHECK(covered(text, edited[0]).starts_with("Buy now"));
}

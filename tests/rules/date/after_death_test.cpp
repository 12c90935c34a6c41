#include <doctest/doctest.h>

#include "rules/date/date_test_util.h"

using namespace histlint;
using namespace histlint::date_test;

TEST_CASE("after-death flags acts after death and before birth") {
  const std::string text =
      "Lenin died in January 1924. In 1926 Lenin travelled to Berlin. In 1901 Frida Kahlo met "
      "her future husband.";
  const auto found = run_rule("date/after-death", text);
  REQUIRE(found.size() == 2);
  CHECK(found[0].message ==
        "This sentence says Vladimir Lenin travelled in 1926, but he died on 21 January 1924.");
  CHECK(found[1].message ==
        "This sentence says Frida Kahlo met in 1901, but she was born on 6 July 1907.");
}

TEST_CASE("after-death reads acts of rulers and artists: granted, issued, composed") {
  const std::string text =
      "Lenin died in January 1924. In 1925 Lenin issued a decree. Trotsky composed a letter in "
      "1937.";
  const auto found = run_rule("date/after-death", text);
  REQUIRE(found.size() == 1);
  CHECK(flags(found, text, "issued"));
}

TEST_CASE("after-death leaves posthumous events alone") {
  const std::string text =
      "In 1989 Trotsky was published in the Soviet Union. In 2001 Trotsky was rehabilitated. "
      "Trotsky's history was published in 1942. In 1941 his widow published the notebooks. Had "
      "he lived, in 1945 Trotsky would have written about the bomb. In 1960 Mercader travelled "
      "to Prague.";
  CHECK(run_rule("date/after-death", text).empty());
}

TEST_CASE("after-death resolves pronouns to the last subject") {
  const std::string text =
      "Mercader was sent to prison for 20 years. When he was released in 1960 he travelled to "
      "Prague.";
  CHECK(run_rule("date/after-death", text).empty());
  const std::string wrong = "Trotsky was outmaneuvered by Stalin. In 1955, he wrote a memoir.";
  CHECK(run_rule("date/after-death", wrong).size() == 1);
}

TEST_CASE("after-death leaves a pronoun opening a paragraph about someone new alone") {
  const std::string passing =
      "# Exiles in Zurich\n\nThe circle met in a rented room. Vladimir Lenin was admired there, "
      "though he had died in 1924.\n\nBorn in 1930, he published a pamphlet in 1960.";
  CHECK(run_rule("date/after-death", passing).empty());
  const std::string biography =
      "# Vladimir Lenin\n\nVladimir Lenin studied law at Kazan. He wrote on land.\n\nIn 1930, "
      "he published a treatise on tides.";
  CHECK(run_rule("date/after-death", biography).size() == 1);
}

TEST_CASE("after-death takes no ship for the person it is named after") {
  CHECK(run_rule("date/after-death",
                 "Lenin died in January 1924. In 1959 the icebreaker Lenin travelled to Murmansk, "
                 "and in 1960 the crew of "
                 "the Lenin travelled south.")
            .empty());
  CHECK(run_rule("date/after-death",
                 "Lenin died in January 1924. In 1959 Lenin travelled to Murmansk.")
            .size() == 1);
}

TEST_CASE("after-death takes no place for the person it is named after") {
  CHECK(run_rule("date/after-death",
                 "Lenin died in January 1924. In 1959 Lenin, a mining town in the north, "
                 "published a plan.")
            .empty());
  CHECK(run_rule("date/after-death",
                 "Lenin died in January 1924. In 1959 Lenin, the revolutionary, published a plan.")
            .size() == 1);
}

TEST_CASE("after-death gives no pronoun to the dead when a relative opens the clause before") {
  CHECK(run_rule("date/after-death",
                 "Lenin died in January 1924. Years later his nephew found the letters. In 1959 "
                 "he travelled to Murmansk.")
            .empty());
  CHECK(run_rule("date/after-death",
                 "Lenin died in January 1924. Years later his niece found the letters. In 1959 he "
                 "travelled to Murmansk.")
            .size() == 1);
}

TEST_CASE("after-death cites the knowledge-base entry when the text gives no death date") {
  const auto found = run_rule("date/after-death", "In 1926 Lenin travelled to Berlin.");
  REQUIRE(found.size() == 1);
  REQUIRE(found[0].related.size() == 1);
  CHECK(found[0].related[0].path == "test-people.json");
  CHECK(found[0].related[0].message ==
        "Knowledge-base entry for Vladimir Lenin: death 21 January 1924");
}

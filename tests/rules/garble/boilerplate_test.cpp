#include <doctest/doctest.h>

#include "garble_test_util.h"

using namespace histlint;
using namespace histlint::garble_test;

TEST_CASE("boilerplate flags share bars and merges a comment form into one finding") {
  const std::string text =
      "Facebook Twitter Share\n\nTrotsky died the next day.\n\nLeave a Reply\n\n"
      "You are commenting using your Twitter account.\xC2\xA0Log\xC2\xA0Out\xC2\xA0/\xC2\xA0"
      "Change\xC2\xA0)\n\nConnecting to %s\n";
  const auto found = run_rule("garble/boilerplate", text, "page.txt");
  REQUIRE(found.size() == 2);
  CHECK(covered(text, found[0]) == "Facebook Twitter Share");
  CHECK(found[0].message ==
        "Scraped page furniture, not part of the text: a share bar (“Facebook Twitter Share”).");
  CHECK(covered(text, found[1]).starts_with("Leave a Reply"));
  CHECK(covered(text, found[1]).ends_with("Connecting to %s"));
  CHECK(found[1].message.find("3 lines of comment-form text such as “Leave a Reply”") !=
        std::string::npos);
  CHECK(apply_fix(text, found[0]).starts_with("Trotsky died"));
}

TEST_CASE("boilerplate flags image names and slugs glued into prose") {
  const std::string text =
      "He spent a spell in London. Museo-Leon-Trotsky-fachada\n\n"
      "He played a decisive role in the same year.Trot7Trot75\n\n"
      "Trotsky continued to criticise Stalin.trotsky5trotsky-1879-1940\n\nfoto 7.TIF\n\n"
      "stalin_lenin_trotskyI suspect they would brush Corbyn aside. OK?”corbyntrotsky\n\n"
      "pronounced [ˈlʲef] ( listen); born 1879.\n";
  const auto found = run_rule("garble/boilerplate", text, "page.txt");
  for (const char* junk : {"Museo-Leon-Trotsky-fachada", "Trot7Trot75", "trotsky5trotsky",
                           "foto 7.TIF", "stalin_lenin_trotsky", "corbyntrotsky", "( listen)"}) {
    CHECK_MESSAGE(flags(found, text, junk), junk);
  }
  // The glued capital I belongs to the next sentence and survives the fix.
  for (const auto& f : found) {
    if (covered(text, f) == "stalin_lenin_trotsky") {
      CHECK(apply_fix(text, f).find("\nI suspect") != std::string::npos);
    }
  }
  CHECK_FALSE(flags(found, text, "He spent a spell"));
}

TEST_CASE("boilerplate leaves prose that mentions the same words alone") {
  const std::string text =
      "Marx says:\n\n> The philosophers have only interpreted the world.\n\n"
      "Read more about the famine in chapter 3.\n\nShare this with your students.\n\n"
      "Posted in Vienna on 3 May 1907, the letter reached him two weeks later.\n\n"
      "Three Replies to Kautsky\n\nThe Trotskyist and anti-Stalinist press, Marx-Engels-Lenin "
      "institutes and Rimsky-Korsakov. Trotskyism and trotskyites.\n\n"
      "He left a reply on the table and went out.\n";
  CHECK(run_rule("garble/boilerplate", text, "notes.md").empty());
}

TEST_CASE("boilerplate leaves the markup of raw wikitext and cited web addresses alone") {
  const std::string text =
      "{{Infobox settlement\n|seal_caption     = Harbour Gate - survey photo - 40411.jpg\n"
      "|county_seat      = Porthmere\n|grid_reference = AB1234\n}}\n\n"
      "'''Porthmere''' is a fishing town.<ref>{{cite web|url=http://www.example.org/towns/"
      "porth_mere_history.html|title=Town history}}</ref>\n\n"
      "[[File:Old Quay from the north - survey photo - 88120.jpg|thumb|The old quay]]\n"
      "The quay was rebuilt in 1841.[http://archive.example.net/web/2011/quay_works.htm Works]\n";
  CHECK(run_rule("garble/boilerplate", text, "town.txt").empty());
  // The same image name glued into prose outside any link markup is still furniture.
  const std::string glued = "The quay was rebuilt in 1841. Old-quay-north-88120.jpg\n";
  CHECK(
      flags(run_rule("garble/boilerplate", glued, "town.txt"), glued, "Old-quay-north-88120.jpg"));
}

TEST_CASE("boilerplate leaves raw wikitext fields, its images and cited addresses alone") {
  const std::string wikitext =
      "{{Infobox settlement\n| official_name = Marlow\n| map_type = Buckinghamshire\n}}\n"
      "'''Marlow''' is a town.[[File:marlow_bridge.jpg|thumb|The bridge]] It grew up by the "
      "river.<ref>{{cite web|url=https://example.org/marlow_history_2011|title=History}}</ref>\n";
  CHECK(run_rule("garble/boilerplate", wikitext, "marlow.txt").empty());
  // A cited address outside wikitext is the source itself, not a glued slug.
  const std::string cited =
      "The mill closed in 1890.\n\nSource: https://example.org/mill_records_1890\n";
  CHECK(run_rule("garble/boilerplate", cited, "mill.txt").empty());
}

TEST_CASE("boilerplate flags wiki, shop, login and icon furniture of captured pages") {
  const std::string text =
      "Jump to navigation Jump to search\n\nFrom Wikipedia, the free encyclopedia\n\n"
      "## Early life\n\n[edit]The abbey was founded in 1132.\n\nBuy this Book at Amazon.com\n\n"
      "Log in\n\nShare to Twitter\n\nSearch icon\n\nAn illustration of a magnifying glass.\n\n"
      "Donate icon\n\nAn illustration of a heart shape\n\nHidden categories:\n";
  const auto found = run_rule("garble/boilerplate", text, "page.md");
  for (const char* junk :
       {"Jump to navigation Jump to search", "From Wikipedia, the free encyclopedia", "[edit]",
        "Buy this Book at Amazon.com", "Log in", "Share to Twitter",
        "An illustration of a magnifying glass.", "An illustration of a heart shape",
        "Hidden categories:"}) {
    CHECK_MESSAGE(flags(found, text, junk), junk);
  }
}

TEST_CASE("boilerplate leaves a single real caption and prose about shops and logins alone") {
  const std::string text =
      "The monks kept a small press.\n\nAn illustration of a Roman galley.\n\n"
      "He would buy the book at the fair in Frankfurt, and log in the ledger every sale.\n";
  CHECK(run_rule("garble/boilerplate", text, "book.md").empty());
}

TEST_CASE("boilerplate leaves scanned words with digits for letters to the OCR rules") {
  const std::string text =
      "The As8istant-8urgeen wo3ld not sacri6ce his post for the SUR8EON GENERAL.\n";
  CHECK(run_rule("garble/boilerplate", text, "scan.txt").empty());
}

TEST_CASE("boilerplate recomputes only an edited paragraph's facts and reads names from all") {
  CachedRule rule("garble/boilerplate");
  std::string text =
      "Natalia Sedova kept the diaries of the household.\n\nThe garden wall was raised in the "
      "spring.\n\nThe guards left the house at dawn.sedovadiaries\n";
  const auto first = rule.run(text);
  CHECK(flags(first, text, "sedovadiaries"));
  CHECK(rule.facts_computed() == 3);

  // Without the name in the first paragraph the run of letters is no slug glued from it.
  text.replace(text.find("Sedova"), 6, "Petrova");
  const auto edited = rule.run(text);
  CHECK(rule.facts_computed() == 4);
  CHECK(describe(edited) == describe(rule.run(text, false)));
  CHECK_FALSE(flags(edited, text, "sedovadiaries"));
}

TEST_CASE("boilerplate leaves italics marked with underscores inside a word alone") {
  const std::string text =
      "The printer of that edition set Hono_ur_ with an italic ending, and the reader who "
      "wrote Colo_ur_, not the shorter spelling, followed him. The proof was corrected in "
      "Oxford_._";
  CHECK(run_rule("garble/boilerplate", text + "\n", "book.txt").empty());
  // Underscores that only join words are still a slug.
  CHECK(run_rule("garble/boilerplate", "He wrote it down. honour_colour_favour\n", "page.txt")
            .size() == 1);
}

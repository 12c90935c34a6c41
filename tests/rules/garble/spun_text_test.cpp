#include <doctest/doctest.h>

#include "garble_test_util.h"

using namespace histlint;
using namespace histlint::garble_test;

namespace {

const std::string kCoherent =
    "The rural assemblies created in 1864 were meant to repair roads and open schools. Their "
    "members were elected in three curiae. The landowners dominated from the start, yet the "
    "assemblies soon hired teachers, doctors and statisticians.";

const std::string kSalad =
    "Did their grandson, who had been living with.. With methods reminiscent of “ trotskyism ” "
    "is a see also of this category... Coyoácan looked more like a fortress than a home was. "
    "Had expected to spread and take hold elsewhere had been stymied of. Denouncing Stalin ’ s "
    "view in what is to be desired would be a political,... Centralized strategy of production "
    "( e.g a truly global societal.! Social one was what the revolt Coyoácan looked more like a "
    "fortress than a.! Bureaucracy in the Soviet Union, the latter lot with the of....";

}  // namespace

TEST_CASE("spun-text flags a fragment salad and leaves the coherent opening clean") {
  const std::string text = kCoherent + " " + kSalad + "\n";
  const auto found = run_rule("garble/spun-text", text, "page.txt");
  REQUIRE(found.size() == 1);
  CHECK(covered(text, found[0]).starts_with("Did their grandson"));
  CHECK(found[0].span.end() == text.size() - 1);
  CHECK_FALSE(flags(found, text, "The rural assemblies"));
  CHECK(found[0].message.find("sentence fragments") != std::string::npos);
  CHECK(found[0].message.find("spaced punctuation marks") != std::string::npos);
  // The code action deletes the garbled run and the space before it.
  CHECK(apply_fix(text, found[0]) == kCoherent + "\n");
}

TEST_CASE("spun-text merges neighbouring garbled paragraphs into one run") {
  const std::string text = kSalad + "\n\n" + kSalad + "\n";
  CHECK(run_rule("garble/spun-text", text).size() == 1);
}

TEST_CASE("spun-text needs several garbled sentences close together") {
  // One cut-off sentence in good prose is not a run.
  const std::string text =
      kCoherent + " Had expected to spread and take hold elsewhere of.. " + kCoherent;
  CHECK(run_rule("garble/spun-text", text).empty());
}

TEST_CASE("spun-text threshold is configurable") {
  Options strict;
  strict.thresholds["garble/spun-text.threshold"] = 1000;
  CHECK(run_rule("garble/spun-text", kSalad, "doc.md", strict).empty());
}

TEST_CASE("spun-text leaves verse, lists, dialogue and quoted ellipses alone") {
  const std::string verse =
      "March, march, march away,\nmarch by night and march by day!\nover the hill and of.\n"
      "and the river runs with..\nthe sergeant shouts and.\nthe snow, the snow, the!\n";
  CHECK(run_rule("garble/spun-text", verse).empty());
  const std::string list =
      "- the first demand of\n- an eight-hour day and..\n- the right to form the!\n"
      "- an end to fines and.\n";
  CHECK(run_rule("garble/spun-text", list).empty());
  const std::string dialogue =
      "“Saw him! He came at us with a stick.” “Did anyone strike him back?” “No. Well... "
      "perhaps one of the boys.” “Think carefully!” “I am thinking!” “For now?” she repeated. "
      "“What does that mean?” He did not answer.";
  CHECK(run_rule("garble/spun-text", dialogue).empty());
  const std::string quote =
      "“The climax is coming… The destiny of Europe will hinge on its outcome… The leadership "
      "is carrying the proletariat to disaster… to capitulation before fascism… We must unite "
      "the working class.” He wrote this in 1931. The accused conspired . . . to overthrow the "
      "government; they met in secret . . . and they lied.";
  CHECK(run_rule("garble/spun-text", quote).empty());
}

TEST_CASE("spun-text scores a ten-megabyte single line in linear time") {
  std::string big;
  while (big.size() < 2'000'000) big += kCoherent + " " + kSalad + " ";
  const auto found = run_rule("garble/spun-text", big, "big.txt");
  CHECK_FALSE(found.empty());
}

TEST_CASE("spun-text reads a lowercase paragraph as resuming an unfinished one") {
  // A low threshold lets three lowercase starts suffice, so only the resumption keeps it clean.
  Options sensitive;
  sensitive.thresholds["garble/spun-text.threshold"] = 2;
  const std::string resumed =
      "In the morning I walked to my cousin's\n\n"
      "to ask her not to come, and then went to the office.\n\n"
      "Thence home, where my wife was ill\n\n"
      "[She had a cold since Christmas.]\n\n"
      "and so to bed early.\n\n"
      "At noon I dined with my father\n\n"
      "and his friend from the country.\n";
  CHECK(run_rule("garble/spun-text", resumed, "diary.txt", sensitive).empty());
  // The same lowercase starts after finished sentences are fragments.
  const std::string cut =
      "In the morning I walked to my cousin's.\n\n"
      "to ask her not to come, and then went to the office.\n\n"
      "Thence home, where my wife was ill.\n\n"
      "and so to bed early.\n\n"
      "At noon I dined with my father.\n\n"
      "and his friend from the country.\n";
  CHECK_FALSE(run_rule("garble/spun-text", cut, "diary.txt", sensitive).empty());
}

TEST_CASE("spun-text reads a sentence resumed after an editor's note as one sentence") {
  // A diary broken by bracketed notes, with the edition's own stray full stops ("which. I").
  const std::string text =
      "Up early, and by water to the Tower with my cousin\n"
      "\n"
      "[Thomas Bowyer, a clerk of the Exchequer.]\n"
      "\n"
      "and there we drank a pint of wine at the Swan, and so home, and my wife gave me a pie "
      "which. I had it of the cook, and thence to\n"
      "\n"
      "[Pike, much esteemed.]\n"
      "\n"
      "my Lord's lodgings, where I found him gone out, and so home, and my wife gave me a cake "
      "which. I had it of the maid, and so to\n"
      "\n"
      "[St. Olave, Hart Street.]\n"
      "\n"
      "church, where a stranger preached, and so home, and sat talking with\n"
      "\n"
      "[His landlady, a widow.]\n"
      "\n"
      "my brother of his business a great while, and so home and to bed.\n";
  CHECK(run_rule("garble/spun-text", text, "diary.txt").empty());
}

TEST_CASE("spun-text reads a small letter after a sum's full stop as the same sentence") {
  // Old newspapers set a full stop after sums and years inside a sentence: "£300. a year".
  const std::string text =
      "The accounts of the colliery were read to the court. The rent came to £300. a year, and "
      "the coals to £40. a quarter, and the wages of the men to £1,200. in the half-year. The "
      "agent said he was paid £150. a year, and the clerk £60. and his lodging. The loss in "
      "1855. was heavy, and in 1856. it was heavier still. The court then adjourned until "
      "Friday.\n";
  CHECK(run_rule("garble/spun-text", text, "report.txt").empty());
}

TEST_CASE("spun-text recomputes only an edited paragraph's facts and joins them with the rest") {
  CachedRule rule("garble/spun-text");
  const std::string later =
      "The district schools taught reading, sums and scripture. Most of their teachers came from "
      "the towns.";
  std::string text = kCoherent + "\n\n" + kSalad + "\n\n" + later + "\n";
  REQUIRE(rule.run(text).size() == 1);
  // Each paragraph's spun-text facts and the OCR facts they are judged beside.
  CHECK(rule.facts_computed() == 2 * 3);

  text.replace(text.find("Most of"), 4, "Many");
  const auto edited = rule.run(text);
  CHECK(rule.facts_computed() == 2 * 3 + 2);
  CHECK(describe(edited) == describe(rule.run(text, false)));
  REQUIRE(edited.size() == 1);
  CHECK(covered(text, edited[0]).starts_with("Did their grandson"));
}

TEST_CASE("spun-text leaves a hymn set as prose, with its exclamations and chorus, alone") {
  // A short exclaimed line and a line starting "And" after a comma are verse, not a spinner's
  // "!" at the end of a flat statement; the repeated chorus alone carries no evidence.
  const std::string hymn =
      "We sang the old song at the close of the feast, as the custom of the valley was. Ring "
      "out, ye bells, upon the harvest morning! The sheaves are gathered, And the barns are "
      "full of grain! Ring out, ye bells, upon the harvest morning! The reapers rest, And "
      "the lanes are loud with children! Ring out, ye bells, upon the harvest morning! Ring "
      "out, ye bells, upon the harvest morning! The company then rose and went home by "
      "lantern light.";
  CHECK(run_rule("garble/spun-text", hymn).empty());
}

TEST_CASE("spun-text takes a stray space before a comma for the typesetter's, not a tokenizer's") {
  const std::string prose =
      "The vicar, who had known the family for thirty years, rode over on the Tuesday , and "
      "found the house shut up, the garden overgrown, and the old gardener asleep in the "
      "stable. He called at the lodge, at the farm, and at the mill , but nobody could tell "
      "him where the young squire had gone, or when he meant to return, or what was to "
      "become of the servants. The steward, a cautious man, said only that letters had come "
      "from London , that the rents were to be paid as before, and that the timber was not "
      "to be touched. In the village, meanwhile, the talk was of debts, of a quarrel with "
      "the bank, and of a lady in Bath , whom nobody had seen, but whom everybody described. "
      "The vicar, for his part, wrote to the bishop, to the lawyer, and to the squire "
      "himself , and waited, with what patience he could muster, for an answer.";
  CHECK(run_rule("garble/spun-text", prose).empty());
  // A tokenizer spaces every comma.
  std::string tokenized = prose;
  for (size_t at = tokenized.find(", "); at != std::string::npos;
       at = tokenized.find(", ", at + 3)) {
    if (tokenized[at - 1] != ' ') tokenized.insert(at, " ");
  }
  CHECK(run_rule("garble/spun-text", tokenized).size() == 1);
}

TEST_CASE("spun-text leaves newspaper advertisements with reference codes and leader dots alone") {
  const std::string ads =
      "Apply to the Secretary, Town Hall. k512 HOUSES TO LET. ..24 TO  YARM.. .. .. 11,  "
      "STOCKTON..  Orders for our Improved Washing Machines, Wringers, and Perambulators.-J. "
      "Dobson and Co., 12, High-street, Stockton. k207 S MART Lad wanted.-Good wages are "
      "paid to a willing youth. Terms by letter.-Apply, Gazette Office, Yarm. k199 P "
      "IANOS.-A fine selection, cash or hire.";
  CHECK(run_rule("garble/spun-text", ads, "paper.txt").empty());
}

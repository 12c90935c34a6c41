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

TEST_CASE("ocr-noise joins a word split by a space when one part is no word") {
  const std::string text = "The govern ment sent a dele gation to the con ference at once.";
  const auto found = run_rule("garble/ocr-noise", text);
  REQUIRE(found.size() == 3);
  // Reported where the word breaks, the first part and the space: the second part is as printed.
  // The fix joins both.
  CHECK(covered(text, found[0]) == "govern ");
  CHECK(found[0].fixes[0].edits[0].replacement == "government");
  CHECK(apply_fix(text, found[0]) ==
        "The government sent a dele gation to the con ference at once.");
  CHECK(covered(text, found[1]) == "dele ");
  CHECK(found[2].message ==
        "“con ference” is one word split by a space; it should read “conference”.");
  // Two words that also make one ("any more", "to gether" with a common word) stay apart.
  CHECK(run_rule("garble/ocr-noise", "They would not wait any more for the boat.").empty());
}

TEST_CASE("ocr-noise leaves brand names, abbreviations, compounds and ligatures alone") {
  const std::string text =
      "The paper appeared in ZooKeys in 1902. The train left at 2 p.m. on the s.s. Dione, "
      "a vessel of 240ft. 6in. beam. The coalowner and the churchway dispute came to court. "
      "They will \xEF\xAC\x81"
      "nd ample scope, first,-on the river. Silver stood at 32\xE2\x85\x9B"
      "d.";
  CHECK(run_rule("garble/ocr-noise", text).empty());
}

TEST_CASE("ocr-noise reads a capital H inside a small word as a scanned ll") {
  const std::string text = "He gave aH his goods to the poor of the town.";
  const auto found = run_rule("garble/ocr-noise", text);
  REQUIRE(found.size() == 1);
  CHECK(apply_fix(text, found[0]) == "He gave all his goods to the poor of the town.");
}

TEST_CASE("ocr-noise offers no fix when letters of unrelated shapes had to be undone") {
  const std::string text = "The cart lost a wbecl on tbe road to the mill.";
  const auto found = run_rule("garble/ocr-noise", text);
  REQUIRE(found.size() == 2);
  CHECK(covered(text, found[0]) == "wbecl");
  CHECK(found[0].message.find("misreading of “wheel”") != std::string::npos);
  CHECK(found[0].fixes.empty());
  // Alone, such a reading is too weak to report: an old or rare word reaches it by chance.
  CHECK(run_rule("garble/ocr-noise", "The cart lost a wbecl on the road to the mill.").empty());
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

TEST_CASE("ocr-noise knows early-modern spelling") {
  const std::string text =
      "And hee did shew them the bloud upon the stone, which was onely seene by the publick, "
      "for the maister of the house knockt at the doore and cometh in; vpon which they did "
      "iudge him faine to ruine his sonne, and the theeves entred the countrey.";
  CHECK(run_rule("garble/ocr-noise", text).empty());
}

TEST_CASE("ocr-noise reads the capitals and the tho of newspaper scans") {
  const std::string text = "He said that aU the men of tho village shaU go, and tlio rest stay.";
  const auto found = run_rule("garble/ocr-noise", text);
  REQUIRE(found.size() == 4);
  CHECK(found[0].fixes[0].edits[0].replacement == "all");
  CHECK(found[1].fixes[0].edits[0].replacement == "the");
  CHECK(found[2].fixes[0].edits[0].replacement == "shall");
  CHECK(found[3].fixes[0].edits[0].replacement == "the");  // not "tho"
  CHECK(found[0].severity == Severity::Information);
  // "tho" after no preposition is the poet's "though".
  CHECK(run_rule("garble/ocr-noise", "Tho weary, he walked on.").empty());
}

TEST_CASE("ocr-noise judges a word split at a line end whole, never its fragments") {
  CHECK(run_rule("garble/ocr-noise", "They ob- tained the land and the num-\nbers grew.").size() ==
        2);
  const std::string text = "They ob- tained land, and the Gen-tleman came; they num-\nbered it.";
  const auto joined = run_rule("garble/ocr-noise", text);
  REQUIRE(joined.size() == 2);  // "Gen-tleman" is a word with a hyphen the printer kept
  CHECK(covered(text, joined[0]) == "ob- tained");
  CHECK(joined[0].fixes[0].edits[0].replacement == "obtained");  // never "tamed"
  CHECK(joined[1].fixes[0].edits[0].replacement == "numbered");
  // An unreadable joined word is reported as one error over both fragments.
  const std::string noisy = "The qxzv- wtrk and tbe rest.";
  const auto found = run_rule("garble/ocr-noise", noisy);
  REQUIRE(found.size() == 2);
  CHECK(covered(noisy, found[0]) == "qxzv- wtrk");
}

TEST_CASE("ocr-noise reports unknown words only beside other noise") {
  CHECK(run_rule("garble/ocr-noise", "The quondrel sat in the garden all the day.").empty());
  const std::string text = "The quondrel sat in tbe garden all the day.";
  CHECK(flags(run_rule("garble/ocr-noise", text), text, "quondrel"));
}

TEST_CASE("ocr-noise bounds the repairs it tries") {
  const Dictionary& dict = Dictionary::shared();
  size_t tried = 0;
  garble::ocr_repairs("chil" + std::string(120, 'i'), dict, tried);
  CHECK(tried == 0);  // too long to be a misread word
  garble::ocr_repairs("chil" + std::string(16, 'i'), dict, tried);
  CHECK(tried <= 600);
  CHECK(garble::ocr_repairs("tbe", dict, tried) == std::vector<std::string>{"the"});
  CHECK(tried >= 1);
}

TEST_CASE("ocr-noise survives hostile input") {
  // One 1 MB word, 100,000 hyphenated line breaks, digits and punctuation only, mixed scripts.
  std::vector<Finding> found;
  const Document one_word(std::string(1 << 20, 'x'), Language::PlainText);
  garble::find_ocr_noise(one_word, Dictionary::shared(), found);
  CHECK(found.size() <= 1);
  std::string breaks;
  for (int i = 0; i < 100000; ++i) breaks += "revo-\nlution ";
  found.clear();
  const Document hyphens(breaks, Language::PlainText);
  garble::find_ocr_noise(hyphens, Dictionary::shared(), found);
  CHECK(found.size() == 100000);
  found.clear();
  const Document digits("12,345 ... !!! 678.9 -- ;;; 0000 (1) [2] 1/2", Language::PlainText);
  garble::find_ocr_noise(digits, Dictionary::shared(), found);
  CHECK(found.empty());
  found.clear();
  const Document scripts("The Mosква and Αthens roads; the сity walls.", Language::PlainText);
  garble::find_ocr_noise(scripts, Dictionary::shared(), found);
  CHECK(found.empty());
}

TEST_CASE("ocr-noise leaves markup alone") {
  const std::string text =
      "The {{cite web|url=x|titel=Qxzv}} and [[Ibn al-Haytham|Alhazn]] wrote &amp; tbe rest; "
      "<ref name=qwxz>ibid.</ref> so [#qwzx]_.";
  for (const auto& f : run_rule("garble/ocr-noise", text)) CHECK(covered(text, f) == "tbe");
}

TEST_CASE("ocr-noise leaves journal names and citation labels alone") {
  const std::string text =
      "The survey appeared in *FieldNotes* and was indexed by WorldCat, doi 10.1000/182, in the "
      "same year; the scan of the old report reads laFt night and tHe harbour.";
  const auto found = run_rule("garble/ocr-noise", text);
  CHECK_FALSE(flags(found, text, "FieldNotes"));
  CHECK_FALSE(flags(found, text, "WorldCat"));
  CHECK_FALSE(flags(found, text, "doi"));
  CHECK(flags(found, text, "tHe"));
}

TEST_CASE("ocr-noise reads round letters and a final s the scanner confused") {
  const std::string text =
      "The oountry road was olearly marked, and the coach waa late because the horse was lame.";
  const auto found = run_rule("garble/ocr-noise", text);
  REQUIRE(found.size() == 3);
  CHECK(found[0].fixes[0].edits[0].replacement == "country");
  CHECK(found[1].fixes[0].edits[0].replacement == "clearly");
  CHECK(found[2].fixes[0].edits[0].replacement == "was");
  // A final "a" of a longer word is a Latin or Italian ending, not a scanned "s".
  CHECK(run_rule("garble/ocr-noise", "He painted in aquatinta and sold the prints at the fair.")
            .empty());
}

TEST_CASE("ocr-noise takes off accents a scanner put on English words") {
  const std::string text =
      "We found thé old house empty, and thé garden hâve been sold to a créature of the town.";
  const auto found = run_rule("garble/ocr-noise", text);
  REQUIRE(found.size() == 4);
  CHECK(covered(text, found[0]) == "thé");
  CHECK(found[0].message ==
        "“thé” looks like an OCR misreading of “the” (an accent the scanner added).");
  CHECK(found[3].fixes[0].edits[0].replacement == "creature");
  // A loanword with its accent, and one stray accented word, are left alone.
  CHECK(run_rule("garble/ocr-noise", "The séance ended in débris and the rôle was his.").empty());
  CHECK(run_rule("garble/ocr-noise", "They drank thé at five in the old house by the river.")
            .empty());
}

TEST_CASE("ocr-noise reads a lone 1 between words as a misread I") {
  const std::string text = "When 1 stood at the door tbe house was dark, and 1 lay down in it.";
  const auto found = run_rule("garble/ocr-noise", text);
  REQUIRE(found.size() == 3);
  CHECK(covered(text, found[0]) == "1");
  CHECK(found[0].message == "A lone “1” between words looks like an OCR misreading of “I” or “!”.");
  CHECK(found[0].fixes.empty());
  // Numbers before units, ranges and after "page" stay numbers.
  CHECK(run_rule("garble/ocr-noise", "Add 1 lb of flour and 1 to 3 eggs, as on page 1 of tbe book.")
            .size() == 1);
}

TEST_CASE("ocr-noise reads a lone 1 before a verb that takes I as a misread I wherever it stands") {
  // After a name, a closing quote, or at the start of a block: "1 am", "1 have".
  const std::string text =
      "1 am told so. Of Lord Ashby 1 have many memories, and the cellar was 'damp.' 1 need "
      "not say more.";
  const auto found = run_rule("garble/ocr-noise", text);
  REQUIRE(found.size() == 3);
  CHECK(covered(text, found[0]) == "1");
  CHECK(found[0].message == "A lone “1” before “am” looks like an OCR misreading of “I”.");
  CHECK(apply_fix(text, found[0]).starts_with("I am told so."));
  CHECK(found[1].span.offset == text.find("1 have"));
  CHECK(found[2].span.offset == text.find("1 need"));
  // Other words after a stop that ends a name: "At the Grange, 1 sat".
  const std::string after_name = "At the Grange, 1 sat with tbe others.";
  const auto weak = run_rule("garble/ocr-noise", after_name);
  REQUIRE(weak.size() == 2);
  CHECK(covered(after_name, weak[0]) == "1");
  CHECK(weak[0].fixes.empty());
  // A number or a time before it: "page 1 was", "at 1 am", "In 1839 1 was".
  CHECK(run_rule("garble/ocr-noise",
                 "The train left at 1 am sharp. Page 1 was torn. In 1839 1 was abroad.")
            .empty());
  // Not before other words: "Henry 1 ruled", "Edward 1 made".
  CHECK(run_rule("garble/ocr-noise", "Of the kings, Edward 1 made the laws.").empty());
}

TEST_CASE("ocr-noise reads a capital H that starts no English word as a misread li") {
  const std::string text = "They went, Hke the others, down to the shore and back.";
  const auto found = run_rule("garble/ocr-noise", text);
  REQUIRE(found.size() == 1);
  CHECK(apply_fix(text, found[0]) == "They went, like the others, down to the shore and back.");
  // Glued to the next word, no repair is known: reported only beside other noise.
  CHECK(run_rule("garble/ocr-noise", "And Hkewisewere the others gone home.").empty());
  const std::string noisy = "And Hkewisewere tbe others gone home.";
  const auto merged = run_rule("garble/ocr-noise", noisy);
  REQUIRE(merged.size() == 1);
  CHECK(covered(noisy, merged[0]) == "Hkewisewere tbe");
  CHECK(merged[0].fixes.empty());
  // Names starting with H and a vowel, "y", "r" or "s" (Chinese names such as "Hsu") are left.
  CHECK(run_rule("garble/ocr-noise", "Hsu and Hyde met Hrothgar at tbe hall.").size() == 1);
}

TEST_CASE("ocr-noise reports a q between consonants near other noise") {
  const std::string text = "The Lqrd Mayor spoke to tbe committee.";
  const auto found = run_rule("garble/ocr-noise", text);
  REQUIRE(found.size() == 2);
  CHECK(covered(text, found[0]) == "Lqrd");
  CHECK(found[0].fixes.empty());
  // A "q" beside a vowel is a transliteration: "Iqbal", "Shqip".
  CHECK(run_rule("garble/ocr-noise", "Iqbal wrote of Shqiperia in tbe preface.").size() == 1);
}

TEST_CASE("ocr-noise never judges the rest of a word split after a ligature") {
  CHECK(run_rule("garble/ocr-noise",
                 "They include many rich and e\xEF\xAC\x80"
                 "ec- tive patterns.")
            .empty());
  // A word split after plain letters is still judged whole.
  const std::string plain = "They include many rich and effec- tive patterns.";
  const auto found = run_rule("garble/ocr-noise", plain);
  REQUIRE(found.size() == 1);
  CHECK(covered(plain, found[0]) == "effec- tive");
}

TEST_CASE("ocr-noise leaves words made by rule from dictionary words alone") {
  const std::string text =
      "The unhelped and unwetted walkers and the undermaster crossed tbe hall unrebuked.";
  const auto found = run_rule("garble/ocr-noise", text);
  REQUIRE(found.size() == 1);
  CHECK(covered(text, found[0]) == "tbe");
  // A prefix before a misreading is no such word: "unbappy" is "unhappy".
  const std::string misread = "The unbappy walkers crossed the hall.";
  const auto repaired = run_rule("garble/ocr-noise", misread);
  REQUIRE(repaired.size() == 1);
  CHECK(apply_fix(misread, repaired[0]) == "The unhappy walkers crossed the hall.");
}

TEST_CASE("ocr-noise leaves elisions with an apostrophe alone") {
  const std::string text = "'Tis said, and 'twas so, that tbe king would come 'gainst them.";
  const auto found = run_rule("garble/ocr-noise", text);
  REQUIRE(found.size() == 1);
  CHECK(covered(text, found[0]) == "tbe");
  // After an apostrophe, a misreading is still one.
  const std::string quoted = "He said 'tlie king is come.'";
  REQUIRE(run_rule("garble/ocr-noise", quoted).size() == 1);
}

TEST_CASE("ocr-noise prefers one round-letter confusion to two old-spelling changes") {
  // "priee": "price" with an "e" read for "c", or two changes of old spelling from "pry".
  const std::string text = "The priee was told to them at once.";
  const auto found = run_rule("garble/ocr-noise", text);
  REQUIRE(found.size() == 1);
  CHECK(apply_fix(text, found[0]) == "The price was told to them at once.");
  // Two old-spelling changes ("braule" for "brawl") beat a confusion of other letters that
  // reaches a rare word ("branle").
  CHECK(run_rule("garble/ocr-noise", "They fell to a braule in the street.").empty());
}

TEST_CASE("ocr-noise reads short words in a pronoun's or preposition's place as misreadings") {
  const std::string text =
      "When be was come, the cook said lie had bread m the oven, and a loaf ol the best; he "
      "bad not eaten.";
  const auto found = run_rule("garble/ocr-noise", text);
  REQUIRE(found.size() == 5);
  CHECK(apply_fix(text, found[0]).find("When he was come") != std::string::npos);
  CHECK(apply_fix(text, found[1]).find("said he had bread") != std::string::npos);
  CHECK(apply_fix(text, found[2]).find("bread in the oven") != std::string::npos);
  CHECK(apply_fix(text, found[3]).find("a loaf of the best") != std::string::npos);
  CHECK(apply_fix(text, found[4]).find("he had not eaten") != std::string::npos);
  // The words in their own places: "the lie was", "to be is", "will be will be", "5 m the",
  // "it may be had", "a bad night".
  CHECK(run_rule("garble/ocr-noise",
                 "The lie was plain. To be is to act, and what will be will be. The wall is 5 m "
                 "the longer. It may be had for a shilling after a bad night.")
            .empty());
}

TEST_CASE("ocr-noise reads Is in a price as a misread 1s") {
  const std::string text =
      "Cloth, pub. at \xC2\xA3"
      "1. Is 12s. Tablets, Is 9d, from all chemists.";
  const auto found = run_rule("garble/ocr-noise", text);
  REQUIRE(found.size() == 2);
  CHECK(found[0].message == "“Is” looks like an OCR misreading of “1s” (one shilling) in a price.");
  CHECK(apply_fix(text, found[1]).find("Tablets, 1s 9d,") != std::string::npos);
  // A question after a price, and "Is" before other words, are the verb.
  CHECK(run_rule("garble/ocr-noise",
                 "The fare was \xC2\xA3"
                 "1. Is it dear? Is 9 a lot?")
            .empty());
}

TEST_CASE("ocr-noise reads Ac. closing a list as a misread &c.") {
  const std::string text = "Knives, razors, strops, Ac. Go to the cutler.";
  const auto found = run_rule("garble/ocr-noise", text);
  REQUIRE(found.size() == 1);
  CHECK(apply_fix(text, found[0]) == "Knives, razors, strops, &c. Go to the cutler.");
  // Not after a word with no comma ("the Ac. of 1900"), nor without its stop.
  CHECK(run_rule("garble/ocr-noise", "Under the Ac. of 1900, razors, Ac were taxed.").empty());
}

TEST_CASE("ocr-noise prefers one confusion to two words run together") {
  const std::string text = "He went witbout a word, and the coalowner followed him out.";
  const auto found = run_rule("garble/ocr-noise", text);
  REQUIRE(found.size() == 1);
  CHECK(found[0].fixes[0].edits[0].replacement == "without");
}

TEST_CASE("ocr-noise joins a common word and a fragment split by a space") {
  const std::string text = "Their where abouts were kept secret by the guards for a week.";
  const auto found = run_rule("garble/ocr-noise", text);
  REQUIRE(found.size() == 1);
  CHECK(found[0].fixes[0].edits[0].replacement == "whereabouts");
}

TEST_CASE("ocr-noise reads a long capitalised word one round letter from a word") {
  const std::string text = "They met at the Temperanoe Hall in Lambeth before the vote.";
  const auto found = run_rule("garble/ocr-noise", text);
  REQUIRE(found.size() == 1);
  CHECK(found[0].fixes[0].edits[0].replacement == "Temperance");
  // A name, or an Italian one ending in "o", is left alone.
  CHECK(run_rule("garble/ocr-noise", "They dined with Mr Hobbins at the Principato in Rome.")
            .empty());
}

TEST_CASE("ocr-noise joins words split with a Unicode hyphen and never judges the fragments") {
  const std::string clean =
      "The assembly met to de\u2010 cide the question, and the govern\u2010 ment gave way.";
  CHECK(run_rule("garble/ocr-noise", clean).empty());
  // The transcriber's hyphen is kept; a misreading in the joined word is still found.
  const std::string misread = "The whole govern\u2010 rnent resigned after tbe vote was lost.";
  const auto found = run_rule("garble/ocr-noise", misread);
  REQUIRE(found.size() == 2);
  CHECK(covered(misread, found[0]) == "govern\u2010 rnent");
  CHECK(found[0].fixes[0].edits[0].replacement == "government");
}

TEST_CASE("ocr-noise joins the last word of a hyphenated compound split at a line end") {
  const std::string text =
      "Bound with the Reports-Transac- tions of the society and the 12.Illus- trations of the "
      "coast.";
  const auto found = run_rule("garble/ocr-noise", text);
  REQUIRE(found.size() == 2);
  CHECK(covered(text, found[0]) == "Transac- tions");
  CHECK(found[0].fixes[0].edits[0].replacement == "Transactions");
  CHECK(covered(text, found[1]) == "Illus- trations");
}

TEST_CASE("ocr-noise leaves a Latin quotation inside an English sentence alone") {
  const std::string latin =
      "Over the door he carved dulcius ignotis ardentibus animis patriam servandis, a motto of "
      "his own making.";
  CHECK(run_rule("garble/ocr-noise", latin).empty());
  // A badly scanned English line has its function words and its scanner marks.
  const std::string scanned =
      "Over tbe door he carvcd dulcius ignotis ardentibus aniMis patriam servandis, a motto of "
      "his own making.";
  CHECK_FALSE(run_rule("garble/ocr-noise", scanned).empty());
}

TEST_CASE("ocr-noise judges dictionary words that a scanner made by their neighbours") {
  const std::string text =
      "The bailiff bas taken ail the cattle, and ho drove them past tho mill to bis own yard "
      "before the rent bad been paid.";
  const auto found = run_rule("garble/ocr-noise", text);
  std::vector<std::string> fixes;
  for (const auto& f : found) fixes.push_back(f.fixes.at(0).edits.at(0).replacement);
  CHECK(fixes == std::vector<std::string>{"has", "all", "he", "the", "his", "had"});
}

TEST_CASE("ocr-noise leaves the same words alone where they are meant") {
  for (const std::string text :
       {"Nothing could ail him now that the harvest was in.", "A bas les tyrans was the cry.",
        "Tho weary, he walked on to the inn.", "They sailed westward ho into the dark.",
        "The bad news reached the town by noon.", "No. 12 bis is the house on the corner."}) {
    CAPTURE(text);
    CHECK(run_rule("garble/ocr-noise", text).empty());
  }
}

TEST_CASE("ocr-noise reads a final capital U as a scanned ll") {
  const std::string text = "The soul is immortaU and the body is not.";
  const auto found = run_rule("garble/ocr-noise", text);
  REQUIRE(found.size() == 1);
  CHECK(covered(text, found[0]) == "immortaU");
}

TEST_CASE("ocr-noise treats a one-word foreign line beside a foreign sentence as foreign") {
  const std::string text =
      "Der wirt sprach ernst: komm morgen. Was ist mit dir und deinem bruder? So the tale "
      "begins.";
  CHECK(run_rule("garble/ocr-noise", text).empty());
}

TEST_CASE("ocr-noise reads an apostrophe the scanner made of a letter or a space") {
  const std::string text = "My brother'a horse stood on'the hill, and l'm sure of it.";
  const auto found = run_rule("garble/ocr-noise", text);
  REQUIRE(found.size() == 3);
  CHECK(found[0].fixes[0].edits[0].replacement == "brother's");
  CHECK(found[1].fixes[0].edits[0].replacement == "on the");
  CHECK(found[2].fixes[0].edits[0].replacement == "I'm");
  CHECK(
      run_rule("garble/ocr-noise", "The ship o'er the sea, and we'll go to Anna's house.").empty());
}

TEST_CASE("ocr-noise repairs a capitalised common word inside a sentence") {
  const std::string text = "The wall, Whioh stood by the Ohurch, fell in the night.";
  const auto found = run_rule("garble/ocr-noise", text);
  REQUIRE(found.size() == 2);
  CHECK(found[0].fixes[0].edits[0].replacement == "Which");
  CHECK(found[1].fixes[0].edits[0].replacement == "Church");
  CHECK(run_rule("garble/ocr-noise", "The letter reached Mr. Orme at Tuam in the spring.").empty());
}

#include <doctest/doctest.h>

#include "source_test_util.h"

using namespace histlint;
using namespace histlint::test;

namespace {
const RuleDef& rule = source_rules::unsourced_quotation();
}  // namespace

TEST_CASE("quotation: words attributed to a speaker with no source") {
  const auto run = run_rule(rule,
                            "In 1923, Stalin told both Dzerzhinsky and Kamenev, “To choose the "
                            "victim, carefully prepare the blow, then go to bed.”");
  REQUIRE(run.findings.size() == 1);
  CHECK(run.findings[0].message ==
        "quotation attributed to Stalin without a source: “To choose the victim, carefully "
        "prepare the blow, then go to…”");
  CHECK(run.findings[0].severity == Severity::Warning);
  CHECK(run.flagged()[0].rfind("“To choose the victim", 0) == 0);
}

TEST_CASE("quotation: speaker after the quotation, and a quotation interrupted by it") {
  CHECK(flagged(rule, "“The key to the situation is found in Germany”, he wrote in 1931.") ==
        Strings{"“The key to the situation is found in Germany”"});
  const auto run = run_rule(rule,
                            "“On his sixtieth birthday”, wrote Natalya Sedov, “Leon Davidovich "
                            "felt alone, the last survivor of an annihilated legion.”");
  REQUIRE(run.findings.size() == 1);
  CHECK(run.findings[0].message.find("attributed to Natalya Sedov") != std::string::npos);
  CHECK(run.findings[0].message.find("On his sixtieth birthday … Leon Davidovich") !=
        std::string::npos);
}

TEST_CASE("quotation: one finding for a quotation the writer interrupts") {
  CHECK(flagged(rule,
                "\"It was not like that at all,\" she wrote; \"the room was half empty "
                "and the judge was bored.\"")
            .size() == 1);
}

TEST_CASE("quotation: introduced by a colon in the sentence or the paragraph before") {
  CHECK(flagged(rule,
                "He wrote that he would go on: ‘I shall die a proletarian revolutionist, "
                "a Marxist.’")
            .size() == 1);
  CHECK(flagged(rule, "He said:\n\n“Ideas that enter the mind under fire remain there securely.”\n",
                Language::PlainText)
            .size() == 1);
  CHECK(flagged(rule,
                "Trotsky wrote:\n\n> Life is beautiful. Let the future generations "
                "cleanse it of all evil.\n")
            .size() == 1);
}

TEST_CASE("quotation: a citation or a named work is a source") {
  const char* clean[] = {
      "Stalin told Kamenev, “To choose the victim, carefully prepare the blow.”[3]",
      "Stalin told Kamenev, “To choose the victim, carefully prepare the blow” (Souvarine 1939, p. "
      "485).",
      "Trotsky wrote in *My Life*: “I shall die a proletarian revolutionist and an atheist.”",
      "According to Bazhanov’s memoirs, Stalin said, “To choose the victim is the sweetest "
      "thing.”",
      "Trotsky wrote:\n\n> Life is beautiful. Let the future generations cleanse it of all "
      "evil.\n>\n> — Trotsky, *Testament*, 1940\n",
      "Trotsky wrote:\n\n> Life is beautiful. Let the future generations cleanse it of all "
      "evil.[^1]\n\n[^1]: Trotsky, *Diary in Exile*.\n",
  };
  for (const char* text : clean) {
    INFO(std::string(text));
    CHECK(flagged(rule, text).empty());
  }
}

TEST_CASE("quotation: scare quotes, titles, imagined dialogue and questions are not flagged") {
  const char* clean[] = {
      "He opposed “direct action” and the “theory of socialism in one country”.",
      "A member of the crowd shouts out “right wing scumbag!”",
      "He published “The Stalin School of Falsification” in 1932, a book on the purges.",
      "One can only imagine their conversations “Right Jeremy, today’s key message is simple and "
      "clear.”",
      "Did he really say “we shall win the war against the whole world”?",
      "> A block quote that nobody introduces is left alone because it may be a note.\n",
      "“You were at the factory that morning, then?” the magistrate asked.",
      "The record breaks off: \"I never met him, I never wrote to him, and if the court "
      "believes otherwise...\" The answer is missing, and nobody knows what he said.",
  };
  for (const char* text : clean) {
    INFO(std::string(text));
    CHECK(flagged(rule, text).empty());
  }
}

TEST_CASE("quotation: the minimum length is a threshold") {
  Options options;
  options.thresholds["source/unsourced-quotation.minimum-words"] = 3;
  CHECK(
      flagged(rule, "He said, “the planet without a visa”.", Language::Markdown, options).size() ==
      1);
  CHECK(flagged(rule, "He said, “the planet without a visa”.").empty());
}

TEST_CASE("quotation: a noun spelled like a speech verb credits no one") {
  // "notes" here is a noun: two short phrases, not one quotation interrupted by its speaker.
  CHECK(flagged(rule,
                "He helped his “loving friend” Speght with notes from “divers records and "
                "monuments,” which that friend used.")
            .empty());
  CHECK(flagged(rule, "“We are loving friends”, he notes, “and divers records show it.”").size() ==
        1);
}

TEST_CASE("quotation: the speaker is the author of a work the text names") {
  // A record named in the sentence: "who records the visit in his journal".
  CHECK(flagged(rule,
                "She wrote to Pellow, who records the visit in his journal, that she counted "
                "herself “the happiest of all the sisters that spring.”")
            .empty());
  // An author cited with his work earlier in the text.
  CHECK(flagged(rule,
                "Much is told by Mr. R. T. Harwood, under the heading “the wardens and their "
                "books,” in his _Annals of the Dyers_, 1881.\n\n"
                "Mr. Harwood remarks on this: “It is strange how little the wardens cared to "
                "keep their own accounts.”")
            .empty());
  // A work named in the paragraph, its author then quoted as "he".
  CHECK(flagged(rule,
                "The editor printed Ralph Merton's _Chronicle of the Fens_ as an appendix. The "
                "monk is often credulous, but he rightly says, “A town is only as safe as the "
                "dykes that keep the water out.”")
            .empty());
  // Without the work, or with another speaker, the quotation still needs its source.
  CHECK(flagged(rule,
                "Mr. R. T. Harwood was a warden of the guild.\n\nMr. Harwood remarks on this: "
                "“It is strange how little the wardens cared to keep their own accounts.”")
            .size() == 1);
  CHECK(flagged(rule,
                "The editor printed the old chronicle as an appendix. The monk is often "
                "credulous, but he rightly says, “A town is only as safe as the dykes that keep "
                "the water out.”")
            .size() == 1);
}

TEST_CASE("quotation: reported words whose quotation marks were lost") {
  CHECK(flagged(rule,
                "Ashford replied, The danger to the town was such that the gates must be shut. "
                "He wanted time.",
                Language::PlainText) ==
        Strings{"The danger to the town was such that the gates must be shut."});
  CHECK(flagged(rule, "His last words were reported as I have done what I could for them all.",
                Language::PlainText)
            .size() == 1);
  CHECK(flagged(rule,
                "The governor described Mason as:\na known smuggler, and the first cause of all "
                "the troubles in our harbour.\n",
                Language::PlainText)
            .size() == 1);
  const char* clean[] = {
      // Told in the writer's own first person, "as I" is a time.
      "I was in the hall. It was announced as I stood by the door that the king had gone.",
      // A name after the comma, a lower-case word after a plain colon, and too few words.
      "Ashford replied, Hollis and Crane would be told the plan in the morning.",
      "Ashford replied: the plan was set, and the money was found in the end.",
      "Ashford replied, The plan stands.",
      // The source is cited.
      "Ashford replied, The danger to the town was such that the gates must be shut.[1]",
  };
  for (const char* text : clean) {
    INFO(std::string(text));
    CHECK(flagged(rule, text, Language::PlainText).empty());
  }
}

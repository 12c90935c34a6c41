// date/life-dates-mismatch against the bundled knowledge base: Trotsky's dates are the examples.
#include <doctest/doctest.h>

#include "rules/engine.h"
#include "rules/kb/knowledge_base.h"
#include "server/kb_files.h"

namespace histlint {
namespace {

// The messages of the rule's findings on `text`, against the bundled knowledge base.
std::vector<std::string> life_date_findings(const std::string& text) {
  std::vector<std::string> messages;
  for (const auto& f : analyze_text("t.md", text, Options{}, bundled_knowledge_base())) {
    if (f.rule == "date/life-dates-mismatch") messages.push_back(f.message);
  }
  return messages;
}

TEST_CASE("date/life-dates-mismatch reports the text date with the knowledge base's") {
  const auto findings = analyze_text("t.md", "Leon Trotsky (1880–1940) was a revolutionary.\n",
                                     Options{}, bundled_knowledge_base());
  const Finding* found = nullptr;
  for (const auto& f : findings) {
    if (f.rule == "date/life-dates-mismatch") found = &f;
  }
  REQUIRE(found);
  CHECK(found->message ==
        "This gives Leon Trotsky's birth as 1880, but the people knowledge base has 7 November "
        "1879.");
  REQUIRE(found->related.size() == 1);
  CHECK(found->related[0].path == bundled_knowledge_base().find("leon-trotsky")->source_file);
  const auto clean = analyze_text("t.md", "Leon Trotsky (1879–1940) was a revolutionary.\n",
                                  Options{}, bundled_knowledge_base());
  for (const auto& f : clean) CHECK(f.rule != "date/life-dates-mismatch");
}

TEST_CASE("date/life-dates-mismatch compares deaths the text dates as events") {
  const auto found = life_date_findings(
      "Leon Trotsky lived in Coyoacán. In 1939 he was murdered there by an agent.\n");
  REQUIRE(found.size() == 1);
  CHECK(found[0] ==
        "This gives Leon Trotsky's death as 1939, but the people knowledge base has 21 August "
        "1940.");
  // The attack may precede a violent death by days; a namesake's dates are far off.
  CHECK(life_date_findings("Leon Trotsky was assassinated on 20 August 1940.\n").empty());
  CHECK(life_date_findings("In 1890 Lenin died in a village near Kazan.\n").empty());
}

TEST_CASE("date/life-dates-mismatch follows a role phrase to the person it stands for") {
  const auto found = life_date_findings(
      "Geoffrey of Brittany quarrelled with his brothers. This duke died in 1188 at a "
      "tournament.\n");
  REQUIRE(found.size() == 1);
  CHECK(found[0].find("death as 1188") != std::string::npos);
  CHECK(found[0].find("1186") != std::string::npos);
  // A verb after "but" shares the subject of the clause before, not the possessor next to it.
  const auto coordinated = life_date_findings(
      "Geoffrey of Brittany quarrelled with his brothers. This duke was knighted by his father's "
      "order; but died in 1188 at a tournament.\n");
  REQUIRE(coordinated.size() == 1);
  CHECK(coordinated[0].find("death as 1188") != std::string::npos);
  // Across a paragraph break, or with a second duke named, the phrase stays unlinked.
  CHECK(life_date_findings("Geoffrey of Brittany quarrelled with his brothers.\n\nThis duke died "
                           "in 1188 at a tournament.\n")
            .empty());
  CHECK(life_date_findings("Geoffrey of Brittany met the Duke of Wellington. This duke died in "
                           "1188 at a tournament.\n")
            .empty());
}

}  // namespace
}  // namespace histlint

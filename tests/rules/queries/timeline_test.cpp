#include "rules/queries/timeline.h"

#include <doctest/doctest.h>

#include "rules/date/date_test_util.h"
#include "rules/engine.h"
#include "rules/extract/date_events.h"
#include "server/kb_files.h"

using namespace histlint;

namespace {

struct Drawn {
  std::vector<Finding> findings;
  Timeline timeline;
};

Drawn timeline_of(const std::string& text, const KnowledgeBase& kb = date_test::test_kb()) {
  const Document doc(text, Language::Markdown);
  const Options options;
  const Analysis analysis(doc, options, kb, "doc.md");
  Drawn drawn;
  drawn.findings = run_rules(analysis);
  drawn.timeline = build_timeline(analysis, drawn.findings);
  return drawn;
}

std::string_view at(const std::string& text, Span span) {
  return std::string_view(text).substr(span.offset, span.length);
}

int64_t jdn(int year, int month, int day) {
  return calendar::day_number_unchecked(year, month, day, Calendar::Gregorian);
}

}  // namespace

TEST_CASE("timeline draws the people named with their lifespans, in order of first mention") {
  const std::string text =
      "Frida Kahlo painted in Coyoacán in 1938. Stalin read the papers. Kahlo wrote again.";
  const auto drawn = timeline_of(text);
  REQUIRE(drawn.timeline.people.size() == 2);
  const TimelinePerson& kahlo = drawn.timeline.people[0];
  CHECK(kahlo.person_id == "frida-kahlo");
  CHECK(kahlo.lifespan == "1907–1954");
  CHECK(kahlo.born_first == jdn(1907, 7, 6));
  CHECK(kahlo.died_last == jdn(1954, 7, 13));
  CHECK(kahlo.mention_count == 2);
  CHECK(at(text, kahlo.first_mention) == "Frida Kahlo");
  CHECK(drawn.timeline.people[1].person_id == "joseph-stalin");
}

TEST_CASE("timeline takes the life dates a text gives a person the knowledge base lacks") {
  const std::string text = "Anna Petrova (1890–1951) taught in Kazan. In 1920 Petrova moved.";
  // The bundled knowledge base, whose given names tell a new name from other capitalised words.
  const auto drawn = timeline_of(text, bundled_knowledge_base());
  REQUIRE(drawn.timeline.people.size() == 1);
  CHECK(drawn.timeline.people[0].from_text);
  CHECK(drawn.timeline.people[0].born_first == jdn(1890, 1, 1));
  CHECK(drawn.timeline.people[0].died_last == jdn(1951, 12, 31));
}

TEST_CASE("timeline lists the dates in text order with their sentences, without durations") {
  const std::string text =
      "The strike began on 3 May 1926. It lasted nine days. In June 1926 it was over.";
  const auto drawn = timeline_of(text);
  REQUIRE(drawn.timeline.events.size() == 2);
  const TimelineEvent& strike = drawn.timeline.events[0];
  CHECK(strike.value == "1926-05-03");
  CHECK(strike.first == jdn(1926, 5, 3));
  CHECK(at(text, strike.sentence) == "The strike began on 3 May 1926.");
  CHECK(drawn.timeline.events[1].value == "1926-06");
  CHECK(drawn.timeline.events[1].last == jdn(1926, 6, 30));
}

TEST_CASE("timeline joins the two dates of a conflict") {
  const std::string text =
      "Trotsky was expelled from the party in 1927 after a long fight.\n\n"
      "Trotsky was expelled from the party in 1929.\n";
  const auto drawn = timeline_of(text);
  REQUIRE(!drawn.timeline.conflicts.empty());
  for (const TimelineConflict& c : drawn.timeline.conflicts) {
    CHECK(drawn.findings[c.finding].rule == "date/conflicting-dates");
    const auto& events = drawn.timeline.events;
    CHECK(events[c.event].value != events[c.other].value);
    CHECK((events[c.event].value == "1927" || events[c.event].value == "1929"));
    CHECK((events[c.other].value == "1927" || events[c.other].value == "1929"));
    // The finding itself sits at its own date.
    CHECK(drawn.timeline.findings[c.finding].event == c.event);
  }
}

TEST_CASE("timeline puts an impossible age on the person's life") {
  const std::string text = "In 1917, at the age of 30, Trotsky returned to Petrograd.";
  const auto drawn = timeline_of(text);
  REQUIRE(drawn.timeline.ages.size() == 1);
  const TimelineAge& age = drawn.timeline.ages[0];
  CHECK(drawn.findings[age.finding].rule == "date/age-mismatch");
  CHECK(drawn.timeline.people[age.person].person_id == "leon-trotsky");
  CHECK(age.claimed_age == 30);
  CHECK(age.claimed_day == jdn(1909, 11, 7));
  REQUIRE(age.event.has_value());
  CHECK(drawn.timeline.events[*age.event].value == "1917");
}

TEST_CASE("timeline leaves a finding without a date in its sentence off the axis") {
  const std::string text = "Trotsky was born in 1879. Experts agree that 87% of readers liked it.";
  const auto drawn = timeline_of(text);
  REQUIRE(!drawn.findings.empty());
  for (const TimelineFinding& f : drawn.timeline.findings) {
    if (drawn.findings[f.finding].span.offset > text.find("Experts")) CHECK(!f.event);
  }
  CHECK(drawn.timeline.conflicts.empty());
  CHECK(drawn.timeline.ages.empty());
}

TEST_CASE("timeline names the other document's claim of a conflict between two documents") {
  const std::string here = "Exile followed. In 1929 Trotsky was expelled from the party.\n";
  const std::string there = "# Exile\n\nTrotsky was expelled from the party in 1927.\n";
  const Options options;
  const Document there_doc(there, Language::Markdown);
  const Analysis there_analysis(there_doc, options, date_test::test_kb(), "notes/there.md");
  const Document here_doc(here, Language::Markdown);
  Analysis analysis(here_doc, options, date_test::test_kb(), "notes/here.md");
  analysis.set_other_documents(
      {std::make_shared<const DocumentClaims>(DocumentClaims::of(there_analysis))});
  const auto findings = run_rules(analysis);
  const Timeline timeline = build_timeline(analysis, findings);
  CHECK(timeline.conflicts.empty());
  REQUIRE(timeline.conflicts_elsewhere.size() == 1);
  const TimelineConflictElsewhere& conflict = timeline.conflicts_elsewhere[0];
  CHECK(findings[conflict.finding].rule == "date/conflicting-dates");
  CHECK(timeline.events[conflict.event].value == "1929");
  CHECK(conflict.path == "notes/there.md");
  // The other document's timeline places the claim at its date.
  const Timeline other = build_timeline(there_analysis, run_rules(there_analysis));
  const auto other_event = timeline_event_at(other, conflict.span);
  REQUIRE(other_event.has_value());
  CHECK(other.events[*other_event].value == "1927");
  CHECK_FALSE(timeline_event_at(other, Span{0, 7}).has_value());  // the heading has no date
}

// A document on a time axis: the lifespans of the people it names, the dates it states, its
// findings placed at their dates, conflicting dates as pairs and impossible ages on the person's
// life. What `histlint report` draws and the `histlint/timeline` request answers. Days are
// Julian day numbers (Gregorian reading); spans are byte offsets into the document.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "rules/analysis.h"
#include "rules/finding.h"

namespace histlint {

struct TimelinePerson {
  std::string person_id;
  std::string name;
  // The days the birth and death dates may stand for (a year stands for all its days); nullopt
  // when unknown. At least one of the two is known.
  std::optional<int64_t> born_first, born_last;
  std::optional<int64_t> died_first, died_last;
  std::string lifespan;        // "1879–1940"
  bool from_text = false;      // a date comes from the document rather than the knowledge base
  Span first_mention;          // where the document first names the person
  uint32_t mention_count = 0;  // how often the document names the person
};

// A date the document states: a day, month, year, season, decade or century, at its place.
struct TimelineEvent {
  int64_t first = 0;  // the days the expression names, both included
  int64_t last = 0;
  std::string value;  // TIMEX3 value: "1940-08-21", "1940", "194"
  Span span;          // the expression
  Span sentence;      // the sentence holding it
};

// A finding with the date it is about, when the text gives one.
struct TimelineFinding {
  size_t finding = 0;           // index into the findings given to build_timeline
  std::optional<size_t> event;  // index into Timeline::events
  Span sentence;                // the sentence holding the finding
};

// One event given two dates (date/conflicting-dates within the document): both dates, joined.
struct TimelineConflict {
  size_t finding = 0;  // index into the findings
  size_t event = 0;    // the date the finding flags
  size_t other = 0;    // the other date of the same event
};

// One event given two dates by two documents (date/conflicting-dates across the files of a run):
// this document's date, and where the other document gives the other one. Each of the two
// documents usually reports its own side.
struct TimelineConflictElsewhere {
  size_t finding = 0;  // index into the findings
  size_t event = 0;    // the date the finding flags
  std::string path;    // the other document, as its Analysis::path()
  Span span;           // the other claim in that document
};

// An age that does not fit the person's dates (date/age-mismatch): the claimed age on the
// person's life, where it would fall counting from the birth.
struct TimelineAge {
  size_t finding = 0;
  size_t person = 0;  // index into Timeline::people
  int claimed_age = 0;
  int64_t claimed_day = 0;      // the birth plus the claimed age
  std::optional<size_t> event;  // the date of the sentence, when there is one
};

struct Timeline {
  std::vector<TimelinePerson> people;     // in order of first mention
  std::vector<TimelineEvent> events;      // in text order
  std::vector<TimelineFinding> findings;  // in the order of the findings given
  std::vector<TimelineConflict> conflicts;
  std::vector<TimelineConflictElsewhere> conflicts_elsewhere;
  std::vector<TimelineAge> ages;
};

// The timeline of an analysed document and its findings (those of this document; a conflict with
// another document names the other claim, which that document's timeline places).
Timeline build_timeline(const Analysis& analysis, const std::vector<Finding>& findings);

// The date of `timeline` a span of its document is about: the first one inside it, else one
// overlapping it.
std::optional<size_t> timeline_event_at(const Timeline& timeline, Span span);

}  // namespace histlint

#include "protocol/lsp.h"
#include "rules/calendar/calendar.h"
#include "rules/text/utf8.h"
#include "server/timeline_report.h"

namespace histlint {

using protocol::Json;

namespace {

// Enough of a sentence for a tooltip; a long one ends with "…".
constexpr size_t kMaxSentenceBytes = 300;

std::string excerpt(std::string_view text, Span span) {
  std::string_view s = text.substr(std::min(span.offset, text.size()), span.length);
  if (s.size() <= kMaxSentenceBytes) return std::string(s);
  size_t cut = kMaxSentenceBytes;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return std::string(s.substr(0, cut)) + "…";
}

std::string iso(int64_t day) {
  const CivilDate d = calendar::civil_from_day_number(day, Calendar::Gregorian);
  auto two = [](int n) { return (n < 10 ? "0" : "") + std::to_string(n); };
  const std::string year = d.year < 0 ? "-" + std::to_string(-d.year) : std::to_string(d.year);
  return year + "-" + two(d.month) + "-" + two(d.day);
}

Json days(const std::optional<int64_t>& first, const std::optional<int64_t>& last) {
  if (!first) return nullptr;
  return {{"first", *first}, {"last", *last}, {"date", iso(*first)}};
}

Json optional_index(const std::optional<size_t>& i) {
  return i ? Json(*i) : Json(nullptr);
}

}  // namespace

Json timeline_json(const Timeline& timeline, const std::vector<Finding>& findings,
                   const std::string& path, const protocol::LineIndex& index,
                   protocol::PositionEncoding encoding) {
  const std::string_view text = index.text();
  auto range = [&](Span span) {
    return protocol::to_json(index.range_of(span.offset, span.length, encoding));
  };
  Json people = Json::array();
  for (const TimelinePerson& p : timeline.people) {
    people.push_back({{"id", p.person_id},
                      {"name", p.name},
                      {"lifespan", p.lifespan},
                      {"born", days(p.born_first, p.born_last)},
                      {"died", days(p.died_first, p.died_last)},
                      {"fromText", p.from_text},
                      {"mentions", p.mention_count},
                      {"range", range(p.first_mention)}});
  }
  Json events = Json::array();
  for (const TimelineEvent& e : timeline.events) {
    events.push_back({{"first", e.first},
                      {"last", e.last},
                      {"date", iso(e.first)},
                      {"value", e.value},
                      {"text", excerpt(text, e.span)},
                      {"sentence", excerpt(text, e.sentence)},
                      {"range", range(e.span)}});
  }
  Json placed = Json::array();
  for (const TimelineFinding& t : timeline.findings) {
    const Finding& f = findings[t.finding];
    placed.push_back({{"rule", f.rule},
                      {"severity", static_cast<int>(f.severity)},
                      {"message", f.message},
                      {"event", optional_index(t.event)},
                      {"sentence", excerpt(text, t.sentence)},
                      {"range", range(f.span)}});
  }
  Json conflicts = Json::array();
  for (const TimelineConflict& c : timeline.conflicts) {
    conflicts.push_back({{"finding", c.finding}, {"event", c.event}, {"other", c.other}});
  }
  Json ages = Json::array();
  for (const TimelineAge& a : timeline.ages) {
    ages.push_back({{"finding", a.finding},
                    {"person", a.person},
                    {"age", a.claimed_age},
                    {"day", a.claimed_day},
                    {"date", iso(a.claimed_day)},
                    {"event", optional_index(a.event)}});
  }
  return {{"path", path},
          {"people", std::move(people)},
          {"events", std::move(events)},
          {"findings", std::move(placed)},
          {"conflicts", std::move(conflicts)},
          {"ages", std::move(ages)}};
}

}  // namespace histlint

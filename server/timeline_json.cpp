#include <algorithm>
#include <unordered_map>

#include "protocol/lsp.h"
#include "rules/calendar/calendar.h"
#include "server/timeline_report.h"

namespace histlint {

using protocol::Json;

namespace {

// Enough of a sentence for a tooltip.
constexpr size_t kMaxSentenceBytes = 300;

Json days(const std::optional<int64_t>& first, const std::optional<int64_t>& last) {
  if (!first) return nullptr;
  return {{"first", *first}, {"last", *last}, {"date", timeline_iso_date(*first)}};
}

// LSP positions of offsets that mostly come in text order: counts code units from the previous
// offset when it is on the same line, rather than from the line's start or a block boundary as
// LineIndex::position_of does (40,000 conversions on a 1 MB document took 300 ms that way).
class PositionCursor {
 public:
  PositionCursor(const protocol::LineIndex& index, protocol::PositionEncoding encoding)
      : index_(index), encoding_(encoding) {}

  protocol::Position at(size_t offset) {
    const std::string_view text = index_.text();
    offset = std::min(offset, text.size());
    if (offset < offset_ || !on_line(line_, offset)) {
      line_ = line_of(offset);
      offset_ = index_.line_start(line_);
      character_ = 0;
    }
    for (; offset_ < offset; ++offset_) {
      const auto byte = static_cast<unsigned char>(text[offset_]);
      if (encoding_ == protocol::PositionEncoding::Utf8) {
        ++character_;
      } else if ((byte & 0xC0) != 0x80) {
        // A character starts here; outside the BMP it takes two UTF-16 units.
        character_ += (encoding_ == protocol::PositionEncoding::Utf16 && byte >= 0xF0) ? 2 : 1;
      }
    }
    return {static_cast<uint32_t>(line_), static_cast<uint32_t>(character_)};
  }

 private:
  bool on_line(size_t line, size_t offset) const {
    return offset >= index_.line_start(line) &&
           (line + 1 >= index_.line_count() || offset < index_.line_start(line + 1));
  }
  size_t line_of(size_t offset) const {
    size_t low = 0, high = index_.line_count();  // the line is in [low, high)
    while (high - low > 1) {
      const size_t mid = low + (high - low) / 2;
      (index_.line_start(mid) <= offset ? low : high) = mid;
    }
    return low;
  }

  const protocol::LineIndex& index_;
  protocol::PositionEncoding encoding_;
  size_t line_ = 0;
  size_t offset_ = 0;
  size_t character_ = 0;
};

// Columns of LSP positions for the spans of one kind of item.
class RangeColumns {
 public:
  RangeColumns(const protocol::LineIndex& index, protocol::PositionEncoding encoding)
      : starts_(index, encoding), ends_(index, encoding) {}

  void add(Span span) {
    const auto start = starts_.at(span.offset);
    const auto end = ends_.at(span.end());
    start_line_.push_back(start.line);
    start_character_.push_back(start.character);
    end_line_.push_back(end.line);
    end_character_.push_back(end.character);
  }

  void move_into(Json& object) {
    object["startLine"] = std::move(start_line_);
    object["startCharacter"] = std::move(start_character_);
    object["endLine"] = std::move(end_line_);
    object["endCharacter"] = std::move(end_character_);
  }

 private:
  PositionCursor starts_, ends_;
  std::vector<uint32_t> start_line_, start_character_, end_line_, end_character_;
};

}  // namespace

std::string timeline_iso_date(int64_t day) {
  const CivilDate d = calendar::civil_from_day_number(day, Calendar::Gregorian);
  auto two = [](int n) { return (n < 10 ? "0" : "") + std::to_string(n); };
  const std::string year = d.year < 0 ? "-" + std::to_string(-d.year) : std::to_string(d.year);
  return year + "-" + two(d.month) + "-" + two(d.day);
}

std::string timeline_excerpt(std::string_view text, Span span) {
  std::string_view s = text.substr(std::min(span.offset, text.size()), span.length);
  if (s.size() <= kMaxSentenceBytes) return std::string(s);
  size_t cut = kMaxSentenceBytes;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return std::string(s.substr(0, cut)) + "…";
}

Json timeline_json(const Timeline& timeline, const std::vector<Finding>& findings,
                   const std::string& path, const protocol::LineIndex& index,
                   protocol::PositionEncoding encoding) {
  // Many dates share a sentence: each sentence is listed once and named by its index.
  RangeColumns sentence_ranges(index, encoding);
  std::unordered_map<size_t, size_t> sentence_index;  // offset -> index
  auto sentence = [&](Span span) {
    auto [it, fresh] = sentence_index.emplace(span.offset, sentence_index.size());
    if (fresh) sentence_ranges.add(span);
    return it->second;
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
                      {"range", protocol::to_json(index.range_of(
                                    p.first_mention.offset, p.first_mention.length, encoding))}});
  }

  std::vector<int64_t> first, last;
  std::vector<std::string> values;
  std::vector<size_t> event_sentences;
  RangeColumns event_ranges(index, encoding);
  for (const TimelineEvent& e : timeline.events) {
    first.push_back(e.first);
    last.push_back(e.last);
    values.push_back(e.value);
    event_sentences.push_back(sentence(e.sentence));
    event_ranges.add(e.span);
  }
  Json events = {{"first", std::move(first)},
                 {"last", std::move(last)},
                 {"value", std::move(values)},
                 {"sentence", std::move(event_sentences)}};
  event_ranges.move_into(events);

  std::vector<std::string> rules, messages;
  std::vector<int> severities;
  std::vector<int64_t> finding_events;
  std::vector<size_t> finding_sentences;
  RangeColumns finding_ranges(index, encoding);
  for (const TimelineFinding& t : timeline.findings) {
    const Finding& f = findings[t.finding];
    rules.push_back(f.rule);
    messages.push_back(f.message);
    severities.push_back(static_cast<int>(f.severity));
    finding_events.push_back(t.event ? static_cast<int64_t>(*t.event) : -1);
    finding_sentences.push_back(sentence(t.sentence));
    finding_ranges.add(f.span);
  }
  Json placed = {{"rule", std::move(rules)},
                 {"severity", std::move(severities)},
                 {"message", std::move(messages)},
                 {"event", std::move(finding_events)},
                 {"sentence", std::move(finding_sentences)}};
  finding_ranges.move_into(placed);

  Json sentences = Json::object();
  sentence_ranges.move_into(sentences);

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
                    {"date", timeline_iso_date(a.claimed_day)},
                    {"event", a.event ? Json(*a.event) : Json(nullptr)}});
  }
  return {{"path", path},
          {"sentences", std::move(sentences)},
          {"people", std::move(people)},
          {"events", std::move(events)},
          {"findings", std::move(placed)},
          {"conflicts", std::move(conflicts)},
          {"ages", std::move(ages)}};
}

}  // namespace histlint

#include <algorithm>
#include <unordered_map>

#include "protocol/lsp.h"
#include "rules/calendar/calendar.h"
#include "server/json_text.h"
#include "server/position_cursor.h"
#include "server/timeline_report.h"

namespace histlint {

namespace {

// Enough of a sentence for a tooltip.
constexpr size_t kMaxSentenceBytes = 300;

void write_days(JsonText& out, const std::optional<int64_t>& first,
                const std::optional<int64_t>& last) {
  if (!first) {
    out.raw("null");
    return;
  }
  out.raw("{").key("first").number(*first).raw(",").key("last").number(*last);
  out.raw(",").key("date").string(timeline_iso_date(*first)).raw("}");
}

template <class Value>
void write_column(JsonText& out, std::string_view name, const std::vector<Value>& values) {
  out.key(name).array(values, [](JsonText& o, const Value& v) {
    if constexpr (std::is_same_v<Value, std::string>) {
      o.string(v);
    } else {
      o.number(v);
    }
  });
}

void write_range(JsonText& out, protocol::Position start, protocol::Position end) {
  out.raw("{\"start\":{").key("line").number(start.line).raw(",").key("character");
  out.number(start.character).raw("},\"end\":{").key("line").number(end.line).raw(",");
  out.key("character").number(end.character).raw("}}");
}

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

  // The four columns as members of an object: "startLine":[…],…,"endCharacter":[…]
  void write(JsonText& out) const {
    write_column(out, "startLine", start_line_);
    write_column(out.raw(","), "startCharacter", start_character_);
    write_column(out.raw(","), "endLine", end_line_);
    write_column(out.raw(","), "endCharacter", end_character_);
  }

 private:
  PositionCursor starts_, ends_;
  std::vector<uint32_t> start_line_, start_character_, end_line_, end_character_;
};

// The index of each sentence in the "sentences" columns, in order of first use. Sentences that
// come in text order (the events', mostly the findings' too) are kept in a sorted list searched
// by halves; the others in a hash map.
class SentenceIndex {
 public:
  SentenceIndex(const protocol::LineIndex& index, protocol::PositionEncoding encoding)
      : ranges_(index, encoding) {}

  size_t operator()(Span sentence) {
    const auto it = std::lower_bound(
        in_order_.begin(), in_order_.end(), sentence.offset,
        [](const std::pair<size_t, size_t>& entry, size_t offset) { return entry.first < offset; });
    if (it != in_order_.end() && it->first == sentence.offset) return it->second;
    if (it == in_order_.end()) {
      in_order_.emplace_back(sentence.offset, count_);
    } else if (auto [other, fresh] = others_.emplace(sentence.offset, count_); !fresh) {
      return other->second;
    }
    ranges_.add(sentence);
    return count_++;
  }
  const RangeColumns& ranges() const { return ranges_; }

 private:
  RangeColumns ranges_;
  std::vector<std::pair<size_t, size_t>> in_order_;  // (offset, index), by offset
  std::unordered_map<size_t, size_t> others_;        // offset -> index
  size_t count_ = 0;
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

std::string timeline_json(const Timeline& timeline, const std::vector<Finding>& findings,
                          const std::string& path, const protocol::LineIndex& index,
                          protocol::PositionEncoding encoding, std::string_view leading_members) {
  // Many dates share a sentence: each sentence is listed once and named by its index.
  SentenceIndex sentence(index, encoding);

  JsonText out;
  out.text().reserve(64 * (timeline.events.size() + timeline.findings.size()) + 1024);
  out.raw("{").raw(leading_members).key("path").string(path);

  out.raw(",").key("people").array(timeline.people, [&](JsonText& o, const TimelinePerson& p) {
    o.raw("{").key("id").string(p.person_id).raw(",").key("name").string(p.name);
    o.raw(",").key("lifespan").string(p.lifespan).raw(",").key("born");
    write_days(o, p.born_first, p.born_last);
    o.raw(",").key("died");
    write_days(o, p.died_first, p.died_last);
    o.raw(",").key("fromText").number(p.from_text).raw(",").key("mentions");
    o.number(p.mention_count).raw(",").key("range");
    const protocol::Range range =
        index.range_of(p.first_mention.offset, p.first_mention.length, encoding);
    write_range(o, range.start, range.end);
    o.raw("}");
  });

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
  out.raw(",\"events\":{");
  write_column(out, "first", first);
  write_column(out.raw(","), "last", last);
  write_column(out.raw(","), "value", values);
  write_column(out.raw(","), "sentence", event_sentences);
  event_ranges.write(out.raw(","));
  out.raw("}");

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
  out.raw(",\"findings\":{");
  write_column(out, "rule", rules);
  write_column(out.raw(","), "severity", severities);
  write_column(out.raw(","), "message", messages);
  write_column(out.raw(","), "event", finding_events);
  write_column(out.raw(","), "sentence", finding_sentences);
  finding_ranges.write(out.raw(","));
  out.raw("}");

  sentence.ranges().write(out.raw(",\"sentences\":{"));
  out.raw("}");

  out.raw(",")
      .key("conflicts")
      .array(timeline.conflicts, [](JsonText& o, const TimelineConflict& c) {
        o.raw("{").key("finding").number(c.finding).raw(",").key("event").number(c.event);
        o.raw(",").key("other").number(c.other).raw("}");
      });
  out.raw(",").key("ages").array(timeline.ages, [](JsonText& o, const TimelineAge& a) {
    o.raw("{").key("finding").number(a.finding).raw(",").key("person").number(a.person);
    o.raw(",").key("age").number(a.claimed_age).raw(",").key("day").number(a.claimed_day);
    o.raw(",").key("date").string(timeline_iso_date(a.claimed_day)).raw(",").key("event");
    if (a.event) {
      o.number(*a.event);
    } else {
      o.raw("null");
    }
    o.raw("}");
  });
  out.raw("}");
  return std::move(out.text());
}

}  // namespace histlint

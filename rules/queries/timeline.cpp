#include "rules/queries/timeline.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>

#include "rules/calendar/calendar.h"
#include "rules/date/support.h"
#include "rules/extract/dates.h"
#include "rules/extract/dates_anchored.h"
#include "rules/extract/people.h"
#include "rules/queries/person_queries.h"

namespace histlint {

namespace {

constexpr std::string_view kConflictingDates = "date/conflicting-dates";
constexpr std::string_view kAgeMismatch = "date/age-mismatch";

Span sentence_of(const Document& doc, size_t offset) {
  const Sentence* s = doc.sentence_at(offset);
  return s ? s->span : Span{offset, 0};
}

// sentence_of for offsets that mostly come in text order (dates, findings): steps on from the
// previous sentence rather than searching all of them each time.
class SentenceCursor {
 public:
  explicit SentenceCursor(const Document& doc) : doc_(doc) {}

  Span at(size_t offset) {
    const auto& sentences = doc_.sentences();
    if (next_ > 0 && offset < sentences[next_ - 1].span.offset) return sentence_of(doc_, offset);
    while (next_ < sentences.size() && sentences[next_].span.offset <= offset) ++next_;
    if (next_ > 0 && offset < sentences[next_ - 1].span.end()) return sentences[next_ - 1].span;
    return Span{offset, 0};
  }

 private:
  const Document& doc_;
  size_t next_ = 0;  // the first sentence starting after the last offset asked about
};

std::vector<TimelinePerson> people_of(const PeopleFacts& people) {
  std::vector<TimelinePerson> out;
  std::unordered_map<std::string_view, size_t> seen;
  for (const PersonMention& m : people.mentions) {
    if (m.person_id.empty()) continue;
    auto [it, fresh] = seen.emplace(m.person_id, out.size());
    if (!fresh) {
      if (it->second != SIZE_MAX) ++out[it->second].mention_count;
      continue;
    }
    const auto life = people.life(m.person_id);
    if (!life || (!life->birth && !life->death)) {
      it->second = SIZE_MAX;  // nothing to draw
      continue;
    }
    TimelinePerson p;
    p.person_id = m.person_id;
    p.name = people.display_name(m.person_id);
    if (life->birth) {
      const auto days = date_rules::interval_of(*life->birth);
      p.born_first = days.first;
      p.born_last = days.last;
    }
    if (life->death) {
      const auto days = date_rules::interval_of(*life->death);
      p.died_first = days.first;
      p.died_last = days.last;
    }
    p.lifespan = lifespan_text(life->birth, life->death);
    p.from_text = life->birth_from_text || life->death_from_text;
    p.first_mention = m.span;
    p.mention_count = 1;
    out.push_back(std::move(p));
  }
  return out;
}

// The date a span is about: a date inside it, else one overlapping it, else the first date of
// its sentence.
class EventLocator {
 public:
  explicit EventLocator(const std::vector<TimelineEvent>& events) : events_(events) {}

  std::optional<size_t> at(Span span, Span sentence) const {
    if (auto in_span = at(span)) return in_span;
    return first_from(sentence.offset, sentence.end(), true);
  }
  std::optional<size_t> at(Span span) const {
    if (auto inside = first_from(span.offset, span.end(), true)) return inside;
    return first_from(span.offset, span.end(), false);
  }

 private:
  // The first event starting at or after `from` lying (or, when !whole, starting) before `to`;
  // an event starting before `from` but reaching into the range counts as overlapping.
  std::optional<size_t> first_from(size_t from, size_t to, bool whole) const {
    auto it =
        std::lower_bound(events_.begin(), events_.end(), from,
                         [](const TimelineEvent& e, size_t at) { return e.span.offset < at; });
    if (!whole && it != events_.begin() && std::prev(it)->span.end() > from) --it;
    if (it == events_.end() || it->span.offset >= std::max(to, from + 1)) return std::nullopt;
    if (whole && it->span.end() > to) return std::nullopt;
    return static_cast<size_t>(it - events_.begin());
  }

  const std::vector<TimelineEvent>& events_;
};

// The age mention (of `ages`, in text order) spanning exactly `span`, or null.
const AgeMention* age_at(const std::vector<AgeMention>& ages, Span span) {
  const auto it =
      std::lower_bound(ages.begin(), ages.end(), span.offset,
                       [](const AgeMention& a, size_t offset) { return a.span.offset < offset; });
  for (auto at = it; at != ages.end() && at->span.offset == span.offset; ++at) {
    if (at->span == span) return &*at;
  }
  return nullptr;
}

// The day a person born within [born, …] reaches `age`: the same day of the year, `age` years on.
int64_t birthday_at(int64_t born, int age) {
  const CivilDate birth = calendar::civil_from_day_number(born, Calendar::Gregorian);
  const int year = birth.year + age;
  const int day =
      std::min(birth.day, calendar::days_in_month(year, birth.month, Calendar::Gregorian));
  return calendar::day_number_unchecked(year, birth.month, std::max(day, 1), Calendar::Gregorian);
}

// The person an age finding is about: its message opens with their name.
std::optional<size_t> person_named_by(const std::vector<TimelinePerson>& people,
                                      std::string_view message) {
  std::optional<size_t> best;
  for (size_t i = 0; i < people.size(); ++i) {
    const std::string& name = people[i].name;
    if (!people[i].born_first || message.substr(0, name.size()) != name) continue;
    if (!best || people[*best].name.size() < name.size()) best = i;
  }
  return best;
}

}  // namespace

Timeline build_timeline(const Analysis& analysis, const std::vector<Finding>& findings) {
  const Document& doc = analysis.doc();
  Timeline timeline;
  timeline.people = people_of(analysis.facts<PeopleFacts>());
  SentenceCursor event_sentences(doc), finding_sentences(doc);
  for (const AnchoredDate& d : analysis.facts<AnchoredDates>().dates) {
    if (d.is_duration() || d.first == 0 || d.last < d.first) continue;
    timeline.events.push_back(
        TimelineEvent{d.first, d.last, d.value, d.span, event_sentences.at(d.span.offset)});
  }
  const EventLocator events(timeline.events);
  const auto& ages = analysis.facts<DateFacts>().ages;
  for (size_t i = 0; i < findings.size(); ++i) {
    const Finding& f = findings[i];
    const Span sentence = finding_sentences.at(f.span.offset);
    const auto event = events.at(f.span, sentence);
    timeline.findings.push_back(TimelineFinding{i, event, sentence});
    if (f.rule == kConflictingDates && event && !f.related.empty()) {
      const Related& elsewhere = f.related[0];
      if (!elsewhere.path.empty() && elsewhere.path != analysis.path()) {
        timeline.conflicts_elsewhere.push_back({i, *event, elsewhere.path, elsewhere.span});
        continue;
      }
      const auto other = events.at(elsewhere.span, sentence_of(doc, elsewhere.span.offset));
      if (other && *other != *event) timeline.conflicts.push_back({i, *event, *other});
    } else if (f.rule == kAgeMismatch) {
      const AgeMention* age = age_at(ages, f.span);
      const auto person = person_named_by(timeline.people, f.message);
      if (!age || !person) continue;
      timeline.ages.push_back(
          TimelineAge{i, *person, age->age,
                      birthday_at(*timeline.people[*person].born_first, age->age), event});
    }
  }
  return timeline;
}

std::optional<size_t> timeline_event_at(const Timeline& timeline, Span span) {
  return EventLocator(timeline.events).at(span);
}

}  // namespace histlint

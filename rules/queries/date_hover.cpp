#include "rules/queries/date_hover.h"

#include <algorithm>

#include "rules/date/support.h"
#include "rules/extract/date_people.h"
#include "rules/extract/dates.h"
#include "rules/extract/dates_anchored.h"
#include "rules/extract/people.h"

namespace histlint {

namespace {

std::string iso(int64_t day) {
  const CivilDate d = calendar::civil_from_day_number(day, Calendar::Gregorian);
  auto two = [](int n) { return (n < 10 ? "0" : "") + std::to_string(n); };
  const std::string year = d.year < 0 ? "-" + std::to_string(-d.year) : std::to_string(d.year);
  return year + "-" + two(d.month) + "-" + two(d.day);
}

std::string interval_text(int64_t first, int64_t last) {
  return first == last ? iso(first) : iso(first) + " to " + iso(last);
}

std::string calendar_label(const DateValue& v) {
  if (v.calendar == Calendar::Julian) return v.calendar_stated ? "Julian (Old Style)" : "Julian";
  return v.calendar_stated ? "Gregorian (New Style)" : "Gregorian";
}

// Detail lines for one date: its precision and calendar, its days, its weekday and its reading in
// the other calendar.
void describe_value(const DateValue& v, std::vector<std::string>& lines) {
  std::string kind = std::string(granularity_name(v.granularity)) + ", " + calendar_label(v);
  if (v.year == 0) {
    lines.push_back(v.display() + ": " + kind + ", year not stated");
    return;
  }
  if (!v.exists) {
    lines.push_back(v.display() + ": no such day in the " +
                    std::string(v.calendar == Calendar::Julian ? "Julian" : "Gregorian") +
                    " calendar");
    return;
  }
  std::string line = v.display() + ": " + kind + ", " + interval_text(v.first, v.last);
  if (v.granularity == DateGranularity::Day) {
    line += ", a " + std::string(calendar::weekday_name(calendar::weekday_of(v.first)));
    const Calendar other = v.calendar == Calendar::Julian ? Calendar::Gregorian : Calendar::Julian;
    // The other calendar's reading matters where both were in use.
    if (v.calendar == Calendar::Julian || (v.year >= 1582 && v.year < 1924)) {
      const CivilDate o = calendar::civil_from_day_number(v.first, other);
      line += "; " + std::string(other == Calendar::Julian ? "Old Style " : "New Style ") +
              std::to_string(o.day) + " " + calendar::month_name(o.month) + " " + year_text(o.year);
    }
  }
  lines.push_back(line);
}

// "15 April 1865" for a day; the TimeML value for anything longer.
std::string anchored_display(const AnchoredDate& a) {
  if (a.first == 0 || a.first != a.last) return a.value;
  return day_text(a.first, /*abbreviated=*/false);
}

// Where an anchored reading counts from: "from 14 April 1865 in line 12".
std::string anchor_line(const Analysis& analysis, const AnchoredDate& a) {
  if (a.source == AnchorSource::DocumentDate) {
    return "counted from the document date " + a.anchor_value;
  }
  const Document& doc = analysis.doc();
  return "counted from " + std::string(doc.slice(a.anchor_span)) + " (" + a.anchor_value +
         ") in line " + std::to_string(doc.line_of(a.anchor_span.offset) + 1);
}

void add_card_line(HoverCard& card, const std::string& line) {
  card.markdown += "- " + line + "\n";
  card.plaintext += line + "\n";
}

// The card of an expression dated from an anchor: "the next morning → 15 April 1865".
std::optional<HoverCard> anchored_hover(const Analysis& analysis, size_t offset) {
  const AnchoredDate* a = analysis.facts<AnchoredDates>().at(offset);
  if (!a || a->is_duration()) return std::nullopt;
  const std::string heading =
      std::string(analysis.doc().slice(a->span)) + " \xE2\x86\x92 " + anchored_display(*a);
  HoverCard card;
  card.span = a->span;
  card.markdown = "**" + heading + "**\n\n";
  card.plaintext = heading + "\n";
  add_card_line(card, "TimeML value " + a->value +
                          (a->first ? ", " + interval_text(a->first, a->last) : std::string()));
  if (a->source != AnchorSource::None) add_card_line(card, anchor_line(analysis, *a));
  return card;
}

}  // namespace

std::string day_text(int64_t day, bool abbreviated, std::optional<Calendar> calendar) {
  const Calendar shown =
      calendar.value_or(day < calendar::day_number_unchecked(1582, 10, 15, Calendar::Gregorian)
                            ? Calendar::Julian
                            : Calendar::Gregorian);
  const CivilDate d = calendar::civil_from_day_number(day, shown);
  const std::string month = calendar::month_name(d.month);
  return std::to_string(d.day) + " " + (abbreviated ? month.substr(0, 3) : month) + " " +
         year_text(d.year);
}

std::optional<HoverCard> date_hover(const Analysis& analysis, size_t offset) {
  const auto& facts = analysis.facts<DateFacts>();
  const DateMention* d = facts.date_at(offset);
  if (!d) return anchored_hover(analysis, offset);
  std::string heading = d->value.display();
  if (d->range_end) heading += " \xE2\x80\x93 " + d->range_end->display();
  std::vector<std::string> lines;
  describe_value(d->value, lines);
  if (d->alternate) describe_value(*d->alternate, lines);
  if (d->range_end) describe_value(*d->range_end, lines);
  // Ages of the people of the sentence at this date.
  if (d->sentence != UINT32_MAX && d->value.year != 0 && d->value.exists) {
    const auto& people = analysis.facts<PeopleFacts>();
    const auto& references = analysis.facts<SentencePeople>();
    std::vector<std::string_view> seen;
    for (const PersonReference& r : references.in_sentence(d->sentence)) {
      if (std::find(seen.begin(), seen.end(), r.person_id) != seen.end()) continue;
      seen.push_back(r.person_id);
      const auto life = people.life(r.person_id);
      if (!life || !life->birth) continue;
      const int64_t first = d->value.first;
      const int64_t last = d->is_range() ? d->range_end->last : d->value.last;
      const std::string name = people.display_name(r.person_id);
      if (last < date_rules::interval_of(*life->birth).first) {
        lines.push_back(name + ": not yet born (born " + life->birth->display() + ")");
      } else if (life->death && first > date_rules::interval_of(*life->death).last) {
        lines.push_back(name + ": already dead (died " + life->death->display() + ")");
      } else {
        lines.push_back(name + ": aged " +
                        date_rules::age_text(date_rules::age_range(*life->birth, first, last)));
      }
    }
  }
  HoverCard card;
  card.span = d->span;
  card.markdown = "**" + heading + "**\n\n";
  card.plaintext = heading + "\n";
  for (const std::string& line : lines) add_card_line(card, line);
  // A day the text gives without its year is read in the year of its context.
  if (d->value.year == 0) {
    const AnchoredDate* a = analysis.facts<AnchoredDates>().at(d->span.offset);
    if (a && a->source != AnchorSource::None) {
      add_card_line(card, "read as " + anchored_display(*a) + ", " + anchor_line(analysis, *a));
    }
  }
  return card;
}

}  // namespace histlint

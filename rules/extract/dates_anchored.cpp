#include "rules/extract/dates_anchored.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "rules/analysis.h"
#include "rules/calendar/calendar.h"

namespace histlint {

namespace {

// Anchored arithmetic stays well inside the years the calendar module accepts.
bool year_in_range(int year) {
  return year > calendar::kMinYear + 200 && year < calendar::kMaxYear - 200 && year != 0;
}

// How finely a resolved expression is known; Week and Quarter have no DateValue granularity.
enum class Grain : uint8_t { Day, Week, Month, Quarter, Season, Year };

// A point of the calendar that relative expressions count from and resolve to.
struct Moment {
  Grain grain = Grain::Year;
  int year = 0;
  int month = 0;  // Day, Month; Quarter: its first month; Season: 0
  int day = 0;
  PeriodPart season = PeriodPart::None;
  bool weekend = false;  // Week: only its Saturday and Sunday
  Span span;             // where the text states it; length 0 for the document date
  bool from_document = false;
  uint32_t sentence = UINT32_MAX;
};

std::string pad(int n, int width) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%0*d", width, n);
  return buffer;
}

std::string year_value(int year) {
  return year < 0 ? "BC" + pad(-year, 4) : pad(year, 4);
}

std::string_view season_code(PeriodPart p) {
  switch (p) {
    case PeriodPart::Spring:
      return "SP";
    case PeriodPart::Summer:
      return "SU";
    case PeriodPart::Autumn:
      return "FA";
    case PeriodPart::Winter:
      return "WI";
    default:
      return "";
  }
}

Calendar calendar_for(int year) {
  return year < 1583 ? Calendar::Julian : Calendar::Gregorian;
}

int64_t day_of(int year, int month, int day) {
  return calendar::day_number_unchecked(year, month, day, calendar_for(year));
}

Moment moment_from_day(int64_t day_number) {
  CivilDate d = calendar::civil_from_day_number(day_number, Calendar::Gregorian);
  if (d.year < 1583) d = calendar::civil_from_day_number(day_number, Calendar::Julian);
  Moment m;
  m.grain = Grain::Day;
  m.year = d.year;
  m.month = d.month;
  m.day = d.day;
  return m;
}

// ISO 8601 week: the week's Thursday decides its year.
std::pair<int, int> iso_week(int64_t day_number) {
  const int weekday = static_cast<int>(calendar::weekday_of(day_number));  // Monday 0
  const int64_t thursday = day_number - weekday + 3;
  const int year = calendar::civil_from_day_number(thursday, Calendar::Gregorian).year;
  const int64_t first_thursday_week = day_of(year, 1, 4);
  const int64_t week1_monday =
      first_thursday_week - static_cast<int>(calendar::weekday_of(first_thursday_week));
  return {year, static_cast<int>((thursday - 3 - week1_monday) / 7) + 1};
}

std::string moment_value(const Moment& m, int64_t& first, int64_t& last) {
  first = last = 0;
  if (!year_in_range(m.year)) return year_value(m.year);
  switch (m.grain) {
    case Grain::Day:
      first = last = day_of(m.year, m.month, m.day);
      return year_value(m.year) + "-" + pad(m.month, 2) + "-" + pad(m.day, 2);
    case Grain::Week: {
      const int64_t day = day_of(m.year, m.month, m.day);
      const auto [year, week] = iso_week(day);
      first = day - static_cast<int>(calendar::weekday_of(day));
      last = first + 6;
      if (m.weekend) {
        first += 5;
        return year_value(year) + "-W" + pad(week, 2) + "-WE";
      }
      return year_value(year) + "-W" + pad(week, 2);
    }
    case Grain::Month:
      first = day_of(m.year, m.month, 1);
      last =
          day_of(m.year, m.month, calendar::days_in_month(m.year, m.month, calendar_for(m.year)));
      return year_value(m.year) + "-" + pad(m.month, 2);
    case Grain::Quarter:
      first = day_of(m.year, m.month, 1);
      last = day_of(m.year, m.month + 2,
                    calendar::days_in_month(m.year, m.month + 2, calendar_for(m.year)));
      return year_value(m.year) + "-Q" + std::to_string((m.month - 1) / 3 + 1);
    case Grain::Season: {
      DateValue v;
      v.year = m.year;
      v.granularity = DateGranularity::Season;
      v.part = m.season;
      normalise_date(v);
      first = v.first;
      last = v.last;
      return year_value(m.year) + "-" + std::string(season_code(m.season));
    }
    case Grain::Year:
      first = day_of(m.year, 1, 1);
      last = day_of(m.year, 12, 31);
      return year_value(m.year);
  }
  return {};
}

// A date of the text as an anchor; nullopt for decades and centuries, too coarse to count from.
std::optional<Moment> moment_of(const DateValue& v) {
  if (v.year == 0 || !v.exists || !year_in_range(v.year)) return std::nullopt;
  Moment m;
  m.year = v.year;
  switch (v.granularity) {
    case DateGranularity::Day:
      m.grain = Grain::Day;
      m.month = v.month;
      m.day = v.day;
      // An Old Style day counts on in the Gregorian reckoning of the same day.
      if (v.calendar != calendar_for(v.year)) m = moment_from_day(v.first);
      return m;
    case DateGranularity::Month:
      m.grain = Grain::Month;
      m.month = v.month;
      return m;
    case DateGranularity::Season:
      if (season_code(v.part).empty()) {
        m.grain = Grain::Year;
      } else {
        m.grain = Grain::Season;
        m.season = v.part;
      }
      return m;
    case DateGranularity::Year:
      return m;
    case DateGranularity::Decade:
    case DateGranularity::Century:
      return std::nullopt;
  }
  return std::nullopt;
}

int shift_year(int year, int by) {
  const int astronomical = (year < 0 ? year + 1 : year) + by;
  return astronomical <= 0 ? astronomical - 1 : astronomical;
}

// `from` moved by `amount` units; the result is as fine as the unit (a year counted from a
// quarter stays a quarter: "a year earlier" beside "the third quarter"). Nullopt when the
// anchor is coarser than the unit.
std::optional<Moment> step(const Moment& from, TimeUnit unit, int amount) {
  Moment m = from;
  m.span = {};
  m.from_document = false;
  switch (unit) {
    case TimeUnit::Day:
    case TimeUnit::Week: {
      if (from.grain != Grain::Day && from.grain != Grain::Week) return std::nullopt;
      const int64_t days = static_cast<int64_t>(amount) * (unit == TimeUnit::Week ? 7 : 1);
      const Grain grain = unit == TimeUnit::Week ? Grain::Week : Grain::Day;
      m = moment_from_day(day_of(from.year, from.month, from.day) + days);
      m.grain = grain;
      break;
    }
    case TimeUnit::Month: {
      if (from.grain != Grain::Day && from.grain != Grain::Month) return std::nullopt;
      const int index = from.month - 1 + amount;
      const int years = index >= 0 ? index / 12 : -((11 - index) / 12);
      m.year = shift_year(from.year, years);
      m.month = index - years * 12 + 1;
      m.grain = Grain::Month;
      m.day = 0;
      break;
    }
    case TimeUnit::Year:
      m.year = shift_year(from.year, amount);
      if (from.grain != Grain::Quarter && from.grain != Grain::Season) {
        m.grain = Grain::Year;
        m.month = m.day = 0;
      }
      break;
  }
  if (!year_in_range(m.year)) return std::nullopt;
  return m;
}

// The weekday `index` nearest to `from` in the direction of `direction` (-1 before, +1 after,
// 0: on or before).
std::optional<Moment> weekday_near(const Moment& from, int index, int direction) {
  if (from.grain != Grain::Day) return std::nullopt;
  const int64_t day = day_of(from.year, from.month, from.day);
  const int today = static_cast<int>(calendar::weekday_of(day));
  int64_t target = 0;
  if (direction > 0) {
    target = day + ((index - today + 6) % 7) + 1;
  } else {
    const int back = (today - index + 7) % 7;
    target = day - (direction < 0 && back == 0 ? 7 : back);
  }
  return moment_from_day(target);
}

// Month `index` near `from`: -1 the last before it, +1 the next after, 0 the one of its year (or,
// said of the future, the next on or after it).
std::optional<Moment> month_near(const Moment& from, int index, int direction, bool future) {
  if (from.grain == Grain::Year || from.grain == Grain::Season) {
    Moment m = from;
    m.grain = Grain::Month;
    m.month = index;
    m.day = 0;
    return m;
  }
  Moment m = from;
  m.grain = Grain::Month;
  m.month = index;
  m.day = 0;
  // Said of the past, a month alone is the last one by then; of the future, the next.
  if ((direction < 0 && index >= from.month) || (direction == 0 && !future && index > from.month)) {
    m.year = shift_year(from.year, -1);
  }
  if ((direction > 0 && index <= from.month) || (direction == 0 && future && index < from.month)) {
    m.year = shift_year(from.year, 1);
  }
  return m;
}

std::optional<Moment> season_near(const Moment& from, PeriodPart season, int direction) {
  Moment m = from;
  m.grain = Grain::Season;
  m.season = season;
  m.month = m.day = 0;
  if (direction != 0) {
    if (from.month == 0) {
      m.year = shift_year(from.year, direction);
    } else {
      // The season's last month: has the season been (and gone) by `from`?
      const int end = season == PeriodPart::Spring   ? 5
                      : season == PeriodPart::Summer ? 8
                      : season == PeriodPart::Autumn ? 11
                                                     : 2;
      const bool over =
          season == PeriodPart::Winter ? from.month > 2 && from.month < 12 : from.month > end;
      if (direction < 0 && !over) m.year = shift_year(from.year, -1);
      if (direction > 0 && over) m.year = shift_year(from.year, 1);
    }
  }
  return m;
}

// The weekend `step` weeks from the week of `from`; one guessed from the tense ("the weekend")
// is the one just past or just ahead, which is this week's when `from` falls on it.
std::optional<Moment> weekend_near(const Moment& from, int step, bool guessed) {
  if (from.grain != Grain::Day) return std::nullopt;
  const int64_t day = day_of(from.year, from.month, from.day);
  const int weekday = static_cast<int>(calendar::weekday_of(day));
  int weeks = step;
  if (guessed) weeks = weekday >= 5 ? 0 : step < 0 ? -1 : 0;
  Moment m = moment_from_day(day - weekday + 7 * static_cast<int64_t>(weeks) + 5);
  m.grain = Grain::Week;
  m.weekend = true;
  return m;
}

std::optional<Moment> quarter_near(const Moment& from, int index, int year) {
  Moment m = from;
  m.grain = Grain::Quarter;
  m.day = 0;
  if (year != 0) {
    m.year = year;
    m.month = (std::max(index, 1) - 1) * 3 + 1;
    return m;
  }
  if (from.month == 0) {
    if (index == 0) return std::nullopt;
    m.month = (index - 1) * 3 + 1;
    return m;
  }
  const int current = (from.month - 1) / 3 + 1;
  if (index == 0) {
    // "the quarter", "the latest quarter": the last one ended by then.
    index = current == 1 ? 4 : current - 1;
    if (current == 1) m.year = shift_year(from.year, -1);
  } else if (index > current) {
    m.year = shift_year(from.year, -1);
  }
  m.month = (index - 1) * 3 + 1;
  return m;
}

std::string duration_value(const Quantity& q) {
  const double whole = std::floor(q.low);
  const bool integral = q.low == whole && q.high == q.low;
  const char unit = q.unit == TimeUnit::Day     ? 'D'
                    : q.unit == TimeUnit::Week  ? 'W'
                    : q.unit == TimeUnit::Month ? 'M'
                                                : 'Y';
  if (!integral) return std::string("PX") + unit;
  return "P" + std::to_string(static_cast<long long>(whole)) + unit;
}

// The pieces of DateFacts in one text-ordered stream.
struct Item {
  size_t offset = 0;
  const DateMention* date = nullptr;
  const RelativeMention* relative = nullptr;
  const DeicticMention* deictic = nullptr;
};

class Resolver {
 public:
  Resolver(const DateFacts& facts, std::optional<CivilDate> document_date) : facts_(facts) {
    if (document_date && year_in_range(document_date->year)) {
      Moment m;
      m.year = document_date->year;
      m.month = document_date->month;
      m.day = document_date->day;
      m.grain = m.day ? Grain::Day : m.month ? Grain::Month : Grain::Year;
      m.from_document = true;
      document_ = m;
    }
  }

  AnchoredDates run() {
    std::vector<Item> items;
    items.reserve(facts_.dates.size() + facts_.relatives.size() + facts_.deictics.size());
    for (const auto& d : facts_.dates) items.push_back({d.span.offset, &d, nullptr, nullptr});
    for (const auto& r : facts_.relatives) items.push_back({r.span.offset, nullptr, &r, nullptr});
    for (const auto& x : facts_.deictics) items.push_back({x.span.offset, nullptr, nullptr, &x});
    std::stable_sort(items.begin(), items.end(),
                     [](const Item& a, const Item& b) { return a.offset < b.offset; });
    for (const Item& item : items) {
      if (item.date) {
        add_date(*item.date);
      } else if (item.relative) {
        add_relative(*item.relative);
      } else {
        add_deictic(*item.deictic);
      }
    }
    return std::move(out_);
  }

 private:
  // The anchor of an expression counted from the text (narrative) or from the time of writing
  // (speech); each falls back on the other.
  const Moment* anchor(bool speech) const {
    if (speech && document_) return &*document_;
    if (last_) return &*last_;
    return document_ ? &*document_ : nullptr;
  }

  void emit(Span span, const Moment& m, const Moment* from) {
    AnchoredDate a;
    a.span = span;
    a.value = moment_value(m, a.first, a.last);
    if (from) {
      a.source = from->from_document ? AnchorSource::DocumentDate : AnchorSource::Text;
      a.anchor_span = from->span;
      int64_t first = 0;
      int64_t last = 0;
      a.anchor_value = moment_value(*from, first, last);
    }
    out_.dates.push_back(std::move(a));
  }

  void emit_value(Span span, std::string value, const DateValue* v) {
    AnchoredDate a;
    a.span = span;
    a.value = std::move(value);
    if (v && v->year != 0 && v->exists) {
      a.first = v->first;
      a.last = v->last;
    }
    out_.dates.push_back(std::move(a));
  }

  void remember(Moment m, Span span, uint32_t sentence) {
    m.span = span;
    m.from_document = false;
    m.sentence = sentence;
    last_ = m;
  }

  void add_date(const DateMention& d) {
    if (d.value.year == 0 && d.value.granularity == DateGranularity::Day) {
      add_yearless_day(d);
      return;
    }
    // A range is two expressions in TimeML: its start and its end.
    const bool split = d.range_end && d.end_span.length > 0 && d.value_span.length > 0;
    emit_value(split ? d.value_span : d.span, timex_value(d.value), &d.value);
    if (const auto m = moment_of(d.value)) remember(*m, d.value_span, d.sentence);
    if (split) {
      emit_value(d.end_span, timex_value(*d.range_end), &*d.range_end);
      if (const auto m = moment_of(*d.range_end)) remember(*m, d.end_span, d.sentence);
    }
  }

  // "Aug. 2", "on the 15th of May": the year of the date last stated close before, else the
  // document date's. A year close to the document date's is news of the days around it ("sales
  // fell in 1988 ... on Aug. 2"): the document date's year then wins.
  void add_yearless_day(const DateMention& d) {
    const bool near = last_ && last_->sentence != UINT32_MAX && d.sentence != UINT32_MAX &&
                      d.sentence >= last_->sentence && d.sentence - last_->sentence <= 3 &&
                      !(document_ && std::abs(last_->year - document_->year) <= 2);
    const Moment* from = near ? &*last_ : document_ ? &*document_ : last_ ? &*last_ : nullptr;
    DateValue v = d.value;
    if (from) {
      v.year = from->year;
      normalise_date(v);
    }
    if (!from || !v.exists) {
      emit_value(d.span, timex_value(d.value), nullptr);
      return;
    }
    const auto m = moment_of(v);
    if (!m) return;
    emit(d.span, *m, from);
    remember(*m, d.span, d.sentence);
  }

  void add_relative(const RelativeMention& r) {
    if (r.kind == RelativeKind::Duration || r.kind == RelativeKind::Within) {
      emit_value(r.span, duration_value(r.amount), nullptr);
      return;
    }
    // Only exact whole amounts name a date: "two years later", not "some years later".
    const bool exact = r.amount.hedge == Hedge::Exact && r.amount.low == r.amount.high &&
                       r.amount.low == std::floor(r.amount.low) && r.amount.low < 100000;
    if (!exact || r.names_anchor) return;
    const int amount = static_cast<int>(r.amount.low);
    const Moment* from =
        r.kind == RelativeKind::Ago ? (document_ ? &*document_ : nullptr) : anchor(false);
    if (!from) return;
    const int signed_amount = r.kind == RelativeKind::Later ? amount : -amount;
    const auto m = step(*from, r.amount.unit, signed_amount);
    if (!m) return;
    emit(r.span, *m, from);
    remember(*m, r.span, r.sentence);
  }

  void add_deictic(const DeicticMention& x) {
    switch (x.kind) {
      case DeicticKind::Present:
        emit_value(x.span, "PRESENT_REF", nullptr);
        return;
      case DeicticKind::Past:
        emit_value(x.span, "PAST_REF", nullptr);
        return;
      case DeicticKind::Future:
        emit_value(x.span, "FUTURE_REF", nullptr);
        return;
      default:
        break;
    }
    const Moment* from = anchor(x.anchor == DeicticAnchor::Speech);
    std::optional<Moment> m;
    if (x.kind == DeicticKind::Step && x.year != 0) {  // "fiscal 1989"
      if (!year_in_range(x.year)) return;
      Moment year;
      year.year = x.year;
      m = year;
      from = nullptr;
    } else if (!from) {
      emit_unresolved(x);
      return;
    } else {
      switch (x.kind) {
        case DeicticKind::Step:
          m = step(*from, x.unit, x.step);
          // "that year" beside "the third quarter" is still the whole year.
          if (m && x.unit == TimeUnit::Year && x.step == 0) {
            m->grain = Grain::Year;
            m->month = m->day = 0;
          }
          break;
        case DeicticKind::Weekend:
          m = weekend_near(*from, x.step, x.tense_step);
          break;
        case DeicticKind::YearEnd:
          m = *from;
          m->grain = Grain::Day;
          m->month = 12;
          m->day = 31;
          break;
        case DeicticKind::Weekday:
          m = weekday_near(*from, x.index, x.step != 0 ? x.step : x.future_tense ? 1 : 0);
          break;
        case DeicticKind::Month:
          m = month_near(*from, x.index, x.step, x.future_tense);
          break;
        case DeicticKind::Season:
          m = season_near(*from, x.part, x.step);
          break;
        case DeicticKind::Quarter:
          m = x.relative_year ? quarter_near(*from, x.index, shift_year(from->year, x.step))
                              : quarter_near(*from, x.index, x.year);
          break;
        default:
          break;
      }
    }
    if (!m) {
      emit_unresolved(x);
      return;
    }
    emit(x.span, *m, from);
    remember(*m, x.span, x.sentence);
  }

  // With nothing to count from, TimeML writes the unknown digits as X.
  void emit_unresolved(const DeicticMention& x) {
    switch (x.kind) {
      case DeicticKind::Weekday:
        emit_value(x.span, "XXXX-WXX-" + std::to_string(x.index + 1), nullptr);
        return;
      case DeicticKind::Month:
        emit_value(x.span, "XXXX-" + pad(x.index, 2), nullptr);
        return;
      case DeicticKind::Season:
        emit_value(x.span, "XXXX-" + std::string(season_code(x.part)), nullptr);
        return;
      case DeicticKind::Quarter:
        emit_value(x.span, x.index ? "XXXX-Q" + std::to_string(x.index) : "XXXX-QX", nullptr);
        return;
      default:
        return;
    }
  }

  const DateFacts& facts_;
  std::optional<Moment> document_;
  std::optional<Moment> last_;
  AnchoredDates out_;
};

}  // namespace

std::string timex_value(const DateValue& v) {
  if (v.year == 0) {
    if (v.month == 0) return "XXXX";
    return "XXXX-" + pad(v.month, 2) + (v.day ? "-" + pad(v.day, 2) : "");
  }
  switch (v.granularity) {
    case DateGranularity::Day:
      // TimeML writes the day as the text gives it, in its own calendar; of a day that does not
      // exist ("30 February") only the month is certain.
      if (!v.exists) return year_value(v.year) + "-" + pad(v.month, 2);
      return year_value(v.year) + "-" + pad(v.month, 2) + "-" + pad(v.day, 2);
    case DateGranularity::Month:
      return year_value(v.year) + "-" + pad(v.month, 2);
    case DateGranularity::Season:
      if (!season_code(v.part).empty())
        return year_value(v.year) + "-" + std::string(season_code(v.part));
      if (v.part == PeriodPart::FirstHalf) return year_value(v.year) + "-H1";
      if (v.part == PeriodPart::SecondHalf) return year_value(v.year) + "-H2";
      return year_value(v.year);  // "early 1920": TimeML keeps early/late in mod
    case DateGranularity::Year:
      return year_value(v.year);
    case DateGranularity::Decade:
      return v.year < 0 ? "BC" + pad(-v.year / 10, 3) : pad(v.year / 10, 3);
    case DateGranularity::Century: {
      // "the 1800s" starts at 1800, "the 19th century" at 1801; TimeML names both "18".
      const int hundreds =
          v.year < 0 ? (-v.year - 1) / 100 : (v.year % 100 == 0 ? v.year : v.year - 1) / 100;
      return v.year < 0 ? "BC" + pad(hundreds, 2) : pad(hundreds, 2);
    }
  }
  return year_value(v.year);
}

AnchoredDates AnchoredDates::extract(const Analysis& analysis) {
  return extract(analysis.facts<DateFacts>(), analysis.document_date());
}

AnchoredDates AnchoredDates::extract(const DateFacts& facts,
                                     std::optional<CivilDate> document_date) {
  return Resolver(facts, document_date).run();
}

const AnchoredDate* AnchoredDates::at(size_t offset) const {
  auto it = std::upper_bound(dates.begin(), dates.end(), offset,
                             [](size_t o, const AnchoredDate& d) { return o < d.span.offset; });
  while (it != dates.begin()) {
    --it;
    if (offset < it->span.end()) return &*it;
    if (it->span.end() + 64 < offset) break;  // spans are short; stop looking far back
  }
  return nullptr;
}

}  // namespace histlint

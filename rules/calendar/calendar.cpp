#include "rules/calendar/calendar.h"

namespace histlint {

std::string_view calendar_name(Calendar c) {
  return c == Calendar::Julian ? "julian" : "gregorian";
}

}  // namespace histlint

namespace histlint::calendar {

namespace {

// Historical years have no year 0; the arithmetic below uses astronomical years (1 BC = 0).
int astronomical(int year) {
  return year < 0 ? year + 1 : year;
}
int historical(int year) {
  return year <= 0 ? year - 1 : year;
}

bool year_in_range(int year) {
  return year != 0 && year >= kMinYear && year <= kMaxYear;
}

}  // namespace

bool is_leap_year(int year, Calendar calendar) {
  const int y = astronomical(year);
  if (calendar == Calendar::Julian) return y % 4 == 0;
  return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
}

int days_in_month(int year, int month, Calendar calendar) {
  static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || !year_in_range(year)) return 0;
  if (month == 2 && is_leap_year(year, calendar)) return 29;
  return kDays[month - 1];
}

bool is_valid_date(int year, int month, int day, Calendar calendar) {
  return day >= 1 && day <= days_in_month(year, month, calendar);
}

int64_t day_number_unchecked(int year, int month, int day, Calendar calendar) {
  // Counting from March makes the leap day the last day of the year.
  const int64_t a = (14 - month) / 12;
  const int64_t y = astronomical(year) + 4800 - a;
  const int64_t m = month + 12 * a - 3;
  const int64_t days = day + (153 * m + 2) / 5 + 365 * y + y / 4;
  if (calendar == Calendar::Julian) return days - 32083;
  return days - y / 100 + y / 400 - 32045;
}

std::optional<int64_t> day_number(int year, int month, int day, Calendar calendar) {
  if (!is_valid_date(year, month, day, calendar)) return std::nullopt;
  return day_number_unchecked(year, month, day, calendar);
}

CivilDate civil_from_day_number(int64_t jdn, Calendar calendar) {
  int64_t b = 0;
  int64_t c = 0;
  if (calendar == Calendar::Gregorian) {
    const int64_t a = jdn + 32044;
    b = (4 * a + 3) / 146097;
    c = a - 146097 * b / 4;
  } else {
    c = jdn + 32082;
  }
  const int64_t d = (4 * c + 3) / 1461;
  const int64_t e = c - 1461 * d / 4;
  const int64_t m = (5 * e + 2) / 153;
  CivilDate out;
  out.day = static_cast<int>(e - (153 * m + 2) / 5 + 1);
  out.month = static_cast<int>(m + 3 - 12 * (m / 10));
  out.year = historical(static_cast<int>(100 * b + d - 4800 + m / 10));
  return out;
}

Weekday weekday_of(int64_t jdn) {
  const int64_t w = jdn % 7;
  return static_cast<Weekday>(w < 0 ? w + 7 : w);  // day number 0 was a Monday
}

const char* weekday_name(Weekday w) {
  static constexpr const char* kNames[7] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                            "Friday", "Saturday", "Sunday"};
  return kNames[static_cast<int>(w)];
}

const char* month_name(int month) {
  static constexpr const char* kNames[12] = {"January",   "February", "March",    "April",
                                             "May",       "June",     "July",     "August",
                                             "September", "October",  "November", "December"};
  return month >= 1 && month <= 12 ? kNames[month - 1] : "";
}

std::optional<int> julian_offset(int year, int month, int day) {
  const auto julian = day_number(year, month, day, Calendar::Julian);
  if (!julian) return std::nullopt;
  // The Gregorian reading of the same labels, counted on past the month end when the labels do
  // not exist in that calendar (29 February 1700), gives the offset in days.
  return static_cast<int>(*julian - day_number_unchecked(year, month, day, Calendar::Gregorian));
}

int completed_years(int64_t birth, int64_t day, Calendar birth_calendar) {
  const CivilDate b = civil_from_day_number(birth, birth_calendar);
  const CivilDate d = civil_from_day_number(day, birth_calendar);
  int years = astronomical(d.year) - astronomical(b.year);
  if (d.month < b.month || (d.month == b.month && d.day < b.day)) --years;
  return years;
}

}  // namespace histlint::calendar

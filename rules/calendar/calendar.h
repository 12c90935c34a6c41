// Day arithmetic in the Julian and Gregorian calendars: day numbers, leap years, weekdays and the
// Old Style / New Style offset. Years are historical: 1879 is AD 1879, -44 is 44 BC (no year 0).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "rules/options.h"

namespace histlint {

enum class Calendar { Gregorian, Julian };

std::string_view calendar_name(Calendar c);  // "gregorian", "julian"

}  // namespace histlint

namespace histlint::calendar {

// The years this module accepts; outside them every function reports "no such day".
inline constexpr int kMinYear = -4700;
inline constexpr int kMaxYear = 9999;

bool is_leap_year(int year, Calendar calendar);
// 28..31, or 0 for a month outside 1..12 or a year outside the supported range.
int days_in_month(int year, int month, Calendar calendar);
// True when the day exists in that calendar (29 February 1900 is Julian only).
bool is_valid_date(int year, int month, int day, Calendar calendar);

// Julian Day Number of the day (noon-based count; 2451545 is 1 January 2000 Gregorian), or
// nullopt when the day does not exist.
std::optional<int64_t> day_number(int year, int month, int day, Calendar calendar);
// The same as day_number() for a day known to be valid.
int64_t day_number_unchecked(int year, int month, int day, Calendar calendar);
CivilDate civil_from_day_number(int64_t day_number, Calendar calendar);

enum class Weekday { Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday };
Weekday weekday_of(int64_t day_number);
const char* weekday_name(Weekday w);  // "Monday"
const char* month_name(int month);    // "January"; "" outside 1..12

// Days to add to a Julian (Old Style) date to reach the same day in the Gregorian calendar:
// 10 until Julian 28 February 1700, then 11, 12 from Julian 1 March 1800, 13 from 1 March 1900.
// Nullopt when the Julian date does not exist.
std::optional<int> julian_offset(int year, int month, int day);

// A Julian day number in one calendar, the other calendar's reading of the same day.
inline CivilDate to_gregorian(int year, int month, int day) {
  return civil_from_day_number(day_number_unchecked(year, month, day, Calendar::Julian),
                               Calendar::Gregorian);
}
inline CivilDate to_julian(int year, int month, int day) {
  return civil_from_day_number(day_number_unchecked(year, month, day, Calendar::Gregorian),
                               Calendar::Julian);
}

// Completed years between a birth day and a later day (the age on that day), counting the
// birthday in the calendar the birth date is written in; negative when `day` precedes `birth`.
int completed_years(int64_t birth, int64_t day, Calendar birth_calendar);

}  // namespace histlint::calendar

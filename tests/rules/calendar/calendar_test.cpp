#include <doctest/doctest.h>

#include "rules/calendar/calendar.h"

using namespace histlint;
using namespace histlint::calendar;

TEST_CASE("leap years differ between the calendars") {
  CHECK(is_leap_year(2000, Calendar::Gregorian));
  CHECK_FALSE(is_leap_year(1900, Calendar::Gregorian));
  CHECK(is_leap_year(1900, Calendar::Julian));
  CHECK(is_leap_year(-1, Calendar::Julian));  // 1 BC is astronomical year 0
  CHECK(days_in_month(1900, 2, Calendar::Gregorian) == 28);
  CHECK(days_in_month(1900, 2, Calendar::Julian) == 29);
  CHECK(days_in_month(1917, 13, Calendar::Gregorian) == 0);
  CHECK(days_in_month(0, 1, Calendar::Gregorian) == 0);  // there is no year 0
  CHECK_FALSE(is_valid_date(1920, 6, 31, Calendar::Gregorian));
}

TEST_CASE("day numbers and conversions") {
  CHECK(day_number_unchecked(2000, 1, 1, Calendar::Gregorian) == 2451545);
  CHECK(day_number_unchecked(1582, 10, 15, Calendar::Gregorian) ==
        day_number_unchecked(1582, 10, 5, Calendar::Julian));
  const CivilDate g = to_gregorian(1879, 10, 26);
  CHECK(g.year == 1879);
  CHECK(g.month == 11);
  CHECK(g.day == 7);
  const CivilDate j = to_julian(1918, 2, 14);  // Russia's first Gregorian day
  CHECK(j.month == 2);
  CHECK(j.day == 1);
  const CivilDate bc =
      civil_from_day_number(day_number_unchecked(-44, 3, 15, Calendar::Julian), Calendar::Julian);
  CHECK(bc.year == -44);
  CHECK_FALSE(day_number(1900, 2, 29, Calendar::Gregorian).has_value());
}

TEST_CASE("weekdays and the Julian offset") {
  CHECK(weekday_of(day_number_unchecked(1940, 8, 20, Calendar::Gregorian)) == Weekday::Tuesday);
  CHECK(weekday_of(day_number_unchecked(1905, 1, 9, Calendar::Julian)) == Weekday::Sunday);
  CHECK(julian_offset(1600, 3, 1) == 10);
  CHECK(julian_offset(1700, 2, 28) == 10);
  CHECK(julian_offset(1700, 3, 1) == 11);
  CHECK(julian_offset(1879, 10, 26) == 12);
  CHECK(julian_offset(1900, 3, 1) == 13);
  CHECK(julian_offset(2100, 3, 1) == 14);
  CHECK_FALSE(julian_offset(1917, 2, 30).has_value());
}

TEST_CASE("completed years count birthdays") {
  const auto born = day_number_unchecked(1879, 11, 7, Calendar::Gregorian);
  CHECK(completed_years(born, day_number_unchecked(1940, 8, 21, Calendar::Gregorian),
                        Calendar::Gregorian) == 60);
  CHECK(completed_years(born, day_number_unchecked(1940, 11, 7, Calendar::Gregorian),
                        Calendar::Gregorian) == 61);
  CHECK(completed_years(day_number_unchecked(-10, 1, 1, Calendar::Julian),
                        day_number_unchecked(10, 1, 1, Calendar::Julian), Calendar::Julian) == 19);
}

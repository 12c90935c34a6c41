#include "rules/analysis.h"

#include <charconv>

namespace histlint {

namespace {

// Reads "YYYY-MM-DD", "YYYY-MM" or "YYYY" at the start of a front matter value.
std::optional<CivilDate> parse_iso_date(std::string_view s) {
  CivilDate d;
  auto read = [&](size_t pos, size_t len, int& out) {
    if (s.size() < pos + len) return false;
    auto [p, ec] = std::from_chars(s.data() + pos, s.data() + pos + len, out);
    return ec == std::errc() && p == s.data() + pos + len;
  };
  if (!read(0, 4, d.year)) return std::nullopt;
  if (s.size() >= 7 && s[4] == '-' && read(5, 2, d.month)) {
    if (d.month < 1 || d.month > 12) return std::nullopt;
    if (s.size() >= 10 && s[7] == '-' && read(8, 2, d.day) && (d.day < 1 || d.day > 31)) {
      return std::nullopt;
    }
  }
  return d;
}

}  // namespace

std::optional<CivilDate> Analysis::document_date() const {
  if (auto value = doc_.front_matter("date")) {
    if (auto d = parse_iso_date(*value)) return d;
  }
  return options_.document_date;
}

}  // namespace histlint

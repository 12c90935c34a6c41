// GitHub Actions workflow commands: "::warning file=…,line=…::message", one per finding.
#include <algorithm>
#include <ostream>

#include "server/report.h"

namespace histlint {

namespace {

// Escapes a command's message: '%', CR and LF would end or corrupt the command.
std::string escape_data(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '%':
        out += "%25";
        break;
      case '\r':
        out += "%0D";
        break;
      case '\n':
        out += "%0A";
        break;
      default:
        out += c;
    }
  }
  return out;
}

// Escapes a property value, where ':' and ',' also separate fields.
std::string escape_property(std::string_view s) {
  std::string out;
  for (char c : escape_data(s)) {
    if (c == ':') {
      out += "%3A";
    } else if (c == ',') {
      out += "%2C";
    } else {
      out += c;
    }
  }
  return out;
}

constexpr LevelNames kCommands{.error = "error", .warning = "warning", .note = "notice"};

}  // namespace

void write_github_report(const Report& report, std::ostream& out) {
  for (const auto& file : report.files) {
    for (const auto& finding : file.findings) {
      const TextRange& range = finding.range;
      // GitHub's columns are 1-based and its end column inclusive: the last flagged character.
      uint32_t end_column = std::max<uint32_t>(range.end.utf16_column, 1);
      if (range.end.line == range.start.line) {
        end_column = std::max(end_column, range.start.utf16_column + 1);
      }
      out << "::" << level_name(finding.severity, kCommands)
          << " file=" << escape_property(file.path) << ",line=" << range.start.line + 1
          << ",col=" << range.start.utf16_column + 1 << ",endLine=" << range.end.line + 1
          << ",endColumn=" << end_column
          << ",title=" << escape_property("histlint (" + finding.rule + ")")
          << "::" << escape_data(finding.message) << '\n';
    }
  }
}

}  // namespace histlint

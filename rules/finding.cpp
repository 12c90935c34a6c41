#include "rules/finding.h"

namespace histlint {

std::string_view severity_name(Severity s) {
  switch (s) {
    case Severity::Error:
      return "error";
    case Severity::Warning:
      return "warning";
    case Severity::Information:
      return "info";
    case Severity::Hint:
      return "hint";
  }
  return "warning";
}

std::optional<Severity> parse_severity(std::string_view name) {
  if (name == "error") return Severity::Error;
  if (name == "warning") return Severity::Warning;
  if (name == "info" || name == "information") return Severity::Information;
  if (name == "hint") return Severity::Hint;
  return std::nullopt;
}

}  // namespace histlint

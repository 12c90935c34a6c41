#include <ostream>

#include "server/report.h"

namespace histlint {

void write_text_report(const Report& report, std::ostream& out) {
  for (const auto& file : report.files) {
    for (const auto& finding : file.findings) {
      out << file.path << ':' << finding.range.start.line + 1 << ':'
          << finding.range.start.utf16_column + 1 << ": " << severity_name(finding.severity)
          << ": ";
      // One finding per line, whatever the message holds.
      for (char c : finding.message) out << (c == '\n' || c == '\r' ? ' ' : c);
      out << " [" << finding.rule << "]\n";
    }
  }
}

}  // namespace histlint

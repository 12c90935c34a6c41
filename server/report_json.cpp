#include "server/report_json.h"

#include <ostream>

namespace histlint {

namespace {

nlohmann::ordered_json position_json(const TextPoint& point) {
  return {{"line", point.line}, {"character", point.utf16_column}};
}

}  // namespace

nlohmann::ordered_json diagnostic_json(const ReportedFinding& finding) {
  nlohmann::ordered_json related = nlohmann::ordered_json::array();
  for (const auto& entry : finding.related) {
    related.push_back({{"path", entry.path},
                       {"offset", entry.span.offset},
                       {"length", entry.span.length},
                       {"message", entry.message}});
  }
  return {
      {"rule", finding.rule},
      {"severity", severity_name(finding.severity)},
      {"message", finding.message},
      {"offset", finding.span.offset},
      {"length", finding.span.length},
      {"range",
       {{"start", position_json(finding.range.start)}, {"end", position_json(finding.range.end)}}},
      {"related", std::move(related)}};
}

std::string dump_json(const nlohmann::ordered_json& value, int indent) {
  return value.dump(indent, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

void write_json_report(const Report& report, std::ostream& out) {
  nlohmann::ordered_json files = nlohmann::ordered_json::array();
  for (const auto& file : report.files) {
    nlohmann::ordered_json diagnostics = nlohmann::ordered_json::array();
    for (const auto& finding : file.findings) diagnostics.push_back(diagnostic_json(finding));
    files.push_back({{"path", file.path}, {"diagnostics", std::move(diagnostics)}});
  }
  const nlohmann::ordered_json doc = {{"version", 1}, {"files", std::move(files)}};
  out << dump_json(doc, 2) << '\n';
}

}  // namespace histlint

// reviewdog's rdjson: one DiagnosticResult with UTF-8 byte columns and exclusive ends.
#include <ostream>

#include "server/report_json.h"

namespace histlint {

namespace {

using ordered_json = nlohmann::ordered_json;

constexpr LevelNames kSeverities{.error = "ERROR", .warning = "WARNING", .note = "INFO"};

ordered_json range_json(const TextRange& range) {
  return {{"start", {{"line", range.start.line + 1}, {"column", range.start.byte_column + 1}}},
          {"end", {{"line", range.end.line + 1}, {"column", range.end.byte_column + 1}}}};
}

}  // namespace

void write_rdjson_report(const Report& report, std::ostream& out) {
  ordered_json diagnostics = ordered_json::array();
  for (const auto& file : report.files) {
    for (const auto& finding : file.findings) {
      ordered_json diagnostic = {
          {"message", finding.message},
          {"location", {{"path", file.path}, {"range", range_json(finding.range)}}},
          {"severity", level_name(finding.severity, kSeverities)},
          {"code", {{"value", finding.rule}}}};
      // An rdjson suggestion is one range and its replacement: only single-edit fixes fit.
      ordered_json suggestions = ordered_json::array();
      for (const auto& fix : finding.fixes) {
        if (fix.edits.size() != 1) continue;
        suggestions.push_back(
            {{"range", range_json(fix.edits[0].range)}, {"text", fix.edits[0].replacement}});
      }
      if (!suggestions.empty()) diagnostic["suggestions"] = std::move(suggestions);
      diagnostics.push_back(std::move(diagnostic));
    }
  }
  const ordered_json result = {{"source", {{"name", "histlint"}}},
                               {"diagnostics", std::move(diagnostics)}};
  out << dump_json(result, 2) << '\n';
}

}  // namespace histlint

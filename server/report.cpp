#include "server/report.h"

#include <cstdio>
#include <map>
#include <utility>

#include "protocol/positions.h"

namespace histlint {

namespace {

TextPoint point_at(const protocol::LineIndex& index, size_t offset) {
  const auto utf16 = index.position_of(offset, protocol::PositionEncoding::Utf16);
  const auto utf8 = index.position_of(offset, protocol::PositionEncoding::Utf8);
  return TextPoint{
      .line = utf16.line, .utf16_column = utf16.character, .byte_column = utf8.character};
}

TextRange range_of(const protocol::LineIndex& index, Span span) {
  return TextRange{.start = point_at(index, span.offset), .end = point_at(index, span.end())};
}

}  // namespace

std::string finding_fingerprint(std::string_view rule, std::string_view flagged_text) {
  // FNV-1a over the rule and the text with white space runs folded, so reflowing a paragraph or
  // moving it keeps the fingerprint.
  uint64_t hash = 14695981039346656037ull;
  auto mix = [&](unsigned char c) {
    hash ^= c;
    hash *= 1099511628211ull;
  };
  for (char c : rule) mix(static_cast<unsigned char>(c));
  mix(0);
  bool pending_space = false;
  bool any = false;
  for (char c : flagged_text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      pending_space = any;
      continue;
    }
    if (pending_space) mix(' ');
    pending_space = false;
    any = true;
    mix(static_cast<unsigned char>(c));
  }
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
  return hex;
}

CheckedFile make_checked_file(std::string path, std::string_view text,
                              const std::vector<Finding>& findings) {
  CheckedFile file{.path = std::move(path), .findings = {}};
  if (findings.empty()) return file;
  const protocol::LineIndex index(text);
  std::map<std::pair<std::string_view, std::string>, uint32_t> seen;
  file.findings.reserve(findings.size());
  for (const Finding& finding : findings) {
    const Span span{
        std::min(finding.span.offset, text.size()),
        std::min(finding.span.length, text.size() - std::min(finding.span.offset, text.size()))};
    ReportedFinding reported{.rule = finding.rule,
                             .severity = finding.severity,
                             .message = finding.message,
                             .span = span,
                             .range = range_of(index, span),
                             .related = {},
                             .fixes = {},
                             .fingerprint = {},
                             .occurrence = 0};
    for (const Related& related : finding.related) {
      ReportedRelated entry{.path = related.path.empty() ? file.path : related.path,
                            .span = related.span,
                            .range = std::nullopt,
                            .message = related.message};
      if (related.path.empty() && related.span.end() <= text.size()) {
        entry.range = range_of(index, related.span);
      }
      reported.related.push_back(std::move(entry));
    }
    for (const Fix& fix : finding.fixes) {
      ReportedFix out{.title = fix.title, .edits = {}};
      for (const TextEdit& edit : fix.edits) {
        if (edit.span.end() > text.size()) continue;
        out.edits.push_back(ReportedEdit{.span = edit.span,
                                         .range = range_of(index, edit.span),
                                         .replacement = edit.replacement});
      }
      if (!out.edits.empty()) reported.fixes.push_back(std::move(out));
    }
    const std::string_view flagged = text.substr(span.offset, span.length);
    reported.fingerprint =
        finding_fingerprint(finding.rule, flagged.empty() ? finding.message : flagged);
    reported.occurrence = seen[{finding.rule, reported.fingerprint}]++;
    file.findings.push_back(std::move(reported));
  }
  return file;
}

std::string_view level_name(Severity severity, const LevelNames& names) {
  switch (severity) {
    case Severity::Error:
      return names.error;
    case Severity::Warning:
      return names.warning;
    case Severity::Information:
    case Severity::Hint:
      return names.note;
  }
  return names.warning;
}

std::optional<ReportFormat> parse_report_format(std::string_view name) {
  if (name == "text") return ReportFormat::Text;
  if (name == "json") return ReportFormat::Json;
  if (name == "jsonl") return ReportFormat::Jsonl;
  if (name == "sarif") return ReportFormat::Sarif;
  if (name == "github") return ReportFormat::Github;
  if (name == "rdjson") return ReportFormat::Rdjson;
  return std::nullopt;
}

void write_report(ReportFormat format, const Report& report, std::string_view base_folder,
                  std::ostream& out) {
  switch (format) {
    case ReportFormat::Text:
      return write_text_report(report, out);
    case ReportFormat::Json:
      return write_json_report(report, out);
    case ReportFormat::Jsonl:
      return write_jsonl_report(report, out);
    case ReportFormat::Sarif:
      return write_sarif_report(report, base_folder, out);
    case ReportFormat::Github:
      return write_github_report(report, out);
    case ReportFormat::Rdjson:
      return write_rdjson_report(report, out);
  }
}

}  // namespace histlint

// What `histlint check` found, ready for any output format. Positions are computed once, from
// the text, so every format prints the same numbers and the text can be freed before output.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rules/finding.h"

namespace histlint {

struct TextPoint {  // 0-based
  uint32_t line = 0;
  uint32_t utf16_column = 0;  // as LSP, SARIF and GitHub count
  uint32_t byte_column = 0;   // as reviewdog counts
};

struct TextRange {
  TextPoint start;
  TextPoint end;  // exclusive
};

struct ReportedEdit {
  Span span;
  TextRange range;
  std::string replacement;
};

struct ReportedFix {
  std::string title;
  std::vector<ReportedEdit> edits;
};

struct ReportedRelated {
  std::string path;  // the checked file's path when the evidence is in the same file
  Span span;
  std::optional<TextRange> range;  // known only for the same file
  std::string message;
};

struct ReportedFinding {
  std::string rule;
  Severity severity = Severity::Warning;
  std::string message;
  Span span;
  TextRange range;
  std::vector<ReportedRelated> related;
  std::vector<ReportedFix> fixes;
  // Identifies the finding across unrelated edits: a hash of the rule and the flagged text, and
  // how many earlier findings in the same file share that hash.
  std::string fingerprint;
  uint32_t occurrence = 0;
};

struct CheckedFile {
  std::string path;  // as shown to the user: relative to the working folder when below it
  std::vector<ReportedFinding> findings;
};

// A file that could not be checked: unreadable, not UTF-8 text, or without a valid configuration.
struct FileProblem {
  std::string path;
  std::string message;  // a whole line for stderr, naming the file: "notes.md: not UTF-8 text …"
};

struct Report {
  std::vector<CheckedFile> files;  // in a stable order: as named, folders walked in sorted order
  std::vector<FileProblem> problems;
};

// Locates findings in the text they were found in.
CheckedFile make_checked_file(std::string path, std::string_view text,
                              const std::vector<Finding>& findings);

// The hash that identifies the flagged text of a finding (16 hex digits).
std::string finding_fingerprint(std::string_view rule, std::string_view flagged_text);

// The names a format gives its three levels; information and hints share the lowest one.
struct LevelNames {
  std::string_view error;
  std::string_view warning;
  std::string_view note;
};
std::string_view level_name(Severity severity, const LevelNames& names);

enum class ReportFormat { Text, Json, Jsonl, Sarif, Github, Rdjson };

std::optional<ReportFormat> parse_report_format(std::string_view name);
inline constexpr std::string_view kReportFormatNames = "text, json, jsonl, sarif, github, rdjson";

// One writer per format, each in its own report_<format>.cpp.
void write_text_report(const Report& report, std::ostream& out);
void write_json_report(const Report& report, std::ostream& out);
void write_jsonl_report(const Report& report, std::ostream& out);
void write_github_report(const Report& report, std::ostream& out);
void write_rdjson_report(const Report& report, std::ostream& out);
// `base_folder` is the absolute folder relative paths start from (SARIF's %SRCROOT%).
void write_sarif_report(const Report& report, std::string_view base_folder, std::ostream& out);

void write_report(ReportFormat format, const Report& report, std::string_view base_folder,
                  std::ostream& out);

}  // namespace histlint

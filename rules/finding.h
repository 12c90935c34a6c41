// A finding: what one rule reports about one span of a document.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace histlint {

// Numbering follows LSP DiagnosticSeverity so the server can pass it through.
enum class Severity { Error = 1, Warning = 2, Information = 3, Hint = 4 };

std::string_view severity_name(Severity s);  // "error", "warning", "info", "hint"
std::optional<Severity> parse_severity(std::string_view name);

// A half-open byte range [offset, offset + length) in UTF-8 text.
struct Span {
  size_t offset = 0;
  size_t length = 0;
  size_t end() const { return offset + length; }
  bool operator==(const Span&) const = default;
};

struct TextEdit {
  Span span;
  std::string replacement;
};

struct Fix {
  std::string title;  // shown as the code action's title
  std::vector<TextEdit> edits;
};

// Evidence elsewhere: the conflicting date, the birth date used for an age.
struct Related {
  std::string path;  // empty: the same document
  Span span;
  std::string message;
};

struct Finding {
  std::string rule;  // "family/name"
  Severity severity = Severity::Warning;
  Span span;
  std::string message;  // one plain sentence with the evidence
  std::vector<Related> related;
  std::vector<Fix> fixes;
};

}  // namespace histlint

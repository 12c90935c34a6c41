#include "server/cli_rules.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <ostream>

#include "rules/engine.h"
#include "rules/kb/knowledge_base.h"
#include "rules/suppressions.h"
#include "server/cli_args.h"
#include "server/cli_suggest.h"
#include "server/kb_files.h"
#include "server/report.h"

namespace histlint {

namespace {

// Every rule `check` can report: the registry's and the suppression checker's.
std::vector<const RuleInfo*> all_rules() {
  std::vector<const RuleInfo*> rules;
  for (const auto& rule : RuleRegistry::builtin().rules()) rules.push_back(&rule.info);
  rules.push_back(&unused_disable_rule());
  return rules;
}

std::string default_setting(const RuleInfo& rule) {
  if (&rule == &unused_disable_rule()) return "opt-in";
  return rule.enabled_by_default ? std::string(severity_name(rule.default_severity)) : "off";
}

void print_indented(std::string_view text, std::ostream& out) {
  while (!text.empty()) {
    const size_t newline = text.find('\n');
    out << "    " << text.substr(0, newline) << '\n';
    if (newline == std::string_view::npos) break;
    text.remove_prefix(newline + 1);
  }
}

// Prints prose wrapped at `width` characters; the text's own line breaks are kept.
void print_wrapped(std::string_view text, std::ostream& out, size_t width = 80) {
  size_t column = 0;
  size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '\n') {
      out << '\n';
      column = 0;
      ++i;
      continue;
    }
    if (text[i] == ' ') {
      ++i;
      continue;
    }
    const size_t end = std::min(text.find_first_of(" \n", i), text.size());
    const std::string_view word = text.substr(i, end - i);
    // Characters, not bytes: UTF-8 continuation bytes do not take a column.
    const size_t length = std::count_if(word.begin(), word.end(), [](char c) {
      return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    });
    if (column > 0 && column + 1 + length > width) {
      out << '\n';
      column = 0;
    } else if (column > 0) {
      out << ' ';
      ++column;
    }
    out << word;
    column += length;
    i = end;
  }
  if (column > 0) out << '\n';
}

// What histlint reports for the rule on its own example, as "line:column: message".
std::vector<std::string> findings_on_example(const RuleInfo& rule) {
  Options options;
  options.rules.emplace_back(std::string(rule.id), "on");
  options.report_unused_disables = &rule == &unused_disable_rule();
  std::string text(rule.example);
  const auto findings = analyze_text("example.md", text, options, bundled_knowledge_base());
  const CheckedFile file = make_checked_file("example.md", text, findings);
  std::vector<std::string> lines;
  for (const auto& finding : file.findings) {
    if (finding.rule != rule.id) continue;
    lines.push_back(std::to_string(finding.range.start.line + 1) + ":" +
                    std::to_string(finding.range.start.utf16_column + 1) + ": " +
                    std::string(severity_name(finding.severity)) + ": " + finding.message);
  }
  return lines;
}

void explain(const RuleInfo& rule, std::ostream& out) {
  out << rule.id << " (default: " << default_setting(rule) << ")\n\n";
  print_wrapped(rule.summary, out);
  if (!rule.explanation.empty()) {
    out << '\n';
    print_wrapped(rule.explanation, out);
  }
  if (!rule.example.empty()) {
    out << "\nExample:\n";
    print_indented(rule.example, out);
    const auto reported = findings_on_example(rule);
    if (!reported.empty()) {
      out << "\nhistlint reports:\n";
      for (const auto& line : reported) print_indented(line, out);
    }
  }
  out << "\nTurn it off in .histlint.json:\n    {\"rules\": {\"" << rule.id
      << "\": \"off\"}}\nor for one line, with a comment above it:\n    <!-- "
         "histlint-disable-next-line "
      << rule.id << " -->\n";
}

}  // namespace

int run_rules_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  bool json = false;
  ArgReader reader(args);
  while (!reader.done()) {
    if (auto format = reader.value_of("--format", "-f")) {
      if (*format != "json" && *format != "text") {
        err << "histlint rules: unknown format \"" << *format << "\"; choose text or json\n";
        return 2;
      }
      json = *format == "json";
    } else if (reader.flag("--help", "-h")) {
      out << "Usage: histlint rules [--format text|json]\n\nLists every rule with its default "
             "severity and what it reports.\n";
      return 0;
    } else {
      err << "histlint rules: "
          << (reader.error().empty() ? "unexpected argument " + reader.next() : reader.error())
          << '\n';
      return 2;
    }
  }
  const auto rules = all_rules();
  if (json) {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const RuleInfo* rule : rules) {
      list.push_back({{"id", rule->id},
                      {"default", default_setting(*rule)},
                      {"summary", rule->summary},
                      {"explanation", rule->explanation},
                      {"example", rule->example}});
    }
    out << list.dump(2) << '\n';
    return 0;
  }
  size_t width = 0;
  for (const RuleInfo* rule : rules) width = std::max(width, rule->id.size());
  for (const RuleInfo* rule : rules) {
    const std::string setting = default_setting(*rule);
    out << rule->id << std::string(width - rule->id.size() + 2, ' ') << setting
        << std::string(9 - std::min<size_t>(setting.size(), 8), ' ') << rule->summary << '\n';
  }
  return 0;
}

int run_explain_command(const std::vector<std::string>& args, std::ostream& out,
                        std::ostream& err) {
  if (args.size() == 1 && (args[0] == "--help" || args[0] == "-h")) {
    out << "Usage: histlint explain RULE\n\nExplains a rule (\"date/impossible-date\") with an "
           "example, or lists a family's rules (\"date\").\n";
    return 0;
  }
  if (args.size() != 1) {
    err << "histlint explain: name one rule, such as 'histlint explain date/impossible-date'\n";
    return 2;
  }
  const std::string& name = args[0];
  const auto rules = all_rules();
  for (const RuleInfo* rule : rules) {
    if (rule->id == name) {
      explain(*rule, out);
      return 0;
    }
  }
  std::vector<const RuleInfo*> family;
  for (const RuleInfo* rule : rules) {
    if (rule->id.substr(0, rule->id.find('/')) == name) family.push_back(rule);
  }
  if (!family.empty()) {
    for (const RuleInfo* rule : family) out << rule->id << "  " << rule->summary << '\n';
    return 0;
  }
  std::vector<std::string_view> ids;
  for (const RuleInfo* rule : rules) ids.push_back(rule->id);
  err << "histlint explain: unknown rule \"" << name << "\"";
  if (auto match = closest_match(name, ids)) err << "; did you mean \"" << *match << "\"?";
  err << "\nRun 'histlint rules' to list every rule.\n";
  return 2;
}

}  // namespace histlint

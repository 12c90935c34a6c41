// SARIF 2.1.0, as GitHub code scanning reads it: one run, the rule catalogue in tool.driver.rules,
// repo-relative URIs under %SRCROOT%, UTF-16 columns and fingerprints that survive moving text.
#include <ostream>

#include "protocol/uri.h"
#include "rules/rule.h"
#include "rules/suppressions.h"
#include "server/report.h"
#include "server/report_json.h"

namespace histlint {

namespace {

using ordered_json = nlohmann::ordered_json;

constexpr std::string_view kBaseId = "%SRCROOT%";

constexpr LevelNames kLevels{.error = "error", .warning = "warning", .note = "note"};

// A relative path percent-encoded as a URI reference under %SRCROOT%; an absolute path outside
// the base folder as a file: URI.
ordered_json artifact_location(std::string_view path, std::string_view base_folder) {
  std::string relative(path);
  if (!relative.empty() && relative.front() == '/') {
    const std::string base = std::string(base_folder) + "/";
    if (relative.compare(0, base.size(), base) != 0) {
      return {{"uri", protocol::uri_from_path(relative)}};
    }
    relative.erase(0, base.size());
  }
  // uri_from_path percent-encodes; dropping its "file://" prefix leaves a relative reference.
  const std::string encoded =
      protocol::uri_from_path(relative).substr(std::string_view("file://").size());
  return {{"uri", encoded}, {"uriBaseId", kBaseId}};
}

ordered_json region_json(const TextRange& range) {
  return {{"startLine", range.start.line + 1},
          {"startColumn", range.start.utf16_column + 1},
          {"endLine", range.end.line + 1},
          {"endColumn", range.end.utf16_column + 1}};
}

ordered_json rule_json(const RuleInfo& rule) {
  const std::string summary(rule.summary);
  const std::string explanation =
      rule.explanation.empty() ? summary : std::string(rule.explanation);
  std::string help_text = explanation;
  std::string help_markdown = explanation;
  if (!rule.example.empty()) {
    help_text += "\n\nExample:\n" + std::string(rule.example);
    help_markdown += "\n\nExample:\n\n";
    // Indented by four spaces: a Markdown code block that needs no fence escaping.
    std::string_view example = rule.example;
    while (!example.empty()) {
      const size_t newline = example.find('\n');
      help_markdown += "    " + std::string(example.substr(0, newline)) + "\n";
      if (newline == std::string_view::npos) break;
      example.remove_prefix(newline + 1);
    }
  }
  const std::string family(rule.id.substr(0, rule.id.find('/')));
  return {{"id", rule.id},
          {"shortDescription", {{"text", summary}}},
          {"fullDescription", {{"text", explanation}}},
          {"help", {{"text", help_text}, {"markdown", help_markdown}}},
          {"defaultConfiguration",
           {{"enabled", rule.enabled_by_default},
            {"level", level_name(rule.default_severity, kLevels)}}},
          {"properties", {{"tags", {family}}}}};
}

}  // namespace

void write_sarif_report(const Report& report, std::string_view base_folder, std::ostream& out) {
  std::vector<const RuleInfo*> rules;
  for (const auto& rule : RuleRegistry::builtin().rules()) rules.push_back(&rule.info);
  rules.push_back(&unused_disable_rule());
  ordered_json rule_list = ordered_json::array();
  for (const RuleInfo* rule : rules) rule_list.push_back(rule_json(*rule));
  auto rule_index = [&](std::string_view id) -> int {
    for (size_t i = 0; i < rules.size(); ++i) {
      if (rules[i]->id == id) return static_cast<int>(i);
    }
    return -1;
  };

  ordered_json results = ordered_json::array();
  for (const auto& file : report.files) {
    const ordered_json location = artifact_location(file.path, base_folder);
    for (const auto& finding : file.findings) {
      ordered_json result = {{"ruleId", finding.rule}};
      if (const int index = rule_index(finding.rule); index >= 0) result["ruleIndex"] = index;
      result["level"] = level_name(finding.severity, kLevels);
      result["message"] = {{"text", finding.message}};
      result["locations"] = ordered_json::array(
          {{{"physicalLocation",
             {{"artifactLocation", location}, {"region", region_json(finding.range)}}}}});
      result["partialFingerprints"] = {
          {"histlintText/v1", finding.fingerprint + ":" + std::to_string(finding.occurrence)}};
      if (!finding.related.empty()) {
        ordered_json related = ordered_json::array();
        for (size_t i = 0; i < finding.related.size(); ++i) {
          const auto& entry = finding.related[i];
          ordered_json physical = {
              {"artifactLocation", artifact_location(entry.path, base_folder)}};
          if (entry.range) {
            physical["region"] = region_json(*entry.range);
          } else {
            physical["region"] = {{"byteOffset", entry.span.offset},
                                  {"byteLength", entry.span.length}};
          }
          related.push_back({{"id", i + 1},
                             {"physicalLocation", std::move(physical)},
                             {"message", {{"text", entry.message}}}});
        }
        result["relatedLocations"] = std::move(related);
      }
      if (!finding.fixes.empty()) {
        ordered_json fixes = ordered_json::array();
        for (const auto& fix : finding.fixes) {
          ordered_json replacements = ordered_json::array();
          for (const auto& edit : fix.edits) {
            replacements.push_back({{"deletedRegion", region_json(edit.range)},
                                    {"insertedContent", {{"text", edit.replacement}}}});
          }
          fixes.push_back(
              {{"description", {{"text", fix.title}}},
               {"artifactChanges",
                {{{"artifactLocation", location}, {"replacements", std::move(replacements)}}}}});
        }
        result["fixes"] = std::move(fixes);
      }
      results.push_back(std::move(result));
    }
  }

  ordered_json notifications = ordered_json::array();
  for (const auto& problem : report.problems) {
    notifications.push_back(
        {{"level", "error"},
         {"message", {{"text", problem.message}}},
         {"locations",
          {{{"physicalLocation",
             {{"artifactLocation", artifact_location(problem.path, base_folder)}}}}}}});
  }
  ordered_json invocation = {{"executionSuccessful", report.problems.empty()}};
  if (!notifications.empty()) invocation["toolExecutionNotifications"] = std::move(notifications);

  const ordered_json sarif = {
      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
      {"version", "2.1.0"},
      {"runs",
       {{{"tool",
          {{"driver",
            {{"name", "histlint"},
             {"version", HISTLINT_VERSION},
             {"semanticVersion", HISTLINT_VERSION},
             {"rules", std::move(rule_list)}}}}},
         {"invocations", ordered_json::array({std::move(invocation)})},
         {"originalUriBaseIds",
          {{kBaseId, {{"uri", protocol::uri_from_path(std::string(base_folder) + "/")}}}}},
         {"results", std::move(results)},
         {"columnKind", "utf16CodeUnits"}}}}};
  out << dump_json(sarif, 2) << '\n';
}

}  // namespace histlint

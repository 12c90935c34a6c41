#include "server/cli_baseline.h"

#include <algorithm>

#include "server/atomic_file.h"
#include "server/file_text.h"
#include "server/report_json.h"

namespace histlint {

namespace fs = std::filesystem;
using ordered_json = nlohmann::ordered_json;

namespace {

constexpr int kBaselineVersion = 1;

}  // namespace

std::string baseline_path(const fs::path& file, const fs::path& baseline) {
  std::error_code ec;
  const fs::path absolute_file = fs::absolute(file, ec).lexically_normal();
  const fs::path folder = fs::absolute(baseline, ec).lexically_normal().parent_path();
  const fs::path relative = absolute_file.lexically_relative(folder);
  return relative.empty() ? absolute_file.generic_string() : relative.generic_string();
}

bool Baseline::load(const fs::path& file, std::string& error) {
  const auto text = read_file_text(file);
  if (!text) {
    error = file.string() + ": cannot read the baseline";
    return false;
  }
  const ordered_json doc = ordered_json::parse(*text, nullptr, /*allow_exceptions=*/false);
  const bool valid = doc.is_object() && doc.value("version", 0) == kBaselineVersion &&
                     doc.contains("findings") && doc["findings"].is_array();
  if (!valid) {
    error = file.string() + ": not a histlint baseline (write one with --write-baseline)";
    return false;
  }
  for (const auto& entry : doc["findings"]) {
    const bool complete = entry.is_object() && entry.contains("path") &&
                          entry["path"].is_string() && entry.contains("rule") &&
                          entry["rule"].is_string() && entry.contains("fingerprint") &&
                          entry["fingerprint"].is_string();
    if (!complete) {
      error = file.string() + ": a baseline entry lacks \"path\", \"rule\" or \"fingerprint\"";
      return false;
    }
    ++remaining_[{entry["path"].get<std::string>(), entry["rule"].get<std::string>(),
                  entry["fingerprint"].get<std::string>()}];
  }
  return true;
}

size_t Baseline::filter(const std::string& path, CheckedFile& file) {
  const size_t before = file.findings.size();
  std::erase_if(file.findings, [&](const ReportedFinding& finding) {
    auto it = remaining_.find({path, finding.rule, finding.fingerprint});
    if (it == remaining_.end() || it->second == 0) return false;
    --it->second;
    return true;
  });
  return before - file.findings.size();
}

bool write_baseline(const fs::path& baseline, const std::vector<BaselineEntryFile>& files,
                    std::string& error) {
  struct Entry {
    std::string path, rule, fingerprint, message;
  };
  std::vector<Entry> entries;
  for (const auto& [path, file] : files) {
    for (const auto& finding : file->findings) {
      entries.push_back({path, finding.rule, finding.fingerprint, finding.message});
    }
  }
  // Sorted without line numbers, so the file changes only when findings do.
  std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
    return std::tie(a.path, a.rule, a.fingerprint) < std::tie(b.path, b.rule, b.fingerprint);
  });
  ordered_json list = ordered_json::array();
  for (const auto& entry : entries) {
    list.push_back({{"path", entry.path},
                    {"rule", entry.rule},
                    {"fingerprint", entry.fingerprint},
                    {"message", entry.message}});
  }
  const ordered_json doc = {
      {"version", kBaselineVersion}, {"tool", "histlint"}, {"findings", list}};
  AtomicFile out(baseline);
  out.stream() << dump_json(doc, 2) << '\n';
  if (!out.commit()) {
    error = "cannot write the baseline: " + out.error();
    return false;
  }
  return true;
}

}  // namespace histlint

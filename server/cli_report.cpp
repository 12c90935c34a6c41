#include "server/cli_report.h"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <string_view>
#include <unordered_map>

#include "rules/engine.h"
#include "rules/extract/date_events.h"
#include "rules/queries/timeline.h"
#include "server/atomic_file.h"
#include "server/cli_args.h"
#include "server/cli_check.h"
#include "server/timeline_report.h"

namespace histlint {

namespace {

struct ReportArgs {
  std::vector<std::string> paths;
  std::optional<std::filesystem::path> output;
  std::optional<std::filesystem::path> config;
  bool help = false;
};

std::optional<std::string> parse_report_args(const std::vector<std::string>& args,
                                             ReportArgs& out) {
  ArgReader reader(args);
  while (!reader.done()) {
    if (reader.flag("--help", "-h")) {
      out.help = true;
    } else if (auto format = reader.value_of("--format", "-f")) {
      if (*format != "html") return "unknown format \"" + *format + "\"; the report is html";
    } else if (auto path = reader.value_of("--output", "-o")) {
      out.output = *path;
    } else if (auto config = reader.value_of("--config")) {
      out.config = *config;
    } else if (auto error = reader.operand(out.paths)) {
      return error;
    }
    if (!reader.error().empty()) return reader.error();
  }
  if (out.paths.empty() && !out.help) return "no PATH given";
  return std::nullopt;
}

// The documents of a report, drawn from each file on its own, then compared: the files whose
// dated events conflict with those of other files of the run are analysed again with those
// files' events, as `check` does, so that date/conflicting-dates reports the conflicts between
// files and the page can join them.
class ReportDocuments {
 public:
  void add(const Analysis& analysis) {
    auto findings = run_rules(analysis);
    auto timeline = build_timeline(analysis, findings);
    index_[analysis.path()] = documents_.size();
    documents_.push_back(
        {analysis.path(), analysis.doc().text(), std::move(timeline), std::move(findings)});
    auto claims = DocumentClaims::of(analysis);
    claims_.push_back(claims.claims().empty()
                          ? nullptr
                          : std::make_shared<const DocumentClaims>(std::move(claims)));
  }

  // For each document, the others stating one of its events, when one gives it another date.
  std::unordered_map<std::string, Analysis::OtherDocuments> conflicting() const {
    std::unordered_map<std::string_view, std::vector<size_t>> by_event;
    for (size_t i = 0; i < claims_.size(); ++i) {
      if (!claims_[i]) continue;
      for (const std::string& key : claims_[i]->keys()) {
        auto& files = by_event[key];
        if (files.empty() || files.back() != i) files.push_back(i);
      }
    }
    std::unordered_map<std::string, Analysis::OtherDocuments> out;
    for (size_t i = 0; i < claims_.size(); ++i) {
      if (!claims_[i]) continue;
      std::vector<size_t> sharing;
      for (const std::string& key : claims_[i]->keys()) {
        for (size_t j : by_event[key]) {
          if (j != i && std::find(sharing.begin(), sharing.end(), j) == sharing.end()) {
            sharing.push_back(j);
          }
        }
      }
      std::sort(sharing.begin(), sharing.end());  // in the order of the run, as `check` does
      const bool conflicts = std::any_of(sharing.begin(), sharing.end(), [&](size_t j) {
        return claims_[i]->conflicts_with(*claims_[j]);
      });
      if (!conflicts) continue;
      auto& others = out[documents_[i].path];
      for (size_t j : sharing) others.push_back(claims_[j]);
    }
    return out;
  }

  // Analyses a document again, compared with `others`.
  void redo(const Analysis& analysis, Analysis::OtherDocuments others) {
    const auto at = index_.find(analysis.path());
    if (at == index_.end()) return;
    Analysis compared(analysis.doc(), analysis.options(), analysis.kb(), analysis.path());
    compared.set_other_documents(std::move(others));
    TimelineDocument& document = documents_[at->second];
    document.text = analysis.doc().text();  // as read now, should the file have changed
    document.findings = run_rules(compared);
    document.timeline = build_timeline(compared, document.findings);
  }

  const std::vector<TimelineDocument>& documents() const { return documents_; }

 private:
  std::vector<TimelineDocument> documents_;
  std::vector<std::shared_ptr<const DocumentClaims>> claims_;  // null without dated events
  std::unordered_map<std::string, size_t> index_;              // path -> index
};

std::string title_of(const std::vector<std::string>& paths) {
  std::string title;
  for (const std::string& path : paths) title += (title.empty() ? "" : ", ") + path;
  return title;
}

}  // namespace

std::string report_usage() {
  return R"(Usage: histlint report [OPTIONS] PATH...

Writes one HTML page showing each folder's documents on a time axis: the lifespans of the people
they name, the dates they state, each finding at its date, conflicting dates joined by a line
(within a file, and between two files of a folder: the files are compared as 'check' compares
them) and impossible ages on the person's life, with the findings listed below. The page has no
external resources; open it in any browser.

Options:
  -f, --format FORMAT   html (the only format)
  -o, --output FILE     write the page to FILE (atomically) instead of standard output
      --config FILE     use this configuration instead of the .histlint.json found upward
  -h, --help            show this help

Exit status: 0, or 2 for a usage error, a file that could not be read or is not UTF-8 text (the
other files are still drawn), or a page that could not be written.
)";
}

int run_report_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  ReportArgs options;
  if (auto error = parse_report_args(args, options)) {
    err << "histlint report: " << *error << "\nRun 'histlint report --help' for usage.\n";
    return 2;
  }
  if (options.help) {
    out << report_usage();
    return 0;
  }
  ReportDocuments report;
  const auto problems = analyse_files(options.paths, options.config, std::nullopt,
                                      [&](const Analysis& analysis) { report.add(analysis); });
  if (auto conflicting = report.conflicting(); !conflicting.empty()) {
    std::vector<std::string> paths;
    for (const auto& [path, others] : conflicting) paths.push_back(path);
    std::sort(paths.begin(), paths.end());
    // Read again, by the paths the first pass named them by (their analyses were not kept: the
    // page needs only their findings and timelines); a file gone meanwhile keeps its first
    // drawing.
    (void)analyse_files(paths, options.config, std::nullopt, [&](const Analysis& analysis) {
      const auto others = conflicting.find(analysis.path());
      if (others != conflicting.end()) report.redo(analysis, std::move(others->second));
    });
  }
  const auto& documents = report.documents();
  for (const auto& problem : problems) err << problem.message << '\n';
  const std::string title = title_of(options.paths);
  if (options.output) {
    AtomicFile file(*options.output);
    write_timeline_html(documents, title, file.stream());
    if (!file.commit()) {
      err << "histlint report: " << file.error() << '\n';
      return 2;
    }
  } else {
    write_timeline_html(documents, title, out);
    out.flush();
    if (!out) {
      err << "histlint report: cannot write the page to standard output\n";
      return 2;
    }
  }
  return problems.empty() ? 0 : 2;
}

}  // namespace histlint

#include "server/cli_report.h"

#include <filesystem>
#include <iostream>
#include <optional>

#include "rules/engine.h"
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
and impossible ages on the person's life, with the findings listed below. The page has no
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
  std::vector<TimelineDocument> documents;
  const auto problems =
      analyse_files(options.paths, options.config, std::nullopt, [&](const Analysis& analysis) {
        auto findings = run_rules(analysis);
        auto timeline = build_timeline(analysis, findings);
        documents.push_back(
            {analysis.path(), analysis.doc().text(), std::move(timeline), std::move(findings)});
      });
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

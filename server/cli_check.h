// `histlint check [OPTIONS] [PATH…]`: the headless linter for CI and scripts.
#pragma once

#include <filesystem>
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "rules/analysis.h"
#include "server/report.h"

namespace histlint {

struct CheckIo {
  std::istream& in;              // read for the path "-"
  std::ostream& out;             // the report
  std::ostream& err;             // errors, the summary and progress
  bool err_is_terminal = false;  // progress is drawn only on a terminal
};

// Runs the check with the arguments after "check". Returns the exit code: 0 when no finding
// reaches --fail-on, 1 when one does, 2 for a usage error or a file that could not be checked.
int run_check_command(const std::vector<std::string>& args, CheckIo io);

// Analyses each file of `paths` as `check` does (the same files, configuration, genre and
// knowledge base) but runs no rule: `visit` extracts the facts it wants. `config` is --config;
// `document_date` (--document-date) anchors files whose configuration gives no date.
// Returns the paths that could not be read or are not text, and configuration errors.
std::vector<FileProblem> analyse_files(const std::vector<std::string>& paths,
                                       const std::optional<std::filesystem::path>& config,
                                       const std::optional<CivilDate>& document_date,
                                       const std::function<void(const Analysis&)>& visit);

// The usage text of `histlint check --help`.
std::string check_usage();

}  // namespace histlint

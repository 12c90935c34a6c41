// `histlint check [OPTIONS] [PATH…]`: the headless linter for CI and scripts.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
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

// What a run of `check` has done so far, for its progress line.
struct ProgressTally {
  size_t files = 0;
  uint64_t bytes = 0;  // of the files read
  size_t findings = 0;
};

// "histlint: checked 120 of 4000 files, 3.2 MB/s, 57 findings so far"; the speed is left out
// when no file was read (the pass comparing the files' dates).
std::string progress_line(std::string_view verb, const ProgressTally& done, size_t total,
                          std::chrono::duration<double> elapsed);

// When the progress line is drawn: on a terminal only, once the run has taken `delay`, and
// only when the tally changed since it was last drawn.
class ProgressGate {
 public:
  explicit ProgressGate(bool terminal,
                        std::chrono::steady_clock::duration delay = std::chrono::seconds(1))
      : terminal_(terminal), delay_(delay) {}
  bool should_draw(std::chrono::steady_clock::duration elapsed, const ProgressTally& tally);
  bool drawn() const { return drawn_.has_value(); }

 private:
  bool terminal_;
  std::chrono::steady_clock::duration delay_;
  std::optional<ProgressTally> drawn_;  // what is on screen
};

// The usage text of `histlint check --help`.
std::string check_usage();

}  // namespace histlint

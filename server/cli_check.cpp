#include "server/cli_check.h"

#include <algorithm>
#include <atomic>
#include <charconv>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <fstream>
#include <functional>
#include <iostream>
#include <iterator>
#include <memory>
#include <mutex>
#include <optional>
#include <system_error>
#include <thread>
#include <unordered_map>

#include "common/bounded_json.h"
#include "rules/engine.h"
#include "rules/extract/date_events.h"
#include "rules/extract/people.h"
#include "rules/text/utf8.h"
#include "server/atomic_file.h"
#include "server/cli_args.h"
#include "server/cli_baseline.h"
#include "server/cli_claims.h"
#include "server/cli_files.h"
#include "server/config.h"
#include "server/file_text.h"
#include "server/kb_files.h"
#include "server/report.h"

namespace histlint {

namespace fs = std::filesystem;

namespace {

struct CheckArgs {
  std::vector<std::string> paths;
  ReportFormat format = ReportFormat::Text;
  std::optional<Severity> fail_on = Severity::Warning;  // nullopt: never fail on findings
  std::optional<fs::path> config;
  unsigned jobs = 0;  // 0: one per core
  std::optional<fs::path> baseline;
  std::optional<fs::path> write_baseline;
  std::optional<fs::path> output;
  std::vector<fs::path> claims;  // JSONL files of `histlint claims`, from files checked elsewhere
  std::optional<std::string> stdin_filename;
  size_t max_file_bytes = kDefaultMaxFileBytes;
  bool report_unused_disables = false;
  bool quiet = false;
  bool help = false;
};

// "4096", "512K", "100M", "2G" (powers of 1024); nullopt when malformed or absurdly large.
std::optional<size_t> parse_byte_size(std::string_view text) {
  size_t unit = 1;
  if (!text.empty()) {
    switch (text.back()) {
      case 'K':
        unit = size_t{1} << 10;
        break;
      case 'M':
        unit = size_t{1} << 20;
        break;
      case 'G':
        unit = size_t{1} << 30;
        break;
    }
  }
  if (unit != 1) text.remove_suffix(1);
  size_t count = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), count);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() ||
      count > (size_t{1} << 40) / unit) {
    return std::nullopt;
  }
  return count * unit;
}

// Parses the arguments after "check"; returns an error message on failure.
std::optional<std::string> parse_check_args(const std::vector<std::string>& args, CheckArgs& out) {
  ArgReader reader(args);
  bool only_paths = false;
  while (!reader.done()) {
    if (only_paths) {
      out.paths.push_back(reader.next());
      continue;
    }
    if (reader.flag("--")) {
      only_paths = true;
    } else if (reader.flag("--help", "-h")) {
      out.help = true;
    } else if (reader.flag("--quiet", "-q")) {
      out.quiet = true;
    } else if (reader.flag("--report-unused-disables")) {
      out.report_unused_disables = true;
    } else if (auto format = reader.value_of("--format", "-f")) {
      auto parsed = parse_report_format(*format);
      if (!parsed) {
        return "unknown format \"" + *format + "\"; choose one of " +
               std::string(kReportFormatNames);
      }
      out.format = *parsed;
    } else if (auto level = reader.value_of("--fail-on")) {
      if (*level == "none" || *level == "never") {
        out.fail_on.reset();
      } else if (auto severity = parse_severity(*level)) {
        out.fail_on = severity;
      } else {
        return "unknown --fail-on level \"" + *level +
               "\"; choose error, warning, info, hint or none";
      }
    } else if (auto jobs = reader.value_of("--jobs", "-j")) {
      const bool digits =
          !jobs->empty() && jobs->size() < 6 &&
          std::all_of(jobs->begin(), jobs->end(), [](char c) { return c >= '0' && c <= '9'; });
      if (!digits) {
        return "--jobs needs a number of parallel jobs (0 for one per core), not \"" + *jobs + "\"";
      }
      out.jobs = static_cast<unsigned>(std::stoul(*jobs));
    } else if (auto path = reader.value_of("--config", "-c")) {
      out.config = *path;
    } else if (auto path = reader.value_of("--baseline")) {
      out.baseline = *path;
    } else if (auto path = reader.value_of("--write-baseline")) {
      out.write_baseline = *path;
    } else if (auto path = reader.value_of("--claims")) {
      out.claims.push_back(*path);
    } else if (auto path = reader.value_of("--output", "-o")) {
      out.output = *path;
    } else if (auto name = reader.value_of("--stdin-filename")) {
      out.stdin_filename = *name;
    } else if (auto size = reader.value_of("--max-file-size")) {
      const auto bytes = parse_byte_size(*size);
      if (!bytes) {
        return "--max-file-size needs a size in bytes, optionally with K, M or G (\"100M\"), "
               "not \"" +
               truncated_for_message(*size) + "\"";
      }
      out.max_file_bytes = *bytes;
    } else if (auto error = reader.operand(out.paths)) {
      return error;
    }
    if (!reader.error().empty()) return reader.error();
  }
  if (out.paths.empty()) out.paths.push_back(out.stdin_filename ? "-" : ".");
  return std::nullopt;
}

// Why the text is not UTF-8 prose (an invalid byte or a NUL), or nullopt when it is.
std::optional<std::string> text_problem(std::string_view text) {
  size_t offset = 0;
  std::string what;
  std::string advice;
  if (!utf8::is_valid(text, &offset)) {
    char byte[8];
    std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(text[offset]));
    what = std::string("not UTF-8 text (invalid byte ") + byte;
    advice = "; convert it to UTF-8 first";
  } else if ((offset = text.find('\0')) != std::string_view::npos) {
    what = "not text (a NUL byte";
  } else {
    return std::nullopt;
  }
  const size_t line = std::count(text.begin(), text.begin() + offset, '\n') + 1;
  const size_t newline = offset == 0 ? std::string_view::npos : text.rfind('\n', offset - 1);
  const size_t line_start = newline == std::string_view::npos ? 0 : newline + 1;
  return what + " at line " + std::to_string(line) + ", byte " +
         std::to_string(offset - line_start + 1) + " of the line)" + advice;
}

// What the cross-file pass needs of a file with dated events: its analysis, with the facts
// already extracted, and its findings before the document-wide steps, so that only
// date/conflicting-dates runs again, without reading the file.
struct RetainedAnalysis {
  Options options;
  std::unique_ptr<const Document> doc;
  std::unique_ptr<Analysis> analysis;  // refers to doc and options
  RuleFindings findings;
};

struct FileOutcome {
  uint64_t bytes = 0;  // of its text
  std::optional<CheckedFile> checked;
  std::optional<FileProblem> problem;
  std::shared_ptr<const DocumentClaims> claims;  // its dated events, when it has any
  std::unique_ptr<RetainedAnalysis> retained;    // when it has events to compare across files
};

size_t findings_of(const FileOutcome& outcome) {
  return outcome.checked ? outcome.checked->findings.size() : 0;
}

constexpr std::string_view kConflictingDates = "date/conflicting-dates";

// The file's text (`text` when given, for standard input), or why it cannot be checked.
std::optional<std::string> checkable_text(const CheckTarget& target,
                                          std::optional<std::string> text, size_t max_file_bytes,
                                          std::optional<FileProblem>& problem) {
  std::string error;
  if (!text) text = read_file_text(target.path, &error, max_file_bytes);
  if (!text) {
    problem = FileProblem{target.display, target.display + ": cannot read: " + error};
  } else if (auto why = text_problem(*text)) {
    problem = FileProblem{target.display, target.display + ": " + *why};
    text.reset();
  }
  return text;
}

// The options a file is analysed with: its configuration's, with the genre of its path.
Options options_for(const CheckTarget& target, bool report_unused_disables) {
  Options options = target.config->options;
  options.report_unused_disables = options.report_unused_disables || report_unused_disables;
  options.genre = target.config->genre_for(target.path);
  return options;
}

FileOutcome check_one(const CheckTarget& target, const KnowledgeBase& kb,
                      std::optional<std::string> text, size_t max_file_bytes,
                      bool report_unused_disables) {
  FileOutcome outcome;
  text = checkable_text(target, std::move(text), max_file_bytes, outcome.problem);
  if (!text) return outcome;
  outcome.bytes = text->size();
  auto kept = std::make_unique<RetainedAnalysis>();
  kept->options = options_for(target, report_unused_disables);
  kept->doc =
      std::make_unique<const Document>(std::move(*text), language_for_path(target.path.string()));
  kept->analysis = std::make_unique<Analysis>(*kept->doc, kept->options, kb, target.display);
  const auto& registry = RuleRegistry::builtin();
  RuleFindings collected = collect_findings(*kept->analysis, registry);
  auto claims = DocumentClaims::of(*kept->analysis);
  // Independent texts, by the configuration, are never compared: nothing to keep for that.
  const bool compared = !claims.claims().empty() &&
                        kept->options.threshold("date/conflicting-dates.across-documents", 1) != 0;
  if (compared) kept->findings = collected;
  outcome.checked =
      make_checked_file(target.display, kept->doc->text(),
                        finish_findings(*kept->analysis, registry, std::move(collected)));
  if (!claims.claims().empty()) {
    outcome.claims = std::make_shared<DocumentClaims>(std::move(claims));
  }
  if (compared) {
    // What date/conflicting-dates reads; the rest of the facts would only hold memory.
    kept->analysis->keep_only_facts<EventFacts, PeopleFacts>();
    outcome.retained = std::move(kept);
  }
  return outcome;
}

// What one task of a run adds to its progress: bytes read, findings made.
struct TaskTally {
  uint64_t bytes = 0;
  size_t findings = 0;
};

// Runs task(0) … task(count - 1) on `jobs` threads. On a terminal, once the run takes more than
// a second, draws the progress line (progress_line) on `err`, counting from `before`.
void run_parallel(size_t count, unsigned jobs, bool terminal, std::string_view verb,
                  ProgressTally before, std::ostream& err,
                  const std::function<TaskTally(size_t)>& task) {
  std::atomic<size_t> next{0};
  std::mutex progress_mutex;
  std::condition_variable progress;
  ProgressTally tally = before;  // guarded by progress_mutex
  tally.files = 0;
  auto work = [&] {
    for (size_t i; (i = next.fetch_add(1)) < count;) {
      const TaskTally done = task(i);
      {
        const std::lock_guard lock(progress_mutex);
        ++tally.files;
        tally.bytes += done.bytes;
        tally.findings += done.findings;
      }
      progress.notify_one();
    }
  };
  const size_t threads = std::max<size_t>(1, std::min<size_t>(jobs, count));
  std::vector<std::thread> pool;
  for (size_t t = 1; t < threads; ++t) pool.emplace_back(work);
  if (!terminal) {
    work();
  } else {
    pool.emplace_back(work);
    const auto start = std::chrono::steady_clock::now();
    ProgressGate gate(terminal);
    std::unique_lock lock(progress_mutex);
    while (!progress.wait_for(lock, std::chrono::milliseconds(100),
                              [&] { return tally.files == count; })) {
      const auto elapsed = std::chrono::steady_clock::now() - start;
      if (!gate.should_draw(elapsed, tally)) continue;
      err << "\r" << progress_line(verb, tally, count, elapsed) << "\033[K" << std::flush;
    }
    if (gate.drawn()) err << "\r\033[K" << std::flush;
  }
  for (auto& thread : pool) thread.join();
}

// How one run of `histlint check` reads its files.
struct CheckPlan {
  const std::vector<CheckTarget>& targets;
  const std::vector<const KnowledgeBase*>& kbs;
  const std::optional<std::string>& stdin_text;
  size_t max_file_bytes = kDefaultMaxFileBytes;
  bool report_unused_disables = false;
  unsigned jobs = 1;
  bool show_progress = false;
};

// Checks every target; outcomes keep the targets' order.
std::vector<FileOutcome> check_all(const CheckPlan& plan, std::ostream& err) {
  std::vector<FileOutcome> outcomes(plan.targets.size());
  run_parallel(
      plan.targets.size(), plan.jobs, plan.show_progress, "checked", {}, err, [&](size_t i) {
        const CheckTarget& target = plan.targets[i];
        try {
          outcomes[i] =
              check_one(target, *plan.kbs[i], target.from_stdin ? plan.stdin_text : std::nullopt,
                        plan.max_file_bytes, plan.report_unused_disables);
        } catch (const std::exception& e) {
          // A rule failing on one file must not take the other files' results down.
          outcomes[i].problem =
              FileProblem{target.display, target.display + ": internal error: " + e.what()};
        }
        return TaskTally{outcomes[i].bytes, findings_of(outcomes[i])};
      });
  return outcomes;
}

// Runs date/conflicting-dates again, with the others' events, for each file whose dated events
// contradict another file's: one event given two dates in two chapters of a book. It reuses the
// facts and findings of the first pass, so no file is read and no other rule runs again.
// `elsewhere`: the dated events of files checked in another run (--claims), compared as if they
// were files of this one.
void recheck_conflicting_files(const CheckPlan& plan, std::vector<FileOutcome>& outcomes,
                               const Analysis::OtherDocuments& elsewhere, std::ostream& err) {
  // Every file's events in the order a conflict names the first other file in: this run's files,
  // then those of `elsewhere`. A file of this run listed there takes its place in that order with
  // its current events, so a run given the whole archive's claims compares as one run over it.
  std::unordered_map<std::string_view, size_t> listed_outcome;
  for (const auto& document : elsewhere) listed_outcome.emplace(document->path(), SIZE_MAX);
  Analysis::OtherDocuments documents;
  std::vector<size_t> document_of(outcomes.size());
  for (size_t i = 0; i < outcomes.size(); ++i) {
    auto listed = listed_outcome.find(plan.targets[i].display);
    if (listed != listed_outcome.end()) {
      listed->second = i;
      continue;
    }
    document_of[i] = documents.size();
    documents.push_back(outcomes[i].claims);
  }
  for (const auto& document : elsewhere) {
    const size_t i = listed_outcome.at(document->path());
    if (i == SIZE_MAX) {
      documents.push_back(document);
    } else {
      document_of[i] = documents.size();
      documents.push_back(outcomes[i].claims);
    }
  }
  // Which files state each event, so a file is compared only with those sharing one of its
  // events rather than with every file of the run.
  std::unordered_map<std::string_view, std::vector<size_t>> files_by_event;
  for (size_t i = 0; i < documents.size(); ++i) {
    if (!documents[i]) continue;
    for (const std::string& key : documents[i]->keys()) {
      auto& files = files_by_event[key];
      if (files.empty() || files.back() != i) files.push_back(i);
    }
  }
  std::vector<size_t> conflicting;
  std::vector<std::vector<size_t>> sharing;  // per conflicting file, the files it shares with
  for (size_t i = 0; i < outcomes.size(); ++i) {
    if (!outcomes[i].retained) continue;
    std::vector<size_t> others;
    for (const std::string& key : outcomes[i].claims->keys()) {
      for (size_t j : files_by_event[key]) {
        if (j != document_of[i] && std::find(others.begin(), others.end(), j) == others.end()) {
          others.push_back(j);
        }
      }
    }
    if (std::any_of(others.begin(), others.end(),
                    [&](size_t j) { return outcomes[i].claims->conflicts_with(*documents[j]); })) {
      conflicting.push_back(i);
      sharing.push_back(std::move(others));
    } else {
      outcomes[i].retained.reset();
    }
  }
  ProgressTally before;
  for (const FileOutcome& outcome : outcomes) before.findings += findings_of(outcome);
  run_parallel(conflicting.size(), plan.jobs, plan.show_progress, "compared the dates of", before,
               err, [&](size_t k) {
                 const size_t i = conflicting[k];
                 const CheckTarget& target = plan.targets[i];
                 const size_t findings_before = findings_of(outcomes[i]);
                 const auto kept = std::move(outcomes[i].retained);
                 Analysis::OtherDocuments others;
                 for (size_t j : sharing[k]) others.push_back(documents[j]);
                 try {
                   const auto& registry = RuleRegistry::builtin();
                   kept->analysis->set_other_documents(std::move(others));
                   rerun_rule(*kept->analysis, registry, kConflictingDates, kept->findings);
                   outcomes[i].checked = make_checked_file(
                       target.display, kept->doc->text(),
                       finish_findings(*kept->analysis, registry, std::move(kept->findings)));
                 } catch (const std::exception& e) {
                   // The first result stands; say why the comparison with the others is missing.
                   outcomes[i].problem =
                       FileProblem{target.display, target.display +
                                                       ": internal error comparing its dates "
                                                       "with the other files: " +
                                                       e.what()};
                 }
                 // The comparison only adds findings.
                 return TaskTally{0, findings_of(outcomes[i]) -
                                         std::min(findings_before, findings_of(outcomes[i]))};
               });
}

std::string plural(size_t n, std::string_view word) {
  return std::to_string(n) + " " + std::string(word) + (n == 1 ? "" : "s");
}

void print_summary(const Report& report, size_t in_baseline, std::ostream& err) {
  size_t counts[5] = {0, 0, 0, 0, 0};
  size_t files_with_findings = 0;
  for (const auto& file : report.files) {
    if (!file.findings.empty()) ++files_with_findings;
    for (const auto& finding : file.findings) ++counts[static_cast<int>(finding.severity)];
  }
  const size_t total = counts[1] + counts[2] + counts[3] + counts[4];
  if (total == 0) {
    err << "No problems found in " << plural(report.files.size(), "file") << ".";
  } else {
    std::string parts;
    const std::pair<Severity, std::string_view> kinds[] = {{Severity::Error, "error"},
                                                           {Severity::Warning, "warning"},
                                                           {Severity::Information, "info"},
                                                           {Severity::Hint, "hint"}};
    for (const auto& [severity, name] : kinds) {
      const size_t n = counts[static_cast<int>(severity)];
      if (n == 0) continue;
      if (!parts.empty()) parts += ", ";
      parts += std::to_string(n) + " " + std::string(name) + (n == 1 || name == "info" ? "" : "s");
    }
    err << "Found " << plural(total, "problem") << " (" << parts << ") in " << files_with_findings
        << " of " << plural(report.files.size(), "file") << ".";
  }
  if (in_baseline > 0) err << " " << in_baseline << " more in the baseline.";
  if (!report.problems.empty()) {
    err << " " << plural(report.problems.size(), "path") << " could not be checked (see above).";
  }
  err << '\n';
}

}  // namespace

std::string progress_line(std::string_view verb, const ProgressTally& done, size_t total,
                          std::chrono::duration<double> elapsed) {
  std::string line = "histlint: " + std::string(verb) + " " + std::to_string(done.files) + " of " +
                     std::to_string(total) + " files";
  if (done.bytes > 0 && elapsed.count() > 0) {
    char speed[32];
    std::snprintf(speed, sizeof speed, ", %.1f MB/s", done.bytes / 1e6 / elapsed.count());
    line += speed;
  }
  return line + ", " + plural(done.findings, "finding") + " so far";
}

bool ProgressGate::should_draw(std::chrono::steady_clock::duration elapsed,
                               const ProgressTally& tally) {
  if (!terminal_ || elapsed < delay_) return false;
  if (drawn_ && drawn_->files == tally.files && drawn_->findings == tally.findings) return false;
  drawn_ = tally;
  return true;
}

std::vector<FileProblem> analyse_files(const std::vector<std::string>& paths,
                                       const std::optional<fs::path>& config,
                                       const std::optional<CivilDate>& document_date,
                                       const std::function<void(const Analysis&)>& visit) {
  ConfigCache configs(config);
  if (config) {
    const ConfigResult& result = configs.for_file(*config);
    if (!result.ok()) return {FileProblem{config->string(), result.error}};
  }
  TargetList list = collect_targets(paths, configs, std::nullopt);
  KnowledgeBases knowledge_bases;
  for (const CheckTarget& target : list.targets) {
    const KnowledgeBase& kb = knowledge_bases.for_config(*target.config, list.problems);
    std::optional<FileProblem> problem;
    auto text = checkable_text(target, std::nullopt, kDefaultMaxFileBytes, problem);
    if (!text) {
      list.problems.push_back(std::move(*problem));
      continue;
    }
    Options options = options_for(target, false);
    if (!options.document_date) options.document_date = document_date;
    const Document doc(std::move(*text), language_for_path(target.path.string()));
    visit(Analysis(doc, options, kb, target.display));
  }
  return std::move(list.problems);
}

std::string check_usage() {
  return R"(Usage: histlint check [OPTIONS] [PATH...]

Lints Markdown and plain-text files. PATH may be a file, a folder (walked recursively for
.md, .markdown and .txt files, or the configuration's "include" globs) or "-" for standard
input. Without PATH, checks the current folder.

Options:
  -f, --format FORMAT        text (default), json, jsonl, sarif, github or rdjson
      --fail-on LEVEL        exit 1 when a finding is at least this severe: error,
                             warning (default), info, hint, or none to never fail
  -c, --config FILE          use this configuration for every file instead of the
                             nearest .histlint.json above each file
  -j, --jobs N               check N files in parallel (default 0: one per core)
      --baseline FILE        report only findings that are not in the baseline
      --write-baseline FILE  record every current finding in FILE and exit 0
      --claims FILE          compare the files' dated events with those FILE lists,
                             as printed by 'histlint claims', as if the files they
                             came from were checked in this run (repeatable)
      --report-unused-disables
                             report histlint-disable comments that silence nothing
      --stdin-filename NAME  the name standard input is reported under; it also
                             selects the configuration and Markdown or plain text
      --max-file-size SIZE   skip, as an error, files larger than SIZE bytes (K, M
                             and G suffixes; default 64M)
  -o, --output FILE          write the report to FILE instead of standard output
  -q, --quiet                print findings only: no summary, no progress
  -h, --help                 show this help

Exit status: 0 when no finding reaches --fail-on, 1 when one does, 2 for a usage or
configuration error or a file that could not be read or is not UTF-8 text (the other
files are still checked and reported).
)";
}

int run_check_command(const std::vector<std::string>& args, CheckIo io) {
  CheckArgs options;
  if (auto error = parse_check_args(args, options)) {
    io.err << "histlint check: " << *error << "\nRun 'histlint check --help' for usage.\n";
    return 2;
  }
  if (options.help) {
    io.out << check_usage();
    return 0;
  }

  ConfigCache configs(options.config);
  if (options.config) {
    const ConfigResult& result = configs.for_file(*options.config);
    if (!result.ok()) {
      io.err << result.error << '\n';
      return 2;
    }
  }
  Baseline baseline;
  if (options.baseline) {
    std::string error;
    if (!baseline.load(*options.baseline, error)) {
      io.err << "histlint check: " << error << '\n';
      return 2;
    }
  }

  TargetList list = collect_targets(options.paths, configs, options.stdin_filename);
  Analysis::OtherDocuments elsewhere;
  for (const auto& file : options.claims) {
    std::string error;
    if (!read_claims_file(file, elsewhere, error)) {
      io.err << "histlint check: " << error << '\n';
      return 2;
    }
  }
  KnowledgeBases knowledge_bases;
  std::vector<const KnowledgeBase*> kbs;
  for (const auto& target : list.targets) {
    kbs.push_back(&knowledge_bases.for_config(*target.config, list.problems));
  }
  std::optional<std::string> stdin_text;
  if (std::any_of(list.targets.begin(), list.targets.end(),
                  [](const CheckTarget& t) { return t.from_stdin; })) {
    // At most one byte over the limit is read: standard input may be /dev/zero.
    stdin_text.emplace();
    char buffer[1 << 16];
    while (stdin_text->size() <= options.max_file_bytes &&
           io.in.read(buffer, sizeof buffer).gcount() > 0) {
      stdin_text->append(buffer, static_cast<size_t>(io.in.gcount()));
    }
    if (stdin_text->size() > options.max_file_bytes) {
      io.err << "histlint: <stdin>: larger than the limit of " << options.max_file_bytes
             << " bytes (--max-file-size)\n";
      return 2;
    }
  }
  const unsigned jobs =
      options.jobs ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
  const CheckPlan plan{list.targets,
                       kbs,
                       stdin_text,
                       options.max_file_bytes,
                       options.report_unused_disables,
                       jobs,
                       io.err_is_terminal && !options.quiet};
  auto outcomes = check_all(plan, io.err);
  recheck_conflicting_files(plan, outcomes, elsewhere, io.err);

  Report report;
  report.problems = std::move(list.problems);
  size_t in_baseline = 0;
  for (size_t i = 0; i < outcomes.size(); ++i) {
    if (outcomes[i].problem) report.problems.push_back(std::move(*outcomes[i].problem));
    if (!outcomes[i].checked) continue;
    report.files.push_back(std::move(*outcomes[i].checked));
    // A baseline being written records every finding, including those of an older baseline.
    if (options.baseline && !options.write_baseline) {
      in_baseline += baseline.filter(baseline_path(list.targets[i].path, *options.baseline),
                                     report.files.back());
    }
  }
  for (const auto& problem : report.problems) io.err << "histlint: " << problem.message << '\n';

  if (options.write_baseline) {
    std::vector<BaselineEntryFile> baseline_files;
    size_t file_index = 0;
    for (size_t i = 0; i < outcomes.size(); ++i) {
      if (!outcomes[i].checked) continue;
      baseline_files.push_back({baseline_path(list.targets[i].path, *options.write_baseline),
                                &report.files[file_index++]});
    }
    std::string error;
    if (!write_baseline(*options.write_baseline, baseline_files, error)) {
      io.err << "histlint check: " << error << '\n';
      return 2;
    }
    size_t written = 0;
    for (const auto& file : report.files) written += file.findings.size();
    if (!options.quiet) {
      io.err << "Wrote " << plural(written, "finding") << " to " << options.write_baseline->string()
             << ".\n";
    }
    return report.problems.empty() ? 0 : 2;
  }

  std::error_code ec;
  const std::string base_folder = fs::current_path(ec).lexically_normal().string();
  if (options.output) {
    AtomicFile file(*options.output);
    write_report(options.format, report, base_folder, file.stream());
    if (!file.commit()) {
      io.err << "histlint check: " << file.error() << '\n';
      return 2;
    }
  } else {
    write_report(options.format, report, base_folder, io.out);
    io.out.flush();
    if (!io.out) {  // a full disk, /dev/full, a closed pipe with SIGPIPE ignored
      io.err << "histlint check: cannot write the report to standard output\n";
      return 2;
    }
  }
  if (options.format == ReportFormat::Text && !options.quiet)
    print_summary(report, in_baseline, io.err);

  if (!report.problems.empty()) return 2;
  if (!options.fail_on) return 0;
  for (const auto& file : report.files) {
    for (const auto& finding : file.findings) {
      if (static_cast<int>(finding.severity) <= static_cast<int>(*options.fail_on)) return 1;
    }
  }
  return 0;
}

}  // namespace histlint

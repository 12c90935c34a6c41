// Throughput of `histlint check`: generates a multi-megabyte corpus of Markdown prose about
// historical figures (dates, ranges, citations, statistics, quotations, lists, footnotes, a few
// deliberate errors), then times the whole check — reading, analysis, JSON report — in-process,
// with one job and with one job per core, and on one big file. Prints MB/s. A benchmark, not a
// test.
//
// usage: check_throughput [MEGABYTES] [REAL-TEXT FOLDER] (default 8; the folder, e.g. the
// shared real texts, is checked as seed-like prose when given)
#include <sys/resource.h>
#include <unistd.h>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "server/cli_check.h"

namespace fs = std::filesystem;

namespace {

// Deterministic sentence material; a fixed seed makes every run check the same text.
class ProseGenerator {
 public:
  explicit ProseGenerator(unsigned seed) : random_(seed) {}

  std::string document(size_t bytes) {
    std::string out = "# " + pick(kNames) + " and " + pick(kPlaces) + "\n\n";
    int footnote = 0;
    while (out.size() < bytes) {
      switch (random_() % 8) {
        case 0:
          out += "## " + pick(kTopics) + "\n\n";
          break;
        case 1:
          for (int i = 0; i < 3; ++i) out += "- " + sentence() + "\n";
          out += "\n";
          break;
        case 2:
          out += "> \"" + pick(kQuotes) + "\" — " + pick(kNames) + ", " + year() + "\n\n";
          break;
        default: {
          std::string paragraph;
          const int sentences = 3 + random_() % 5;
          for (int i = 0; i < sentences; ++i) paragraph += sentence() + " ";
          if (random_() % 4 == 0) {
            paragraph += "[^" + std::to_string(++footnote) + "]";
            out += paragraph + "\n\n[^" + std::to_string(footnote) + "]: " + citation() + "\n\n";
          } else {
            out += paragraph + "\n\n";
          }
        }
      }
    }
    return out;
  }

 private:
  static constexpr const char* kNames[] = {
      "Ada Lovelace",    "Charles Babbage",   "John Harrison",  "Mary Seacole",
      "Leon Trotsky",    "E. H. Carr",        "Rosa Luxemburg", "Florence Nightingale",
      "Isambard Brunel", "Emmeline Pankhurst"};
  static constexpr const char* kPlaces[] = {"London", "St. Petersburg", "Kingston", "Vienna",
                                            "Paris",  "Mexico City",    "Geneva",   "Balaclava"};
  static constexpr const char* kMonths[] = {"January",   "February", "March",    "April",
                                            "May",       "June",     "July",     "August",
                                            "September", "October",  "November", "December"};
  static constexpr const char* kTopics[] = {"Early life",     "Work",        "Exile",
                                            "Correspondence", "Later years", "Legacy"};
  static constexpr const char* kQuotes[] = {
      "The engine weaves algebraic patterns as the loom weaves flowers",
      "History is a continuous process of interaction",
      "I never saw a more striking instance of devotion"};
  static constexpr const char* kVerbs[] = {"arrived in",  "wrote from",  "left",
                                           "lectured in", "returned to", "settled in"};

  template <size_t N>
  std::string pick(const char* const (&items)[N]) {
    return items[random_() % N];
  }
  std::string year() { return std::to_string(1800 + random_() % 140); }
  std::string date() {
    // Mostly valid days; one in forty is an impossible 31st of a short month.
    const int month = random_() % 12;
    int day = 1 + random_() % 28;
    if (random_() % 40 == 0 && (month == 3 || month == 5 || month == 8 || month == 10)) day = 31;
    return std::to_string(day) + " " + kMonths[month] + " " + year();
  }
  std::string citation() {
    return std::string(pick(kNames)).substr(0, 8) + ", *Letters*, vol. " +
           std::to_string(1 + random_() % 4) + ", p. " + std::to_string(10 + random_() % 400) + ".";
  }
  std::string sentence() {
    switch (random_() % 6) {
      case 0:
        return pick(kNames) + " " + pick(kVerbs) + " " + pick(kPlaces) + " on " + date() + ".";
      case 1: {
        const int from = 1800 + random_() % 120;
        const int to = random_() % 50 == 0 ? from - 30 : from + 1 + random_() % 20;
        return "The correspondence of " + pick(kNames) + " (" + std::to_string(from) + "–" +
               std::to_string(to) + ") survives in " + std::to_string(2 + random_() % 30) +
               " boxes.";
      }
      case 2:
        return "By " + year() + " about " + std::to_string(10 + random_() % 80) +
               "% of the printers in " + pick(kPlaces) + " had joined the union (" + citation() +
               ")";
      case 3:
        return "In " + pick(kPlaces) + ", " + pick(kNames) + " met " + pick(kNames) +
               ", who was then working on a history of the period.";
      case 4:
        return "Some historians say that " + pick(kNames) +
               " was the most influential figure of "
               "the age.";
      default:
        return "A letter dated " + date() + " describes the journey to " + pick(kPlaces) +
               " in some detail.";
    }
  }

  std::mt19937 random_;
};

struct Timing {
  double seconds = 0;
  double cpu_seconds = 0;  // all threads; on a busy machine the wall time says less
  size_t findings = 0;
  int exit_code = 0;
};

Timing time_check(const std::vector<std::string>& args) {
  std::istringstream in;
  std::ostringstream out, err;
  const auto start = std::chrono::steady_clock::now();
  const std::clock_t cpu_start = std::clock();
  const int code = histlint::run_check_command(args, {.in = in, .out = out, .err = err});
  const double cpu_seconds = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  size_t findings = 0;
  const std::string report = out.str();
  for (size_t at = report.find("\"rule\":"); at != std::string::npos;
       at = report.find("\"rule\":", at + 1)) {
    ++findings;
  }
  return {seconds, cpu_seconds, findings, code};
}

void report(const std::string& label, double megabytes, const Timing& t) {
  std::printf(
      "%-20s %5.1f MB in %6.2f s = %6.2f MB/s   CPU %6.2f s = %5.2f MB/s per core  "
      "(%zu findings, exit %d)   target >= 25 MB/s\n",
      label.c_str(), megabytes, t.seconds, megabytes / t.seconds, t.cpu_seconds,
      megabytes / t.cpu_seconds, t.findings, t.exit_code);
}

double folder_megabytes(const fs::path& folder) {
  uintmax_t bytes = 0;
  for (const auto& entry : fs::recursive_directory_iterator(folder)) {
    if (entry.is_regular_file()) bytes += entry.file_size();
  }
  return static_cast<double>(bytes) / 1e6;
}

}  // namespace

int main(int argc, char** argv) {
  const double megabytes = argc > 1 ? std::atof(argv[1]) : 8.0;
  if (megabytes <= 0) {
    std::cerr << "usage: check_throughput [MEGABYTES]\n";
    return 2;
  }
  const size_t total = static_cast<size_t>(megabytes * 1024 * 1024);
  const size_t file_size = 128 * 1024;
  const fs::path dir = fs::temp_directory_path() / ("histlint-bench-" + std::to_string(getpid()));
  fs::create_directories(dir / "corpus");

  ProseGenerator generator(42);
  size_t written = 0;
  int files = 0;
  while (written < total) {
    const std::string text = generator.document(file_size);
    std::ofstream(dir / "corpus" / ("doc" + std::to_string(files++) + ".md")) << text;
    written += text.size();
  }
  std::string big;
  for (const auto& entry : fs::directory_iterator(dir / "corpus")) {
    std::ifstream in(entry.path());
    big.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  std::ofstream(dir / "big.md") << big;
  const double corpus_mb = static_cast<double>(written) / 1e6;
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());

  std::printf(
      "histlint check throughput: %d generated Markdown files, %.1f MB (seed 42), %u cores\n",
      files, corpus_mb, cores);
  const auto warm =
      time_check({"--format", "json", "--jobs", "1", (dir / "corpus" / "doc0.md").string()});
  std::printf(
      "%-28s %.3f s (first check of one file: rule tables, dictionaries, knowledge base)   "
      "target <= 0.030 s\n",
      "start-up", warm.seconds);

  // The generated files are independent texts that give the same people's events random
  // dates: compared with each other, most would be checked a second time. Timed both ways.
  const std::string corpus = (dir / "corpus").string();
  const std::string independent = (dir / "independent.json").string();
  std::ofstream(independent) << R"({"thresholds": {"date/conflicting-dates.across-documents": 0}})";
  report("--jobs 1", corpus_mb,
         time_check({"--format", "json", "--config", independent, "--jobs", "1", corpus}));
  report("--jobs " + std::to_string(cores), corpus_mb,
         time_check({"--format", "json", "--config", independent, "--jobs", std::to_string(cores),
                     corpus}));
  report("compared, --jobs " + std::to_string(cores), corpus_mb,
         time_check({"--format", "json", "--jobs", std::to_string(cores), corpus}));
  report("one file, --jobs 1", static_cast<double>(big.size()) / 1e6,
         time_check({"--format", "json", (dir / "big.md").string()}));
  if (argc > 2 && fs::is_directory(argv[2])) {
    const double real_mb = folder_megabytes(argv[2]);
    report("real texts, --jobs 1", real_mb,
           time_check({"--format", "json", "--config", independent, "--jobs", "1", argv[2]}));
    report("real texts, --jobs " + std::to_string(cores), real_mb,
           time_check({"--format", "json", "--config", independent, "--jobs", std::to_string(cores),
                       argv[2]}));
  }
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::printf("peak RSS %.1f MB (the whole run)\n", usage.ru_maxrss / 1024.0);
  fs::remove_all(dir);
  return 0;
}

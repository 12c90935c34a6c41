// Start-up of `histlint check` on a one-line file, timed from outside as a user runs it: wall time
// and CPU time per run (median and best of the runs) and peak RSS, against the targets of issue
// 11 (start-up at most 30 ms; peak RSS at most 30 MB plus three times the document). A benchmark,
// not a test: the figures depend on the machine and its load (CPU time the least).
//
// usage: startup [HISTLINT-BINARY] [RUNS] (default: the histlint beside this binary, 20 runs)
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "bench_support.h"

namespace fs = std::filesystem;

namespace {

struct Run {
  double wall_ms = 0, cpu_ms = 0;
  long peak_rss_kb = 0;
  int status = 0;
};

Run run_check(const std::string& binary, const std::string& file) {
  Run run;
  const auto start = std::chrono::steady_clock::now();
  const pid_t pid = fork();
  if (pid == 0) {
    const int null = open("/dev/null", O_WRONLY);
    dup2(null, STDOUT_FILENO);
    dup2(null, STDERR_FILENO);
    execl(binary.c_str(), binary.c_str(), "check", file.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  rusage usage{};
  wait4(pid, &run.status, 0, &usage);
  run.wall_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  auto ms = [](const timeval& t) { return t.tv_sec * 1e3 + t.tv_usec / 1e3; };
  run.cpu_ms = ms(usage.ru_utime) + ms(usage.ru_stime);
  run.peak_rss_kb = usage.ru_maxrss;
  return run;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string binary =
      argc > 1 ? argv[1] : (fs::read_symlink("/proc/self/exe").parent_path() / "histlint").string();
  const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 20;
  if (!fs::exists(binary)) {
    std::fprintf(stderr, "startup: no binary at %s\n", binary.c_str());
    return 2;
  }
  const fs::path dir = fs::temp_directory_path() / ("histlint-startup-" + std::to_string(getpid()));
  fs::create_directories(dir);
  const fs::path file = dir / "one.txt";
  const std::string line =
      "In the spring of 1815 the old general rode north to meet the army at the river.\n";
  std::ofstream(file) << line;

  run_check(binary, file.string());  // warm the page cache
  std::vector<double> wall, cpu;
  long peak_rss_kb = 0;
  for (int i = 0; i < runs; ++i) {
    const Run r = run_check(binary, file.string());
    if (!WIFEXITED(r.status) || WEXITSTATUS(r.status) > 1) {
      std::fprintf(stderr, "startup: %s check failed (status %d)\n", binary.c_str(), r.status);
      fs::remove_all(dir);
      return 1;
    }
    wall.push_back(r.wall_ms);
    cpu.push_back(r.cpu_ms);
    peak_rss_kb = std::max(peak_rss_kb, r.peak_rss_kb);
  }
  fs::remove_all(dir);

  const auto w = histlint::bench::summarise(wall);
  const auto c = histlint::bench::summarise(cpu);
  const double best_wall = *std::min_element(wall.begin(), wall.end());
  const double rss_mb = peak_rss_kb / 1024.0;
  const double rss_target_mb = 30 + 3 * line.size() / (1024.0 * 1024.0);
  std::printf("histlint check, one-line file, %d runs\n", runs);
  std::printf("  wall: median %.1f ms, best %.1f ms, p99 %.1f ms  (target <= 30 ms: %s)\n",
              w.median, best_wall, w.p99, w.median <= 30 ? "met" : "NOT met");
  std::printf("  cpu (user+sys): median %.1f ms, best %.1f ms\n", c.median,
              *std::min_element(cpu.begin(), cpu.end()));
  std::printf("  peak RSS: %.1f MB  (target <= %.1f MB: %s)\n", rss_mb, rss_target_mb,
              rss_mb <= rss_target_mb ? "met" : "NOT met");
  return 0;
}

#include "server/atomic_file.h"

#include <doctest/doctest.h>
#include <sys/resource.h>

#include <csignal>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cli/temp_dir.h"
#include "server/cli_check.h"

namespace fs = std::filesystem;
using histlint::AtomicFile;
using histlint::testing::TempDir;

namespace {

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Makes every write past `bytes` into a file fail with EFBIG, as a full disk would; it works for
// root too, unlike a read-only folder.
class FileSizeLimit {
 public:
  explicit FileSizeLimit(rlim_t bytes) {
    getrlimit(RLIMIT_FSIZE, &saved_);
    previous_handler_ = std::signal(SIGXFSZ, SIG_IGN);
    rlimit limit = saved_;
    limit.rlim_cur = bytes;
    setrlimit(RLIMIT_FSIZE, &limit);
  }
  ~FileSizeLimit() {
    setrlimit(RLIMIT_FSIZE, &saved_);
    std::signal(SIGXFSZ, previous_handler_);
  }
  FileSizeLimit(const FileSizeLimit&) = delete;
  FileSizeLimit& operator=(const FileSizeLimit&) = delete;

 private:
  rlimit saved_{};
  void (*previous_handler_)(int) = nullptr;
};

}  // namespace

TEST_CASE("atomic file: the new content replaces the target only on commit") {
  const TempDir dir;
  const auto target = dir.write("report.json", "old");
  {
    AtomicFile file(target);
    REQUIRE(file.is_open());
    file.stream() << "new";
    CHECK(read(target) == "old");
    CHECK(file.commit());
  }
  CHECK(read(target) == "new");
  CHECK_FALSE(fs::exists(dir.path() / "report.json.partial"));
  {
    AtomicFile abandoned(target);
    abandoned.stream() << "never committed";
  }
  CHECK(read(target) == "new");
  CHECK_FALSE(fs::exists(dir.path() / "report.json.partial"));
}

TEST_CASE("atomic file: a symlink planted at the temporary name is not followed") {
  const TempDir dir;
  const auto victim = dir.write("victim", "untouched");
  const auto target = dir.path() / "report.json";
  fs::create_symlink(victim, dir.path() / "report.json.partial");
  AtomicFile file(target);
  REQUIRE(file.is_open());
  CHECK(file.temporary_path() == dir.path() / "report.json.partial-1");
  file.stream() << "report";
  CHECK(file.commit());
  CHECK(read(target) == "report");
  CHECK(read(victim) == "untouched");
  // Not ours: left where it was.
  CHECK(fs::is_symlink(dir.path() / "report.json.partial"));
}

TEST_CASE("atomic file: a failed write keeps the previous file and says why") {
  const TempDir dir;
  const auto target = dir.write("report.json", "previous report");
  std::string error;
  {
    const FileSizeLimit limit(1024);
    AtomicFile file(target);
    REQUIRE(file.is_open());
    file.stream() << std::string(1 << 20, 'x');
    CHECK_FALSE(file.commit());
    error = file.error();
  }
  CHECK(error.find("cannot write") != std::string::npos);
  CHECK(error.find("File too large") != std::string::npos);
  CHECK(read(target) == "previous report");
  CHECK_FALSE(fs::exists(dir.path() / "report.json.partial"));
}

TEST_CASE("check -o: a failed write exits 2 and the previous report survives") {
  const TempDir dir;
  // Enough files for a report larger than the file size limit below.
  std::vector<std::string> args = {"--format", "json", "-o", (dir.path() / "report.json").string()};
  for (int i = 0; i < 40; ++i) {
    args.push_back(dir.write("chapter-" + std::to_string(i) + ".md", "Plain prose.\n").string());
  }
  const auto report = dir.write("report.json", "previous report");
  std::istringstream in;
  std::ostringstream out, err;
  int code = -1;
  {
    const FileSizeLimit limit(1024);
    code = histlint::run_check_command(
        args, {.in = in, .out = out, .err = err, .err_is_terminal = false});
  }
  CHECK(code == 2);
  CHECK(err.str().find("cannot write") != std::string::npos);
  CHECK(read(report) == "previous report");
  CHECK_FALSE(fs::exists(dir.path() / "report.json.partial"));
}

TEST_CASE("atomic file: a symlinked target keeps its link; a device is written in place") {
  const TempDir dir;
  const auto real = dir.write("reports/real.json", "old");
  const auto link = dir.path() / "report.json";
  fs::create_symlink(real, link);
  {
    AtomicFile file(link);
    file.stream() << "new";
    CHECK(file.commit());
  }
  CHECK(fs::is_symlink(link));
  CHECK(read(real) == "new");

  AtomicFile device("/dev/null");
  REQUIRE(device.is_open());
  CHECK(device.temporary_path().empty());
  device.stream() << "discarded";
  CHECK(device.commit());
  CHECK_FALSE(fs::exists("/dev/null.partial"));
}

#include "server/file_text.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <system_error>

namespace histlint {

namespace {

std::string file_type_name(mode_t mode) {
  if (S_ISDIR(mode)) return "a folder";
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  return "an unknown kind of file";
}

}  // namespace

std::optional<std::string> read_file_text(const std::filesystem::path& path, std::string* error,
                                          size_t max_bytes) {
  const auto fail = [&](std::string reason) -> std::optional<std::string> {
    if (error) *error = std::move(reason);
    return std::nullopt;
  };
  const auto system_reason = [](int code) {
    return std::error_code(code, std::generic_category()).message();
  };
  // Non-blocking, so opening a FIFO without a writer returns instead of waiting for one.
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return fail(system_reason(errno));
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  struct stat info {};
  if (::fstat(fd, &info) != 0) return fail(system_reason(errno));
  if (!S_ISREG(info.st_mode)) {
    return fail("not a regular file (" + file_type_name(info.st_mode) + ")");
  }
  const auto over_limit = [&] {
    return fail("larger than the limit of " + std::to_string(max_bytes) + " bytes");
  };
  if (static_cast<size_t>(info.st_size) > max_bytes) return over_limit();
  std::string text;
  text.reserve(static_cast<size_t>(info.st_size));
  char buffer[1 << 16];
  while (true) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return fail(system_reason(errno));
    if (n == 0) break;
    text.append(buffer, static_cast<size_t>(n));
    if (text.size() > max_bytes) return over_limit();  // it grew while being read
  }
  return text;
}

}  // namespace histlint

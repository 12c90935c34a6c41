#include "server/scratch_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>

namespace histlint {

namespace {

constexpr int kNameAttempts = 100;

class FileScratch : public ScratchFile {
 public:
  FileScratch(int fd, std::string path) : fd_(fd), path_(std::move(path)) {}
  ~FileScratch() override { ::close(fd_); }
  FileScratch(const FileScratch&) = delete;
  FileScratch& operator=(const FileScratch&) = delete;

  bool append(std::string_view bytes) override {
    if (!error_.empty()) return false;
    size_ += bytes.size();
    if (buffer_.size() + bytes.size() > kBufferSize && !flush()) return false;
    if (bytes.size() >= kBufferSize) return write_all(bytes);
    buffer_.append(bytes);
    return true;
  }

  long read(uint64_t offset, char* buffer, size_t size) override {
    if (!flush()) return -1;
    while (true) {
      const ssize_t n = ::pread(fd_, buffer, size, static_cast<off_t>(offset));
      if (n >= 0) return static_cast<long>(n);
      if (errno != EINTR) return fail("cannot read", errno);
    }
  }

  uint64_t size() const override { return size_; }
  const std::string& error() const override { return error_; }

 private:
  static constexpr size_t kBufferSize = 1 << 16;

  bool flush() {
    if (!error_.empty()) return false;
    const bool ok = write_all(buffer_);
    buffer_.clear();
    return ok;
  }
  bool write_all(std::string_view bytes) {
    while (!bytes.empty()) {
      const ssize_t n = ::write(fd_, bytes.data(), bytes.size());
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        fail("cannot write", n < 0 ? errno : EIO);
        return false;
      }
      bytes.remove_prefix(static_cast<size_t>(n));
    }
    return true;
  }
  long fail(const char* what, int error_number) {
    if (error_.empty()) {
      error_ =
          std::string(what) + " the scratch file " + path_ + ": " + std::strerror(error_number);
    }
    return -1;
  }

  int fd_;
  std::string path_;
  std::string buffer_;
  uint64_t size_ = 0;
  std::string error_;
};

}  // namespace

ScratchFactory scratch_files_beside(const std::filesystem::path& target) {
  return [target, next = std::make_shared<std::atomic<int>>(0)](
             std::string* error) -> std::unique_ptr<ScratchFile> {
    int open_error = 0;
    std::string path;
    for (int attempt = 0; attempt < kNameAttempts; ++attempt) {
      path = target.string() + ".scratch-" + std::to_string((*next)++);
      const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
      if (fd >= 0) {
        ::unlink(path.c_str());
        return std::make_unique<FileScratch>(fd, path);
      }
      open_error = errno;
      if (open_error != EEXIST) break;
    }
    if (error) *error = "cannot create the scratch file " + path + ": " + std::strerror(open_error);
    return nullptr;
  };
}

}  // namespace histlint

#include "server/atomic_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <system_error>

namespace histlint {

namespace {

// Enough tries to get past stale temporary files of runs that were killed, without looping for
// ever on a folder full of them.
constexpr int kTemporaryNameAttempts = 100;

}  // namespace

AtomicFile::AtomicFile(std::filesystem::path target) : target_(std::move(target)) {
  std::error_code ec;
  const auto status = std::filesystem::status(target_, ec);  // through symlinks
  if (!ec && std::filesystem::exists(status) && !std::filesystem::is_regular_file(status)) {
    // A device or pipe ("-o /dev/stdout") cannot be replaced, only written to.
    fd_ = ::open(target_.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd_ < 0) {
      const int open_error = errno;
      fail("cannot write " + target_.string(), open_error);
      return;
    }
    buffer_ = std::make_unique<FdBuffer>(*this);
    stream_.rdbuf(buffer_.get());
    return;
  }
  // A symlink stays one: the file it names is replaced.
  if (std::filesystem::is_symlink(std::filesystem::symlink_status(target_, ec))) {
    if (auto named = std::filesystem::canonical(target_, ec); !ec) target_ = std::move(named);
  }
  int open_error = 0;
  for (int attempt = 0; attempt < kTemporaryNameAttempts && fd_ < 0; ++attempt) {
    temporary_ = target_;
    temporary_ += attempt == 0 ? ".partial" : ".partial-" + std::to_string(attempt);
    fd_ = ::open(temporary_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
    open_error = errno;
    if (fd_ < 0 && open_error != EEXIST) break;
  }
  if (fd_ < 0) {
    fail("cannot create " + temporary_.string(), open_error);
    return;
  }
  buffer_ = std::make_unique<FdBuffer>(*this);
  stream_.rdbuf(buffer_.get());
}

AtomicFile::~AtomicFile() {
  if (fd_ >= 0) ::close(fd_);
  if (!committed_ && buffer_ && !temporary_.empty()) ::unlink(temporary_.c_str());
}

void AtomicFile::fail(const std::string& what, int error_number) {
  if (error_.empty()) error_ = what + ": " + std::strerror(error_number);
}

bool AtomicFile::write_all(const char* data, size_t size) {
  while (size > 0) {
    const ssize_t written = ::write(fd_, data, size);
    const int write_error = written < 0 ? errno : EIO;
    if (written < 0 && write_error == EINTR) continue;
    if (written <= 0) {
      fail("cannot write " + written_path().string(), write_error);
      return false;
    }
    data += written;
    size -= static_cast<size_t>(written);
  }
  return true;
}

AtomicFile::FdBuffer::int_type AtomicFile::FdBuffer::overflow(int_type ch) {
  if (sync() != 0) return traits_type::eof();
  if (!traits_type::eq_int_type(ch, traits_type::eof())) {
    *pptr() = traits_type::to_char_type(ch);
    pbump(1);
  }
  return traits_type::not_eof(ch);
}

int AtomicFile::FdBuffer::sync() {
  const size_t pending = static_cast<size_t>(pptr() - pbase());
  setp(buffer_, buffer_ + sizeof buffer_);
  return owner_.write_all(buffer_, pending) ? 0 : -1;
}

bool AtomicFile::commit() {
  if (fd_ < 0) return false;
  stream_.flush();
  if (!stream_) fail("cannot write " + written_path().string(), EIO);
  if (temporary_.empty()) {  // written in place
    const int close_result = ::close(fd_);
    fd_ = -1;
    const int close_error = errno;
    if (close_result != 0) fail("cannot write " + target_.string(), close_error);
    committed_ = error_.empty();
    return committed_;
  }
  if (error_.empty() && ::fsync(fd_) != 0) {
    const int sync_error = errno;
    fail("cannot sync " + temporary_.string(), sync_error);
  }
  const int close_result = ::close(fd_);
  const int close_error = errno;
  fd_ = -1;
  if (close_result != 0) fail("cannot write " + temporary_.string(), close_error);
  if (!error_.empty()) return false;
  if (::rename(temporary_.c_str(), target_.c_str()) != 0) {
    const int rename_error = errno;
    fail("cannot rename " + temporary_.string() + " to " + target_.string(), rename_error);
    return false;
  }
  committed_ = true;
  // The rename itself survives a crash once the folder is synced; not all file systems let a
  // folder be opened for that, so this is best effort.
  const std::filesystem::path folder =
      target_.has_parent_path() ? target_.parent_path() : std::filesystem::path(".");
  const int folder_fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (folder_fd >= 0) {
    ::fsync(folder_fd);
    ::close(folder_fd);
  }
  return true;
}

}  // namespace histlint

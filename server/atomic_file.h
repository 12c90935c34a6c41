// Writing a file all at once: readers of the target see its old content or the whole new one,
// never half of it, and a failed write leaves the old file as it was. Every file histlint
// writes (reports, baselines, imported knowledge bases) goes through here.
#pragma once

#include <filesystem>
#include <memory>
#include <ostream>
#include <streambuf>
#include <string>

namespace histlint {

class AtomicFile {
 public:
  // Creates the temporary file beside `target` (same folder, so the rename stays on one file
  // system): "TARGET.partial", else "TARGET.partial-N" when that name is taken. Opened with
  // O_EXCL|O_NOFOLLOW, so a file or symlink already at the name is never written through.
  // A symlinked target has the file it names replaced; a device or pipe (/dev/stdout), which
  // cannot be replaced, is written in place.
  explicit AtomicFile(std::filesystem::path target);
  // Removes the temporary file unless commit() succeeded.
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  // False when the temporary file could not be created; error() says why.
  bool is_open() const { return fd_ >= 0; }
  std::ostream& stream() { return stream_; }
  const std::filesystem::path& temporary_path() const { return temporary_; }

  // Flushes, fsyncs and renames the temporary file over the target. Returns false, with error()
  // set and the target untouched, when any of it failed (including an earlier write).
  bool commit();
  const std::string& error() const { return error_; }

 private:
  // Writes straight to the file descriptor; a failed write fails the stream.
  class FdBuffer : public std::streambuf {
   public:
    explicit FdBuffer(AtomicFile& owner) : owner_(owner) {
      setp(buffer_, buffer_ + sizeof buffer_);
    }

   protected:
    int_type overflow(int_type ch) override;
    int sync() override;

   private:
    AtomicFile& owner_;
    char buffer_[1 << 16];
  };

  bool write_all(const char* data, size_t size);
  const std::filesystem::path& written_path() const {
    return temporary_.empty() ? target_ : temporary_;
  }
  void fail(const std::string& what, int error_number);

  std::filesystem::path target_;
  std::filesystem::path temporary_;  // empty when writing in place
  int fd_ = -1;
  bool committed_ = false;
  std::string error_;
  std::unique_ptr<FdBuffer> buffer_;
  std::ostream stream_{nullptr};
};

}  // namespace histlint

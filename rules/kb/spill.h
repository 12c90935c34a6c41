// Bounded-memory building blocks for writing a large knowledge base: scratch storage that bytes
// are appended to and read back from, and a sort that spills sorted runs to it and merges them.
// rules/ does no file I/O, so scratch files come from the caller (server/scratch_file.h);
// MemoryScratch keeps the bytes in memory, for small bases and for tests.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace histlint {

class ScratchFile {
 public:
  virtual ~ScratchFile() = default;
  // False when the bytes could not be stored; error() says why.
  virtual bool append(std::string_view bytes) = 0;
  // Copies up to `size` bytes from `offset` into `buffer`: the count copied (0 past the end),
  // or -1 with error() set.
  virtual long read(uint64_t offset, char* buffer, size_t size) = 0;
  virtual uint64_t size() const = 0;
  virtual const std::string& error() const = 0;
};

// Makes an empty scratch file, or nullptr with `error` set.
using ScratchFactory = std::function<std::unique_ptr<ScratchFile>(std::string* error)>;

class MemoryScratch : public ScratchFile {
 public:
  bool append(std::string_view bytes) override;
  long read(uint64_t offset, char* buffer, size_t size) override;
  uint64_t size() const override { return bytes_.size(); }
  const std::string& error() const override { return error_; }

 private:
  std::string bytes_;
  std::string error_;  // never set
};

ScratchFactory memory_scratch();

// Sorts byte records, holding at most about `run_bytes` of them in memory: a full run is
// sorted and spilled to a scratch file, and the runs are merged as they are read (in rounds
// of at most kMaxMergeFanIn runs, so that the read buffers stay bounded too). Records order
// as byte strings, except that the last `tail` bytes of each (a fixed-size payload after a key
// of any length) decide only between equal keys: "ab"+payload sorts before "ab c"+payload.
class ExternalSorter {
 public:
  static constexpr size_t kMaxMergeFanIn = 64;

  ExternalSorter(size_t tail, size_t run_bytes, ScratchFactory scratch);
  ~ExternalSorter();
  ExternalSorter(const ExternalSorter&) = delete;
  ExternalSorter& operator=(const ExternalSorter&) = delete;

  // Adds a record of at least `tail` bytes; false on a scratch error (see error()).
  bool add(std::string_view record);
  size_t size() const { return count_; }
  // Calls fn(record) for every record in order; may be called again. No add() after it.
  bool for_each(const std::function<void(std::string_view)>& fn);
  // Drops every record and frees their memory and scratch storage.
  void clear();
  const std::string& error() const { return error_; }

 private:
  struct Run {
    ScratchFile* file;
    uint64_t begin;
    uint64_t end;
  };
  class RunReader;
  class RunWriter;

  bool spill();
  bool finish();  // the runs merged into at most kMaxMergeFanIn
  bool merge(const std::vector<Run>& runs, const std::function<bool(std::string_view)>& fn);
  void sort_memory();
  bool fail(const std::string& what);

  size_t tail_;
  size_t run_bytes_;
  size_t read_buffer_;
  ScratchFactory scratch_;
  // The records of the run being collected: back to back in arena_, located by index_.
  std::string arena_;
  std::vector<std::pair<uint64_t, uint64_t>> index_;  // offset, length
  std::vector<std::unique_ptr<ScratchFile>> files_;
  std::vector<Run> runs_;
  size_t count_ = 0;
  bool finished_ = false;
  std::string error_;
};

}  // namespace histlint

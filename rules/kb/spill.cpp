#include "rules/kb/spill.h"

#include <algorithm>
#include <cstring>

namespace histlint {

namespace {

int compare_records(std::string_view a, std::string_view b, size_t tail) {
  const std::string_view key_a = a.substr(0, a.size() - tail);
  const std::string_view key_b = b.substr(0, b.size() - tail);
  if (const int c = key_a.compare(key_b)) return c;
  return a.substr(key_a.size()).compare(b.substr(key_b.size()));
}

void put_length(std::string& out, uint64_t v) {
  while (v >= 0x80) {
    out += static_cast<char>((v & 0x7F) | 0x80);
    v >>= 7;
  }
  out += static_cast<char>(v);
}

}  // namespace

bool MemoryScratch::append(std::string_view bytes) {
  bytes_.append(bytes);
  return true;
}

long MemoryScratch::read(uint64_t offset, char* buffer, size_t size) {
  if (offset >= bytes_.size()) return 0;
  const size_t n = std::min<uint64_t>(size, bytes_.size() - offset);
  std::memcpy(buffer, bytes_.data() + offset, n);
  return static_cast<long>(n);
}

ScratchFactory memory_scratch() {
  return [](std::string*) { return std::make_unique<MemoryScratch>(); };
}

// Reads the records of one spilled run in order, through a buffer of fixed size.
class ExternalSorter::RunReader {
 public:
  RunReader(const Run& run, size_t buffer_size)
      : run_(run), at_(run.begin), buffer_(buffer_size, '\0') {}

  // The next record into `record`; false at the end of the run or on a read error (failed()).
  bool next(std::string& record) {
    record.clear();
    if (at_ + pos_ >= run_.end) return false;
    uint64_t length = 0;
    for (int shift = 0;; shift += 7) {
      unsigned char byte = 0;
      if (shift > 63 || !take(&byte, 1)) return fail();
      length |= uint64_t{byte & 0x7Fu} << shift;
      if (!(byte & 0x80)) break;
    }
    if (length > run_.end - (at_ + pos_)) return fail();
    record.resize(length);
    return take(record.data(), length) || fail();
  }
  bool failed() const { return failed_; }

 private:
  bool take(void* out, uint64_t n) {
    auto* to = static_cast<char*>(out);
    while (n > 0) {
      if (pos_ == filled_) {
        at_ += filled_;
        pos_ = 0;
        const uint64_t want = std::min<uint64_t>(buffer_.size(), run_.end - at_);
        const long got = want ? run_.file->read(at_, buffer_.data(), want) : 0;
        filled_ = got > 0 ? static_cast<size_t>(got) : 0;
        if (filled_ == 0) return false;
      }
      const size_t step = std::min<uint64_t>(n, filled_ - pos_);
      std::memcpy(to, buffer_.data() + pos_, step);
      to += step;
      pos_ += step;
      n -= step;
    }
    return true;
  }
  bool fail() {
    failed_ = true;
    return false;
  }

  Run run_;
  uint64_t at_;  // file offset of buffer_[0]
  std::string buffer_;
  size_t pos_ = 0;
  size_t filled_ = 0;
  bool failed_ = false;
};

// Appends one run of records to a scratch file, each as a varint length and its bytes.
class ExternalSorter::RunWriter {
 public:
  explicit RunWriter(ScratchFile& file) : file_(file), begin_(file.size()) {}
  bool put(std::string_view record) {
    put_length(buffer_, record.size());
    buffer_.append(record);
    return buffer_.size() < (1 << 20) || flush();
  }
  bool close() { return flush(); }
  Run run() const { return Run{&file_, begin_, file_.size()}; }
  const std::string& error() const { return file_.error(); }

 private:
  bool flush() {
    const bool ok = file_.append(buffer_);
    buffer_.clear();
    return ok;
  }
  ScratchFile& file_;
  uint64_t begin_;
  std::string buffer_;
};

ExternalSorter::ExternalSorter(size_t tail, size_t run_bytes, ScratchFactory scratch)
    : tail_(tail),
      run_bytes_(run_bytes),
      // The merge reads every run at once: fan-in times this stays small.
      read_buffer_(std::clamp<size_t>(run_bytes / 4, 256, 1 << 16)),
      scratch_(std::move(scratch)) {}

ExternalSorter::~ExternalSorter() = default;

bool ExternalSorter::fail(const std::string& what) {
  if (error_.empty()) error_ = what;
  return false;
}

bool ExternalSorter::add(std::string_view record) {
  if (record.size() < tail_) return fail("a sort record shorter than its payload");
  if (!error_.empty()) return false;
  // A run's cost: its bytes and 16 bytes of index per record.
  const size_t held = arena_.size() + 16 * index_.size();
  if (scratch_ && !index_.empty() && held + record.size() + 16 > run_bytes_ && !spill()) {
    return false;
  }
  index_.emplace_back(arena_.size(), record.size());
  arena_.append(record);
  ++count_;
  return true;
}

void ExternalSorter::sort_memory() {
  std::sort(index_.begin(), index_.end(), [&](const auto& a, const auto& b) {
    return compare_records(std::string_view(arena_).substr(a.first, a.second),
                           std::string_view(arena_).substr(b.first, b.second), tail_) < 0;
  });
}

bool ExternalSorter::spill() {
  sort_memory();
  if (files_.empty()) {
    std::string error;
    auto file = scratch_(&error);
    if (!file) return fail(error);
    files_.push_back(std::move(file));
  }
  RunWriter out(*files_.back());
  for (const auto& [offset, length] : index_) {
    if (!out.put(std::string_view(arena_).substr(offset, length))) return fail(out.error());
  }
  if (!out.close()) return fail(out.error());
  runs_.push_back(out.run());
  arena_.clear();
  index_.clear();
  return true;
}

bool ExternalSorter::merge(const std::vector<Run>& runs,
                           const std::function<bool(std::string_view)>& fn) {
  std::vector<RunReader> readers;
  readers.reserve(runs.size());
  std::vector<std::string> heads(runs.size());
  std::vector<size_t> heap;  // indices of runs with a head, smallest head on top
  auto greater = [&](size_t a, size_t b) { return compare_records(heads[a], heads[b], tail_) > 0; };
  for (size_t i = 0; i < runs.size(); ++i) {
    readers.emplace_back(runs[i], read_buffer_);
    if (readers[i].next(heads[i])) heap.push_back(i);
    if (readers[i].failed()) return fail("cannot read back a sort run: " + runs[i].file->error());
  }
  std::make_heap(heap.begin(), heap.end(), greater);
  while (!heap.empty()) {
    std::pop_heap(heap.begin(), heap.end(), greater);
    const size_t i = heap.back();
    if (!fn(heads[i])) return false;
    if (readers[i].next(heads[i])) {
      std::push_heap(heap.begin(), heap.end(), greater);
    } else {
      if (readers[i].failed()) return fail("cannot read back a sort run: " + runs[i].file->error());
      heap.pop_back();
    }
  }
  return true;
}

bool ExternalSorter::finish() {
  if (!error_.empty()) return false;
  if (finished_) return true;
  finished_ = true;
  if (runs_.empty()) {
    sort_memory();
    return error_.empty();
  }
  if (!index_.empty() && !spill()) return false;
  std::string().swap(arena_);  // only the merge's read buffers are needed from here on
  std::vector<std::pair<uint64_t, uint64_t>>().swap(index_);
  // Rounds of merging groups of runs into longer ones, until one merge can read them all.
  while (runs_.size() > kMaxMergeFanIn) {
    std::string error;
    auto file = scratch_(&error);
    if (!file) return fail(error);
    std::vector<Run> merged;
    for (size_t first = 0; first < runs_.size(); first += kMaxMergeFanIn) {
      const size_t last = std::min(first + kMaxMergeFanIn, runs_.size());
      const std::vector<Run> group(runs_.begin() + static_cast<ptrdiff_t>(first),
                                   runs_.begin() + static_cast<ptrdiff_t>(last));
      RunWriter out(*file);
      if (!merge(group, [&](std::string_view record) { return out.put(record); }) || !out.close()) {
        return fail(out.error());
      }
      merged.push_back(out.run());
    }
    runs_ = std::move(merged);
    files_.clear();  // no run of an earlier round is read again
    files_.push_back(std::move(file));
  }
  return true;
}

void ExternalSorter::clear() {
  std::string().swap(arena_);
  std::vector<std::pair<uint64_t, uint64_t>>().swap(index_);
  files_.clear();
  runs_.clear();
  count_ = 0;
  finished_ = false;
}

bool ExternalSorter::for_each(const std::function<void(std::string_view)>& fn) {
  if (!finish()) return false;
  if (runs_.empty()) {
    for (const auto& [offset, length] : index_) fn(std::string_view(arena_).substr(offset, length));
    return true;
  }
  return merge(runs_, [&](std::string_view record) {
    fn(record);
    return true;
  });
}

}  // namespace histlint

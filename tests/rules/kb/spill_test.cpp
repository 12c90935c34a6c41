#include "rules/kb/spill.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

namespace histlint {
namespace {

std::vector<std::string> drain(ExternalSorter& sorter) {
  std::vector<std::string> out;
  REQUIRE_MESSAGE(sorter.for_each([&](std::string_view r) { out.emplace_back(r); }),
                  sorter.error());
  return out;
}

// Random keys of 0-12 letters from a small alphabet (many shared prefixes and duplicates), each
// followed by a 2-byte payload.
std::vector<std::string> random_records(size_t count) {
  std::mt19937 rng(7);
  std::vector<std::string> out;
  for (size_t i = 0; i < count; ++i) {
    std::string r(rng() % 13, 'a');
    for (char& c : r) c = static_cast<char>('a' + rng() % 3);
    if (rng() % 4 == 0 && !r.empty()) r[rng() % r.size()] = ' ';
    r += static_cast<char>(rng() % 256);
    r += static_cast<char>(rng() % 256);
    out.push_back(r);
  }
  return out;
}

// The order the sorter promises: keys as bytes, then the payload between equal keys.
bool key_then_payload(const std::string& a, const std::string& b) {
  const std::string_view ka = std::string_view(a).substr(0, a.size() - 2);
  const std::string_view kb = std::string_view(b).substr(0, b.size() - 2);
  if (ka != kb) return ka < kb;
  return std::string_view(a).substr(ka.size()) < std::string_view(b).substr(kb.size());
}

TEST_CASE("a sort that spills tiny runs and merges them in rounds orders like one in memory") {
  const auto records = random_records(20000);
  std::vector<std::string> expected = records;
  std::stable_sort(expected.begin(), expected.end(), key_then_payload);
  for (const size_t run_bytes : {size_t{64}, size_t{4096}, SIZE_MAX}) {
    CAPTURE(run_bytes);
    size_t files = 0;
    ExternalSorter sorter(2, run_bytes, [&](std::string* error) {
      ++files;
      return memory_scratch()(error);
    });
    for (const auto& r : records) REQUIRE(sorter.add(r));
    CHECK(sorter.size() == records.size());
    CHECK(drain(sorter) == expected);
    CHECK(drain(sorter) == expected);  // a second reading gives the same
    // 64-byte runs are far more than one merge reads at once: merged in rounds, each round into
    // a file of its own; in memory, nothing is spilled.
    if (run_bytes == 64) CHECK(files > 2);
    if (run_bytes == SIZE_MAX) CHECK(files == 0);
  }
}

TEST_CASE("a key that is a prefix of another sorts first whatever the payloads") {
  ExternalSorter sorter(1, SIZE_MAX, memory_scratch());
  for (const std::string& r : {std::string("ab c\x01"), std::string("ab\xFF"), std::string("a\x05"),
                               std::string("ab\x02")}) {
    sorter.add(r);
  }
  CHECK(drain(sorter) == std::vector<std::string>{"a\x05", "ab\x02", "ab\xFF", "ab c\x01"});
}

TEST_CASE("records of any size, empty and of megabytes, survive a spill") {
  ExternalSorter sorter(0, 128, memory_scratch());
  const std::string big(3 << 20, 'm');
  for (const std::string& r : {big, std::string(), std::string("z"), std::string("a")}) {
    REQUIRE(sorter.add(r));
  }
  const auto out = drain(sorter);
  REQUIRE(out.size() == 4);
  CHECK(out[0].empty());
  CHECK(out[1] == "a");
  CHECK(out[2] == big);
  CHECK(out[3] == "z");
}

// Scratch storage that refuses to grow past a limit, as a full disk would.
class FullScratch : public MemoryScratch {
 public:
  explicit FullScratch(size_t limit) : limit_(limit) {}
  bool append(std::string_view bytes) override {
    if (size() + bytes.size() <= limit_) return MemoryScratch::append(bytes);
    error_ = "no space left";
    return false;
  }
  const std::string& error() const override { return error_; }

 private:
  size_t limit_;
  std::string error_;
};

TEST_CASE("scratch that cannot be made or is full fails the sort with the reason") {
  const auto records = random_records(2000);
  ExternalSorter unmade(2, 64, [](std::string* error) -> std::unique_ptr<ScratchFile> {
    *error = "cannot create scratch: permission denied";
    return nullptr;
  });
  bool all_added = true;
  for (const auto& r : records) all_added = unmade.add(r) && all_added;
  CHECK_FALSE(all_added);
  CHECK_FALSE(unmade.for_each([](std::string_view) {}));
  CHECK(unmade.error() == "cannot create scratch: permission denied");

  ExternalSorter full(2, 64, [](std::string*) { return std::make_unique<FullScratch>(1000); });
  for (const auto& r : records) full.add(r);
  CHECK_FALSE(full.for_each([](std::string_view) {}));
  CHECK(full.error() == "no space left");
}

TEST_CASE("clear frees the records") {
  ExternalSorter sorter(0, 64, memory_scratch());
  for (const auto& r : random_records(500)) sorter.add(r);
  sorter.clear();
  CHECK(sorter.size() == 0);
  CHECK(drain(sorter).empty());
}

}  // namespace
}  // namespace histlint

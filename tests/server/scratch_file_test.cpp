#include "server/scratch_file.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>

#include "cli/temp_dir.h"
#include "rules/kb/kb_binary.h"

namespace fs = std::filesystem;
using histlint::testing::TempDir;

namespace histlint {
namespace {

size_t entries_in(const fs::path& dir) {
  return static_cast<size_t>(std::distance(fs::directory_iterator(dir), fs::directory_iterator()));
}

TEST_CASE("scratch files live beside the target, leave no name behind, and read back") {
  const TempDir dir;
  const auto make = scratch_files_beside(dir.path() / "base.hkb");
  std::string error;
  auto file = make(&error);
  REQUIRE_MESSAGE(file, error);
  CHECK(entries_in(dir.path()) == 0);  // unlinked at once: a killed run leaves nothing
  std::string expected;
  for (int i = 0; i < 30000; ++i) {  // past the write buffer, in pieces of every size
    const std::string piece(static_cast<size_t>(i % 97), static_cast<char>('a' + i % 26));
    REQUIRE(file->append(piece));
    expected += piece;
  }
  const std::string big(200000, 'z');
  REQUIRE(file->append(big));
  expected += big;
  CHECK(file->size() == expected.size());
  std::string back(expected.size(), '\0');
  for (uint64_t at = 0; at < back.size();) {
    const long n = file->read(at, back.data() + at, 4096);
    REQUIRE(n > 0);
    at += static_cast<uint64_t>(n);
  }
  CHECK(back == expected);
  char past[4];
  CHECK(file->read(expected.size(), past, 4) == 0);
}

TEST_CASE("a symlink planted at a scratch name is not written through") {
  const TempDir dir;
  const fs::path victim = dir.write("victim.txt", "keep me");
  fs::create_symlink(victim, dir.path() / "base.hkb.scratch-0");
  std::string error;
  auto file = scratch_files_beside(dir.path() / "base.hkb")(&error);
  REQUIRE_MESSAGE(file, error);
  REQUIRE(file->append("scratch bytes"));
  char byte;
  REQUIRE(file->read(0, &byte, 1) == 1);  // flushes to the file
  std::ifstream in(victim);
  std::stringstream text;
  text << in.rdbuf();
  CHECK(text.str() == "keep me");
  CHECK(fs::is_symlink(dir.path() / "base.hkb.scratch-0"));
}

TEST_CASE("a folder where no scratch file can be made fails the write with the reason") {
  const auto make = scratch_files_beside("/nonexistent-histlint-folder/base.hkb");
  std::string error;
  CHECK_FALSE(make(&error));
  CHECK(error.find("/nonexistent-histlint-folder/base.hkb.scratch-") != std::string::npos);
  KbBinaryWriter writer({make, 64});
  Person p;
  p.id = "a";
  p.name = "Ada Quill";
  writer.add(p);
  std::ostringstream out;
  CHECK_FALSE(writer.write(out, &error));
  CHECK(error.find("cannot create the scratch file") != std::string::npos);
}

TEST_CASE("a base written through scratch files with tiny runs equals one written in memory") {
  std::vector<Person> people;
  for (int i = 0; i < 2000; ++i) {
    Person p;
    p.id = "person-" + std::to_string(i);
    p.name = "Name" + std::to_string(i % 300) + " Family" + std::to_string(i % 71);
    p.aliases = {"Alias" + std::to_string(i)};
    p.birth = LifeEvent{*parse_partial_date("1801-03-04"), "Place" + std::to_string(i % 9)};
    p.wikidata = "Q" + std::to_string(1000 + i * 7);
    people.push_back(std::move(p));
  }
  auto encode = [&](KbWriterOptions options) {
    KbBinaryWriter writer(std::move(options));
    for (const Person& p : people) writer.add(p);
    std::ostringstream out;
    std::string error;
    REQUIRE_MESSAGE(writer.write(out, &error), error);
    return out.str();
  };
  const TempDir dir;
  const std::string spilled = encode({scratch_files_beside(dir.path() / "base.hkb"), 256});
  CHECK(spilled == encode({}));
  CHECK(entries_in(dir.path()) == 0);
}

}  // namespace
}  // namespace histlint

#include "server/mention_index.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

#include "protocol/uri.h"

using namespace histlint;
namespace fs = std::filesystem;

namespace {

// A throw-away workspace folder, removed at the end of the test.
struct TempFolder {
  fs::path path = fs::temp_directory_path() /
                  ("histlint-mentions-" +
                   std::to_string(std::hash<std::thread::id>{}(std::this_thread::get_id())));
  TempFolder() { fs::create_directories(path); }
  ~TempFolder() { fs::remove_all(path); }
  std::string write(const std::string& name, const std::string& text) const {
    fs::create_directories((path / name).parent_path());
    std::ofstream(path / name, std::ios::binary) << text;
    return protocol::uri_from_path((path / name).string());
  }
};

}  // namespace

TEST_CASE("the mention index reads the workspace's prose files and skips the rest") {
  TempFolder folder;
  const std::string chapter =
      folder.write("book/chapter.md", "Leon Trotsky left. Trotsky wrote.\n");
  const std::string notes = folder.write("notes.txt", "Trotsky again.\n");
  folder.write(".git/notes.md", "Trotsky in a hidden folder.\n");
  folder.write("node_modules/pkg/readme.md", "Trotsky in a dependency.\n");
  folder.write("data.json", "\"Trotsky\"\n");
  folder.write("latin1.txt", "Trotsky \xE9t\xE9\n");  // not UTF-8: skipped
  folder.write(".histlint.json", R"({"exclude": ["drafts/**"]})");
  folder.write("drafts/old.md", "Trotsky in an excluded draft.\n");

  Workspace workspace;
  workspace.set_folders({folder.path});
  MentionIndex index;
  const std::atomic<bool> superseded{false};
  index.rebuild(workspace, protocol::PositionEncoding::Utf16, superseded);

  const auto mentions = index.mentions_of("leon-trotsky", {});
  REQUIRE(mentions.size() == 3);
  CHECK(mentions[0].uri == chapter);
  CHECK(mentions[0].range.start.character == 0);
  CHECK(mentions[1].range.start.character == 19);
  CHECK(mentions[2].uri == notes);
  CHECK(index.count("leon-trotsky", {notes}) == 2);
  CHECK(index.mentions_of("joseph-stalin", {}).empty());

  // A changed file is read again; the others keep their entries.
  folder.write("notes.txt", "Nobody here.\n");
  index.rebuild(workspace, protocol::PositionEncoding::Utf16, superseded);
  CHECK(index.count("leon-trotsky", {}) == 2);
}

TEST_CASE("a superseded rebuild keeps the previous index") {
  TempFolder folder;
  folder.write("a.md", "Leon Trotsky.\n");
  Workspace workspace;
  workspace.set_folders({folder.path});
  MentionIndex index;
  const std::atomic<bool> running{false}, superseded{true};
  index.rebuild(workspace, protocol::PositionEncoding::Utf16, running);
  folder.write("b.md", "Leon Trotsky.\n");
  index.rebuild(workspace, protocol::PositionEncoding::Utf16, superseded);
  CHECK(index.count("leon-trotsky", {}) == 1);
  CHECK(index.file_count() == 1);
}

TEST_CASE("a new workspace knowledge base re-reads unchanged files") {
  TempFolder folder;
  folder.write("notes.md", "Ada Quill kept the papers.\n");
  Workspace workspace;
  workspace.set_folders({folder.path});
  MentionIndex index;
  const std::atomic<bool> superseded{false};
  index.rebuild(workspace, protocol::PositionEncoding::Utf16, superseded);
  CHECK(index.count("ada-quill", {}) == 0);
  folder.write(".histlint/people.json", R"({"version": 1, "people": [{"id": "ada-quill",
      "name": "Ada Quill", "sex": "female", "birth": {"date": "1801-02-03"}}]})");
  index.rebuild(workspace, protocol::PositionEncoding::Utf16, superseded);
  CHECK(index.count("ada-quill", {}) == 1);
}

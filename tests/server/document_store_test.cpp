#include "server/document_store.h"

#include <doctest/doctest.h>

using histlint::ContentChange;
using histlint::DocumentStore;
using histlint::protocol::PositionEncoding;
using histlint::protocol::Range;

namespace {

ContentChange edit(uint32_t l1, uint32_t c1, uint32_t l2, uint32_t c2, std::string text) {
  return {Range{{l1, c1}, {l2, c2}}, std::move(text)};
}

std::string text_of(const DocumentStore& store, const std::string& uri) {
  return store.find(uri)->snapshot->text();
}

}  // namespace

TEST_CASE("incremental edits apply in order, each against the previous result") {
  DocumentStore store;
  store.open("u", "markdown", 1, "hello world\nsecond line\n");
  std::string error;
  const auto result = store.apply(
      "u", 2, {edit(0, 0, 0, 5, "goodbye"), edit(1, 0, 1, 6, "2nd"), edit(0, 8, 0, 13, "moon")},
      PositionEncoding::Utf16, &error);
  CHECK(result == DocumentStore::EditResult::Applied);
  CHECK(text_of(store, "u") == "goodbye moon\n2nd line\n");
  CHECK(store.find("u")->version == 2);
}

TEST_CASE("edits after surrogate pairs and CRLF line ends") {
  DocumentStore store;
  store.open("u", "markdown", 1, "a😀b\r\nc😀d\r\n");
  std::string error;
  // UTF-16: "b" is at column 3 on line 0; "d" at column 3 on line 1.
  REQUIRE(store.apply("u", 2, {edit(0, 3, 0, 4, "B"), edit(1, 3, 1, 4, "D")},
                      PositionEncoding::Utf16, &error) == DocumentStore::EditResult::Applied);
  CHECK(text_of(store, "u") == "a😀B\r\nc😀D\r\n");
  // UTF-32: the emoji is one unit; UTF-8: four.
  REQUIRE(store.apply("u", 3, {edit(0, 1, 0, 2, "x")}, PositionEncoding::Utf32, &error) ==
          DocumentStore::EditResult::Applied);
  CHECK(text_of(store, "u") == "axB\r\nc😀D\r\n");
  REQUIRE(store.apply("u", 4, {edit(1, 1, 1, 5, "y")}, PositionEncoding::Utf8, &error) ==
          DocumentStore::EditResult::Applied);
  CHECK(text_of(store, "u") == "axB\r\ncyD\r\n");
  // Deleting a line break joins the lines.
  REQUIRE(store.apply("u", 5, {edit(0, 3, 1, 0, " ")}, PositionEncoding::Utf16, &error) ==
          DocumentStore::EditResult::Applied);
  CHECK(text_of(store, "u") == "axB cyD\r\n");
}

TEST_CASE("a full-text change replaces the document") {
  DocumentStore store;
  store.open("u", "plaintext", 1, "old");
  std::string error;
  CHECK(store.apply("u", 2, {ContentChange{std::nullopt, "new"}, edit(0, 3, 0, 3, "er")},
                    PositionEncoding::Utf16, &error) == DocumentStore::EditResult::Applied);
  CHECK(text_of(store, "u") == "newer");
}

TEST_CASE("columns past the end of a line are clamped, as LSP says") {
  DocumentStore store;
  store.open("u", "markdown", 1, "ab\ncd");
  std::string error;
  CHECK(store.apply("u", 2, {edit(0, 10, 0, 20, "!")}, PositionEncoding::Utf16, &error) ==
        DocumentStore::EditResult::Applied);
  CHECK(text_of(store, "u") == "ab!\ncd");
}

TEST_CASE("an edit that does not apply leaves the document untouched") {
  DocumentStore store;
  store.open("u", "markdown", 1, "one\ntwo");
  std::string error;
  SUBCASE("a line past the end") {
    CHECK(store.apply("u", 2, {edit(0, 0, 0, 1, "O"), edit(5, 0, 5, 1, "x")},
                      PositionEncoding::Utf16, &error) == DocumentStore::EditResult::BadRange);
    CHECK(error.find("change 2 of 2") != std::string::npos);
  }
  SUBCASE("start after end") {
    CHECK(store.apply("u", 2, {edit(1, 2, 0, 1, "x")}, PositionEncoding::Utf16, &error) ==
          DocumentStore::EditResult::BadRange);
    CHECK(error.find("start after end") != std::string::npos);
  }
  CHECK(text_of(store, "u") == "one\ntwo");
  CHECK(store.find("u")->version == 1);
}

TEST_CASE("documents that are not open") {
  DocumentStore store;
  std::string error;
  CHECK(store.apply("nope", 1, {ContentChange{std::nullopt, "x"}}, PositionEncoding::Utf16,
                    &error) == DocumentStore::EditResult::NotOpen);
  CHECK_FALSE(store.close("nope"));
  store.open("u", "markdown", 1, "x");
  CHECK(store.close("u"));
  CHECK(store.find("u") == nullptr);
}

TEST_CASE("snapshots handed out stay valid after later edits") {
  DocumentStore store;
  store.open("u", "markdown", 1, "first");
  const auto before = store.find("u")->snapshot;
  std::string error;
  store.apply("u", 2, {edit(0, 0, 0, 5, "second")}, PositionEncoding::Utf16, &error);
  CHECK(before->text() == "first");
  CHECK(before->index().line_count() == 1);
  CHECK(text_of(store, "u") == "second");
}

#include "server/json_text.h"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "protocol/positions.h"
#include "server/position_cursor.h"

using namespace histlint;

namespace {

// What nlohmann writes for a string, the way the server serialises its other messages.
std::string dumped(const std::string& s) {
  return nlohmann::json(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string written(const std::string& s) {
  JsonText out;
  out.string(s);
  return out.text();
}

}  // namespace

TEST_CASE("JsonText writes strings as nlohmann's dump does") {
  for (const std::string& s :
       {std::string("plain"), std::string("quote \" and \\ slash"), std::string("tab\tnew\nline\r"),
        std::string("bell \x07 and \x1f"),
        std::string("Coyoac\xC3\xA1n \xE2\x80\x93 \xF0\x9F\x98\x80"),
        std::string("replacement \xEF\xBF\xBD kept"), std::string("del \x7F")}) {
    CHECK(written(s) == dumped(s));
  }
}

TEST_CASE("JsonText replaces invalid UTF-8 with U+FFFD") {
  CHECK(written("cut \xC3") == "\"cut \xEF\xBF\xBD\"");
  CHECK(written("lone \x80 byte") == "\"lone \xEF\xBF\xBD byte\"");
  CHECK(written("surrogate \xED\xA0\x80.") == dumped("surrogate \xED\xA0\x80."));
}

TEST_CASE("JsonText writes numbers, arrays and members that parse back") {
  JsonText out;
  const std::vector<int64_t> days = {2440588, -5, 0};
  out.raw("{").key("days").array(days, [](JsonText& o, int64_t d) { o.number(d); });
  out.raw(",").key("ok").number(true).raw(",").key("name").string("Sedova").raw("}");
  const auto parsed = nlohmann::json::parse(out.text());
  CHECK(parsed["days"] == nlohmann::json({2440588, -5, 0}));
  CHECK(parsed["ok"] == true);
  CHECK(parsed["name"] == "Sedova");
}

TEST_CASE("PositionCursor gives LineIndex's positions for offsets in and out of order") {
  const std::string text =
      "Intro line.\n\nThe \xF0\x9F\x98\x80 meeting of 3 May 1920, in Coyoac\xC3\xA1n, was held "
      "over a long, long, long afternoon of many words.\r\nLast line \xC3\xA9t\xC3\xA9.";
  const protocol::LineIndex index(text);
  for (const auto encoding : {protocol::PositionEncoding::Utf8, protocol::PositionEncoding::Utf16,
                              protocol::PositionEncoding::Utf32}) {
    PositionCursor cursor(index, encoding);
    std::vector<size_t> offsets;
    for (size_t offset = 0; offset <= text.size(); ++offset) {
      // Character starts only: inside a character LineIndex moves back to its start.
      if (offset < text.size() && (static_cast<unsigned char>(text[offset]) & 0xC0) == 0x80) {
        continue;
      }
      if (offset < text.size() && text[offset] == '\n' && offset > 0 && text[offset - 1] == '\r') {
        continue;
      }
      offsets.push_back(offset);
    }
    for (size_t offset : offsets) CHECK(cursor.at(offset) == index.position_of(offset, encoding));
    // Backwards, and jumping about.
    for (auto it = offsets.rbegin(); it != offsets.rend(); it += 3) {
      CHECK(cursor.at(*it) == index.position_of(*it, encoding));
      if (offsets.rend() - it <= 3) break;
    }
  }
}

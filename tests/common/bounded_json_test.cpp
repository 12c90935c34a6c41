#include "common/bounded_json.h"

#include <doctest/doctest.h>

#include <string>

namespace histlint {
namespace {

std::string nested_arrays(size_t depth) {
  return std::string(depth, '[') + std::string(depth, ']');
}

TEST_CASE("a valid text parses, ordered or not") {
  nlohmann::json value;
  CHECK_FALSE(parse_bounded_json(R"({"a": [1, 2.5, "x", null, true]})", value));
  CHECK(value["a"][1] == 2.5);
  nlohmann::ordered_json ordered;
  CHECK_FALSE(parse_bounded_json(R"({"b": 1, "a": 2})", ordered));
  CHECK(ordered.begin().key() == "b");
}

TEST_CASE("a number out of range is an error naming the member and the number's offset") {
  nlohmann::json value;
  const auto top = parse_bounded_json("1e400", value);
  REQUIRE(top);
  CHECK(top->message == "number out of range at the top level: 1e400");
  CHECK(top->offset == 0);

  const std::string text = R"({"a": {"b~/c": [0, -1e400]}})";
  const auto nested = parse_bounded_json(text, value);
  REQUIRE(nested);
  CHECK(nested->message == "number out of range at /a/b~0~1c/1: -1e400");
  CHECK(nested->offset == text.find("-1e400"));
}

TEST_CASE("nesting is limited before anything recurses on it") {
  nlohmann::json value;
  CHECK_FALSE(parse_bounded_json(nested_arrays(kMaxJsonDepth), value));

  const std::string too_deep = R"({"id": )" + nested_arrays(kMaxJsonDepth) + "}";
  const auto error = parse_bounded_json(too_deep, value);
  REQUIRE(error);
  CHECK(error->message == "nested deeper than 512 levels");
  CHECK(error->offset == 7 + kMaxJsonDepth - 1);  // the bracket that opens level 513

  // Deep enough to overflow the stack of any recursive walk; brackets inside strings do not count.
  const std::string huge = R"(["[[[[",)" + nested_arrays(60'000) + "]";
  const auto huge_error = parse_bounded_json(huge, value);
  REQUIRE(huge_error);
  CHECK(huge_error->offset == 8 + kMaxJsonDepth - 1);
}

TEST_CASE("syntax errors keep nlohmann's reason without its prefix, and their offset") {
  nlohmann::json value;
  const auto error = parse_bounded_json("{\"a\": }", value);
  REQUIRE(error);
  CHECK(error->offset == 6);
  CHECK(error->message.rfind("syntax error while parsing value", 0) == 0);
  const auto surrogate = parse_bounded_json(R"({"a": "\ud800"})", value);
  REQUIRE(surrogate);
  CHECK(surrogate->message.find("surrogate") != std::string::npos);
  CHECK(parse_bounded_json("", value));
  CHECK(parse_bounded_json("{} {}", value));
}

TEST_CASE("echoed text is bounded and cut between characters") {
  nlohmann::json value;
  const auto error = parse_bounded_json("\"" + std::string(100'000, 'x'), value);
  REQUIRE(error);
  CHECK(error->message.size() < 2 * kMaxEchoedBytes);

  const std::string cut = truncated_for_message(std::string(kMaxEchoedBytes - 1, 'a') + "é");
  CHECK(cut == std::string(kMaxEchoedBytes - 1, 'a') + "…");
  CHECK(truncated_for_message("short") == "short");
  CHECK(json_excerpt(nlohmann::json(std::string(10'000, 'y'))).size() < 2 * kMaxEchoedBytes);
  CHECK(json_excerpt(nlohmann::json{{"a", 1}}) == R"({"a":1})");
}

}  // namespace
}  // namespace histlint

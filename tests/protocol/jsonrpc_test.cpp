#include "protocol/jsonrpc.h"

#include <doctest/doctest.h>

using namespace histlint::protocol;

namespace {

int error_code(const ParsedMessage& parsed) {
  REQUIRE(parsed.error);
  return parsed.error->response["error"]["code"].get<int>();
}

}  // namespace

TEST_CASE("requests keep their id as received") {
  const auto numeric = parse_message(R"({"jsonrpc":"2.0","id":7,"method":"shutdown"})");
  REQUIRE(numeric.message);
  CHECK(numeric.message->kind == Message::Kind::Request);
  CHECK(numeric.message->id == Json(7));
  CHECK(serialize(make_result(numeric.message->id, nullptr)) ==
        R"({"id":7,"jsonrpc":"2.0","result":null})");

  const auto text = parse_message(R"({"jsonrpc":"2.0","id":"7","method":"x","params":{}})");
  REQUIRE(text.message);
  CHECK(text.message->id == Json("7"));
  CHECK(serialize(make_result(text.message->id, 1)) == R"({"id":"7","jsonrpc":"2.0","result":1})");
}

TEST_CASE("notifications and responses") {
  const auto note = parse_message(R"({"jsonrpc":"2.0","method":"initialized","params":{}})");
  REQUIRE(note.message);
  CHECK(note.message->kind == Message::Kind::Notification);
  CHECK(note.message->id.is_null());

  const auto response = parse_message(R"({"jsonrpc":"2.0","id":3,"result":[null]})");
  REQUIRE(response.message);
  CHECK(response.message->kind == Message::Kind::Response);
  CHECK(response.message->result == Json::array({nullptr}));

  const auto failed = parse_message(R"({"jsonrpc":"2.0","id":3,"error":{"code":1,"message":"m"}})");
  REQUIRE(failed.message);
  CHECK(failed.message->error.has_value());
}

TEST_CASE("parse errors answer -32700, with the request's id when it precedes the fault") {
  const auto parsed = parse_message(R"({"jsonrpc":"2.0","id":1,"method":)");
  CHECK(error_code(parsed) == -32700);
  CHECK(parsed.error->response["id"] == 1);
  CHECK(parsed.error->log.find("unparseable JSON") != std::string::npos);
  CHECK(error_code(parse_message("\xff\xfe")) == -32700);
  CHECK(error_code(parse_message("")) == -32700);
  // Without a "method" it may be a response, which is never answered with an id.
  const auto response = parse_message(R"({"jsonrpc":"2.0","id":1,"result":[)");
  CHECK(error_code(response) == -32700);
  CHECK(response.error->response["id"].is_null());
  // The id after the fault is unknown.
  const auto late_id = parse_message(R"({"jsonrpc":"2.0","method":"x","params":[,"id":1})");
  CHECK(late_id.error->response["id"].is_null());
}

TEST_CASE("a number out of range is a parse error, not an exception") {
  const auto bare = parse_message("1e400");
  CHECK(error_code(bare) == -32700);
  CHECK(bare.error->log.find("number out of range") != std::string::npos);
  const auto in_params = parse_message(
      R"({"jsonrpc":"2.0","id":"a","method":"textDocument/hover","params":{"position":{"line":1e400}}})");
  CHECK(error_code(in_params) == -32700);
  CHECK(in_params.error->response["id"] == "a");
  CHECK(in_params.error->log.find("/params/position/line: 1e400") != std::string::npos);
}

TEST_CASE("a message nested too deep is answered, with its id, in any member") {
  const std::string deep = std::string(60'000, '[') + std::string(60'000, ']');
  const auto deep_id = parse_message(R"({"jsonrpc":"2.0","id":)" + deep + R"(,"method":"x"})");
  CHECK(error_code(deep_id) == -32700);
  CHECK(deep_id.error->log.find("nested deeper than 512 levels") != std::string::npos);
  for (const std::string member : {"textDocument", "position", "initializationOptions"}) {
    CAPTURE(member);
    const auto parsed = parse_message(R"({"jsonrpc":"2.0","id":9,"method":"m","params":{")" +
                                      member + "\":" + deep + "}}");
    CHECK(error_code(parsed) == -32700);
    CHECK(parsed.error->response["id"] == 9);
  }
}

TEST_CASE("a lone surrogate is answered with the request's id") {
  const auto parsed =
      parse_message(R"({"jsonrpc":"2.0","id":4,"method":"m","params":{"text":"\ud800"}})");
  CHECK(error_code(parsed) == -32700);
  CHECK(parsed.error->response["id"] == 4);
}

TEST_CASE("error messages quote at most a bounded excerpt of the offending value") {
  const std::string long_id = "[\"" + std::string(100'000, 'x') + "\"]";
  const auto parsed = parse_message(R"({"jsonrpc":"2.0","id":)" + long_id + R"(,"method":"m"})");
  CHECK(error_code(parsed) == -32600);
  CHECK(parsed.error->log.size() < 500);
  const auto unterminated =
      parse_message(R"({"jsonrpc":"2.0","id":1,"method":")" + std::string(100'000, 'm'));
  CHECK(unterminated.error->log.size() < 500);
}

TEST_CASE("invalid requests answer -32600, with the id when it is readable") {
  CHECK(error_code(parse_message("[]")) == -32600);
  CHECK(error_code(parse_message("42")) == -32600);
  const auto no_version = parse_message(R"({"id":5,"method":"x"})");
  CHECK(error_code(no_version) == -32600);
  CHECK(no_version.error->response["id"] == 5);
  const auto bad_method = parse_message(R"({"jsonrpc":"2.0","id":"a","method":12})");
  CHECK(error_code(bad_method) == -32600);
  CHECK(bad_method.error->response["id"] == "a");
  const auto bad_id = parse_message(R"({"jsonrpc":"2.0","id":1.5,"method":"x"})");
  CHECK(error_code(bad_id) == -32600);
  CHECK(bad_id.error->response["id"].is_null());
  CHECK(error_code(parse_message(R"({"jsonrpc":"2.0","id":{},"method":"x"})")) == -32600);
  CHECK(error_code(parse_message(R"({"jsonrpc":"2.0","id":1,"method":"x","params":3})")) == -32600);
  CHECK(error_code(parse_message(R"({"jsonrpc":"2.0","id":1})")) == -32600);
}

TEST_CASE("errors carry code and message") {
  const Json e = make_error("r1", ErrorCode::RequestCancelled, "cancelled");
  CHECK(e["id"] == "r1");
  CHECK(e["error"]["code"] == -32800);
  CHECK(e["error"]["message"] == "cancelled");
  CHECK(static_cast<int>(ErrorCode::ServerNotInitialized) == -32002);
  CHECK(static_cast<int>(ErrorCode::MethodNotFound) == -32601);
  CHECK(static_cast<int>(ErrorCode::InvalidParams) == -32602);
}

TEST_CASE("serialize replaces invalid UTF-8 instead of throwing") {
  const Json note = make_notification("window/logMessage", {{"message", std::string("a\xff")}});
  CHECK(serialize(note).find("a\xEF\xBF\xBD") != std::string::npos);
}

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

TEST_CASE("parse errors answer -32700 with a null id") {
  const auto parsed = parse_message(R"({"jsonrpc":"2.0","id":1,"method":)");
  CHECK(error_code(parsed) == -32700);
  CHECK(parsed.error->response["id"].is_null());
  CHECK(parsed.error->log.find("unparseable JSON") != std::string::npos);
  CHECK(error_code(parse_message("\xff\xfe")) == -32700);
  CHECK(error_code(parse_message("")) == -32700);
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

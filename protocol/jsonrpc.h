// JSON-RPC 2.0 messages as LSP uses them: requests, notifications, responses, error codes.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace histlint::protocol {

using Json = nlohmann::json;

enum class ErrorCode : int {
  ParseError = -32700,
  InvalidRequest = -32600,
  MethodNotFound = -32601,
  InvalidParams = -32602,
  InternalError = -32603,
  ServerNotInitialized = -32002,
  RequestCancelled = -32800,
  ContentModified = -32801,
};

struct Message {
  enum class Kind { Request, Notification, Response };
  Kind kind = Kind::Notification;
  Json id;  // integer or string, as received; null for notifications
  std::string method;
  Json params;  // object, array or null
  // Responses only: the result, or the error object.
  Json result;
  std::optional<Json> error;
};

// A message body that is not a valid message: what to log, and the error response to send (with
// the request's id when it could be read, else null).
struct MessageError {
  std::string log;
  Json response;
};

// Parses one framed body. Exactly one of the two is set.
struct ParsedMessage {
  std::optional<Message> message;
  std::optional<MessageError> error;
};
ParsedMessage parse_message(std::string_view body);

Json make_result(const Json& id, Json result);
Json make_error(const Json& id, ErrorCode code, std::string_view message);
Json make_notification(std::string_view method, Json params);
Json make_request(const Json& id, std::string_view method, Json params);

// Compact JSON; invalid UTF-8 in strings is replaced by U+FFFD rather than throwing.
std::string serialize(const Json& message);

}  // namespace histlint::protocol

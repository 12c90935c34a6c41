#include "protocol/jsonrpc.h"

namespace histlint::protocol {

namespace {

MessageError invalid(const Json& id, ErrorCode code, std::string message) {
  return {message, make_error(id, code, message)};
}

bool valid_id(const Json& id) {
  return id.is_string() || id.is_number_integer();
}

}  // namespace

ParsedMessage parse_message(std::string_view body) {
  Json json;
  try {
    json = Json::parse(body);
  } catch (const Json::parse_error& e) {
    return {std::nullopt,
            invalid(nullptr, ErrorCode::ParseError, std::string("unparseable JSON: ") + e.what())};
  }
  if (json.is_array()) {
    return {std::nullopt,
            invalid(nullptr, ErrorCode::InvalidRequest, "batch messages are not supported")};
  }
  if (!json.is_object()) {
    return {std::nullopt,
            invalid(nullptr, ErrorCode::InvalidRequest, "a message must be a JSON object")};
  }
  const auto id_it = json.find("id");
  const bool has_id = id_it != json.end() && !id_it->is_null();
  const Json id = has_id && valid_id(*id_it) ? *id_it : Json();
  if (has_id && !valid_id(*id_it)) {
    return {std::nullopt, invalid(nullptr, ErrorCode::InvalidRequest,
                                  "\"id\" must be an integer or a string, not " + id_it->dump())};
  }
  const auto version = json.find("jsonrpc");
  if (version == json.end() || *version != "2.0") {
    return {std::nullopt, invalid(id, ErrorCode::InvalidRequest, "\"jsonrpc\" must be \"2.0\"")};
  }

  Message message;
  message.id = id;
  const auto method = json.find("method");
  if (method == json.end()) {
    const auto result = json.find("result");
    const auto error = json.find("error");
    if (has_id && (result != json.end()) != (error != json.end())) {
      message.kind = Message::Kind::Response;
      if (result != json.end()) message.result = std::move(*result);
      if (error != json.end()) message.error = std::move(*error);
      return {std::move(message), std::nullopt};
    }
    return {std::nullopt, invalid(id, ErrorCode::InvalidRequest, "message without \"method\"")};
  }
  if (!method->is_string()) {
    return {std::nullopt, invalid(id, ErrorCode::InvalidRequest, "\"method\" must be a string")};
  }
  message.method = method->get<std::string>();
  message.kind = has_id ? Message::Kind::Request : Message::Kind::Notification;
  const auto params = json.find("params");
  if (params != json.end()) {
    if (!params->is_object() && !params->is_array() && !params->is_null()) {
      return {std::nullopt,
              invalid(id, ErrorCode::InvalidRequest,
                      "\"params\" of " + message.method + " must be an object or an array")};
    }
    message.params = std::move(*params);
  }
  return {std::move(message), std::nullopt};
}

Json make_result(const Json& id, Json result) {
  return Json{{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}};
}

Json make_error(const Json& id, ErrorCode code, std::string_view message) {
  return Json{{"jsonrpc", "2.0"},
              {"id", id},
              {"error", {{"code", static_cast<int>(code)}, {"message", message}}}};
}

Json make_notification(std::string_view method, Json params) {
  return Json{{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}};
}

Json make_request(const Json& id, std::string_view method, Json params) {
  return Json{{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", std::move(params)}};
}

std::string serialize(const Json& message) {
  return message.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace histlint::protocol

#include "protocol/jsonrpc.h"

#include "common/bounded_json.h"

namespace histlint::protocol {

namespace {

MessageError invalid(const Json& id, ErrorCode code, std::string message) {
  return {message, make_error(id, code, message)};
}

bool valid_id(const Json& id) {
  return id.is_string() || id.is_number_integer();
}

// Reads the top-level "id" of a request that does not parse, from the text before the fault, so
// the error answers the request it belongs to. Without a "method" the body may be a response, and
// a response is never answered. Keeps no values and counts the depth without a stack.
class RequestIdReader : public nlohmann::json_sax<Json> {
 public:
  Json request_id() const { return has_method_ ? id_ : Json(); }

  bool null() override { return member_value(Json()); }
  bool boolean(bool) override { return member_value(Json()); }
  bool number_integer(number_integer_t value) override { return member_value(value); }
  bool number_unsigned(number_unsigned_t value) override { return member_value(value); }
  bool number_float(number_float_t, const string_t&) override { return member_value(Json()); }
  bool string(string_t& value) override { return member_value(value); }
  bool binary(binary_t&) override { return member_value(Json()); }
  bool start_object(size_t) override { return open(); }
  bool start_array(size_t) override { return open(); }
  bool end_object() override { return close(); }
  bool end_array() override { return close(); }
  bool key(string_t& key) override {
    at_id_ = depth_ == 1 && key == "id";
    has_method_ |= depth_ == 1 && key == "method";
    return true;
  }
  bool parse_error(size_t, const std::string&, const nlohmann::detail::exception&) override {
    return false;
  }

 private:
  // Stops the parse once both are known.
  bool member_value(Json value) {
    if (at_id_ && valid_id(value)) id_ = std::move(value);
    at_id_ = false;
    return id_.is_null() || !has_method_;
  }
  bool open() {
    at_id_ = false;  // an object or array is no id
    ++depth_;
    return true;
  }
  bool close() {
    --depth_;
    return true;
  }

  Json id_;
  size_t depth_ = 0;
  bool at_id_ = false;
  bool has_method_ = false;
};

Json salvage_request_id(std::string_view body) {
  RequestIdReader reader;
  Json::sax_parse(body, &reader);
  return reader.request_id();
}

}  // namespace

ParsedMessage parse_message(std::string_view body) {
  Json json;
  if (const auto error = parse_bounded_json(body, json)) {
    return {std::nullopt, invalid(salvage_request_id(body), ErrorCode::ParseError,
                                  "unparseable JSON at byte " + std::to_string(error->offset) +
                                      ": " + error->message)};
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
    return {std::nullopt,
            invalid(nullptr, ErrorCode::InvalidRequest,
                    "\"id\" must be an integer or a string, not " + json_excerpt(*id_it))};
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

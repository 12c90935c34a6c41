#include "protocol/lsp.h"

#include <limits>

#include "common/bounded_json.h"

namespace histlint::protocol {

namespace {

uint32_t unsigned_member(const Json& object, std::string_view key) {
  const Json& value = member(object, key);
  if (!value.is_number_integer() || value.get<int64_t>() < 0 ||
      value.get<int64_t>() > std::numeric_limits<uint32_t>::max()) {
    throw ParamsError("\"" + std::string(key) + "\" must be a non-negative integer, not " +
                      json_excerpt(value));
  }
  return value.get<uint32_t>();
}

}  // namespace

const Json& member(const Json& object, std::string_view key) {
  if (!object.is_object()) throw ParamsError("expected an object, got " + json_excerpt(object));
  const auto it = object.find(key);
  if (it == object.end()) throw ParamsError("missing \"" + std::string(key) + "\"");
  return *it;
}

const Json* optional_member(const Json& object, std::string_view key) {
  if (!object.is_object()) return nullptr;
  const auto it = object.find(key);
  return it == object.end() || it->is_null() ? nullptr : &*it;
}

std::string string_member(const Json& object, std::string_view key) {
  const Json& value = member(object, key);
  if (!value.is_string()) throw ParamsError("\"" + std::string(key) + "\" must be a string");
  return value.get<std::string>();
}

int64_t integer_member(const Json& object, std::string_view key) {
  const Json& value = member(object, key);
  if (!value.is_number_integer()) {
    throw ParamsError("\"" + std::string(key) + "\" must be an integer");
  }
  return value.get<int64_t>();
}

Position position_from_json(const Json& json) {
  return {unsigned_member(json, "line"), unsigned_member(json, "character")};
}

Range range_from_json(const Json& json) {
  return {position_from_json(member(json, "start")), position_from_json(member(json, "end"))};
}

Json to_json(Position position) {
  return Json{{"line", position.line}, {"character", position.character}};
}

Json to_json(const Range& range) {
  return Json{{"start", to_json(range.start)}, {"end", to_json(range.end)}};
}

Json location_json(std::string_view uri, const Range& range) {
  return Json{{"uri", uri}, {"range", to_json(range)}};
}

}  // namespace histlint::protocol

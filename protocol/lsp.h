// LSP structures the server reads and writes, with checked reading of request parameters.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

#include "protocol/jsonrpc.h"
#include "protocol/positions.h"

namespace histlint::protocol {

// A request's parameters do not have the shape the method needs (answered with -32602).
class ParamsError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Checked access to parameters; each throws ParamsError naming the missing or mistyped member.
const Json& member(const Json& object, std::string_view key);
const Json* optional_member(const Json& object, std::string_view key);  // null when absent/null
std::string string_member(const Json& object, std::string_view key);
int64_t integer_member(const Json& object, std::string_view key);

Position position_from_json(const Json& json);
Range range_from_json(const Json& json);
Json to_json(Position position);
Json to_json(const Range& range);
Json location_json(std::string_view uri, const Range& range);

// https://microsoft.github.io/language-server-protocol/specification#symbolKind
enum class SymbolKind : int { File = 1, Object = 19, Event = 24 };

enum class TextDocumentSyncKind : int { None = 0, Full = 1, Incremental = 2 };

enum class MessageType : int { Error = 1, Warning = 2, Info = 3, Log = 4 };

}  // namespace histlint::protocol

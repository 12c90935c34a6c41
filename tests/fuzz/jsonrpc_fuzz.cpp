// The JSON-RPC layer: any message body parses to exactly one of a message or an error, and both
// serialise again.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "protocol/jsonrpc.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace histlint::protocol;
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  const ParsedMessage parsed = parse_message(body);
  if (parsed.message.has_value() == parsed.error.has_value()) std::abort();
  if (parsed.message) {
    const Message& m = *parsed.message;
    if (m.kind == Message::Kind::Response) {
      serialize(make_result(m.id, m.result));
    } else {
      serialize(make_request(m.id.is_null() ? Json(0) : m.id, m.method, m.params));
    }
  } else {
    serialize(parsed.error->response);
  }
  return 0;
}

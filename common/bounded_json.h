// The one way histlint reads JSON it did not write (LSP messages, .histlint.json, knowledge-base
// files, Wikidata dumps): nlohmann's non-recursive SAX parser with a nesting limit, every error
// (syntax, number out of range, too deep) returned instead of thrown. A value parsed here is at
// most kMaxJsonDepth deep, so the recursive dump(), copy and comparison of nlohmann are safe on it.
// Header-only and below both rules/ and protocol/, which must not depend on each other.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace histlint {

inline constexpr size_t kMaxJsonDepth = 512;

// Untrusted text echoed in a message (a value, a token) is cut to this many bytes.
inline constexpr size_t kMaxEchoedBytes = 200;

// `text` cut to at most `max_bytes` bytes, at a UTF-8 character boundary, with "…" when cut.
inline std::string truncated_for_message(std::string_view text,
                                         size_t max_bytes = kMaxEchoedBytes) {
  if (text.size() <= max_bytes) return std::string(text);
  size_t end = max_bytes;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return std::string(text.substr(0, end)) + "…";
}

// A JSON value as compact text for a message, at most about kMaxEchoedBytes long.
template <class BasicJson>
std::string json_excerpt(const BasicJson& value) {
  return truncated_for_message(value.dump(-1, ' ', false, BasicJson::error_handler_t::replace));
}

struct JsonError {
  size_t offset = 0;    // byte offset in the text where the problem is
  std::string message;  // without a position, e.g. "number out of range at /a/0: 1e400"
};

namespace detail {

// The offset of the bracket that opens nesting level `depth` (1 = the outermost), skipping
// strings; the text's size if the nesting never gets that deep.
inline size_t offset_of_depth(std::string_view text, size_t depth) {
  size_t level = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '"') {
      for (++i; i < text.size() && text[i] != '"'; ++i) {
        if (text[i] == '\\') ++i;
      }
    } else if (c == '[' || c == '{') {
      if (++level == depth) return i;
    } else if ((c == ']' || c == '}') && level > 0) {
      --level;
    }
  }
  return text.size();
}

// nlohmann's DOM builder behind a depth counter that also remembers where in the document it is,
// so an error can name the member ("/params/position/line").
template <class BasicJson>
class BoundedSax {
 public:
  using number_integer_t = typename BasicJson::number_integer_t;
  using number_unsigned_t = typename BasicJson::number_unsigned_t;
  using number_float_t = typename BasicJson::number_float_t;
  using string_t = typename BasicJson::string_t;
  using binary_t = typename BasicJson::binary_t;

  explicit BoundedSax(BasicJson& result) : dom_(result, /*allow_exceptions=*/false) {}

  bool null() { return value() && dom_.null(); }
  bool boolean(bool v) { return value() && dom_.boolean(v); }
  bool number_integer(number_integer_t v) { return value() && dom_.number_integer(v); }
  bool number_unsigned(number_unsigned_t v) { return value() && dom_.number_unsigned(v); }
  bool number_float(number_float_t v, const string_t& s) {
    return value() && dom_.number_float(v, s);
  }
  bool string(string_t& v) { return value() && dom_.string(v); }
  bool binary(binary_t& v) { return value() && dom_.binary(v); }

  bool start_object(size_t length) { return open(false) && dom_.start_object(length); }
  bool start_array(size_t length) { return open(true) && dom_.start_array(length); }
  bool key(string_t& k) {
    path_.back().key = k;
    return dom_.key(k);
  }
  bool end_object() {
    path_.pop_back();
    return dom_.end_object();
  }
  bool end_array() {
    path_.pop_back();
    return dom_.end_array();
  }

  template <class Exception>
  bool parse_error(size_t position, const std::string& last_token, const Exception& exception) {
    const size_t offset = position > 0 ? position - 1 : 0;
    if constexpr (std::is_same_v<Exception, nlohmann::detail::out_of_range>) {
      // The only out_of_range a JSON text raises: a number beyond double's range (1e400).
      value();  // the number is the value the pointer names
      const std::string where = pointer();
      error_ = JsonError{offset + 1 >= last_token.size() ? offset + 1 - last_token.size() : 0,
                         "number out of range at " + (where.empty() ? "the top level" : where) +
                             ": " + truncated_for_message(last_token, 40)};
    } else {
      // nlohmann's text: "[json.exception.parse_error.101] parse error at line 1, column 2: …".
      std::string reason = exception.what();
      if (const size_t colon = reason.find(": "); colon != std::string::npos) {
        reason.erase(0, colon + 2);
      }
      error_ = JsonError{offset, truncated_for_message(reason)};
    }
    return false;
  }

  // Why the parse of `text` stopped.
  JsonError error(std::string_view text) const {
    if (too_deep_) {
      return {offset_of_depth(text, kMaxJsonDepth + 1),
              "nested deeper than " + std::to_string(kMaxJsonDepth) + " levels"};
    }
    return error_.value_or(JsonError{0, "invalid JSON"});
  }

 private:
  struct Level {
    bool array = false;
    size_t next_index = 0;
    string_t key;  // the current member's key, or the current element's index
  };

  // Called before every value: advances the index when the value is an array element.
  bool value() {
    if (!path_.empty() && path_.back().array) {
      path_.back().key = std::to_string(path_.back().next_index++);
    }
    return true;
  }

  bool open(bool array) {
    value();
    if (path_.size() >= kMaxJsonDepth) {
      too_deep_ = true;
      return false;
    }
    path_.push_back({array, 0, {}});
    return true;
  }

  std::string pointer() const {
    std::string out;
    for (const Level& level : path_) {
      out += '/';
      for (char c : level.key) {
        if (c == '~') {
          out += "~0";
        } else if (c == '/') {
          out += "~1";
        } else {
          out += c;
        }
      }
    }
    return out;
  }

  nlohmann::detail::json_sax_dom_parser<BasicJson> dom_;
  std::vector<Level> path_;
  bool too_deep_ = false;
  std::optional<JsonError> error_;
};

}  // namespace detail

// Parses `text` into `result`. On failure returns the error and leaves `result` unspecified.
// Nothing is thrown for any input, and nothing recurses on the input's nesting.
template <class BasicJson>
std::optional<JsonError> parse_bounded_json(std::string_view text, BasicJson& result) {
  detail::BoundedSax<BasicJson> sax(result);
  try {
    if (BasicJson::sax_parse(text, &sax)) return std::nullopt;
  } catch (const nlohmann::json::exception& e) {
    return JsonError{0, truncated_for_message(e.what())};
  }
  return sax.error(text);
}

}  // namespace histlint

// file:// URIs <-> local paths (RFC 8089, as VS Code and Neovim write them).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace histlint::protocol {

// The local path of a file: URI ("file:///home/a%20b.md" -> "/home/a b.md"); nullopt for other
// schemes (untitled:, http:) and for malformed percent escapes.
std::optional<std::string> path_from_uri(std::string_view uri);

// The file: URI of an absolute path, percent-encoding what RFC 3986 reserves.
std::string uri_from_path(std::string_view path);

}  // namespace histlint::protocol

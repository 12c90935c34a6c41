// Reading a whole file, for every place of the server that needs one (checked files, related
// locations, the workspace index, configuration and baselines).
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>

namespace histlint {

// Files larger than this are not read unless the caller allows more (`check --max-file-size`).
inline constexpr size_t kDefaultMaxFileBytes = size_t{64} << 20;  // 64 MiB, as LSP messages

// The file's bytes; nullopt when it cannot be opened or read, is not a regular file (a FIFO or
// a device such as /dev/zero would block or never end) or is larger than `max_bytes`, with the
// reason in `error` when given.
std::optional<std::string> read_file_text(const std::filesystem::path& path,
                                          std::string* error = nullptr,
                                          size_t max_bytes = kDefaultMaxFileBytes);

}  // namespace histlint

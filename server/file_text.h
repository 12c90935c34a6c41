// Reading a whole file, for every place of the server that needs one (checked files, related
// locations, the workspace index, configuration and baselines).
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace histlint {

// The file's bytes; nullopt when it cannot be opened or read, with the system's reason in
// `error` when given.
std::optional<std::string> read_file_text(const std::filesystem::path& path,
                                          std::string* error = nullptr);

}  // namespace histlint

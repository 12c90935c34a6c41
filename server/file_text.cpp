#include "server/file_text.h"

#include <cerrno>
#include <cstdio>
#include <system_error>

namespace histlint {

std::optional<std::string> read_file_text(const std::filesystem::path& path, std::string* error) {
  const auto fail = [&](int code) -> std::optional<std::string> {
    if (error) *error = std::error_code(code, std::generic_category()).message();
    return std::nullopt;
  };
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (!file) return fail(errno);
  std::string text;
  char buffer[1 << 16];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, file)) > 0) text.append(buffer, n);
  const bool failed = std::ferror(file);
  const int saved_errno = errno;
  std::fclose(file);
  if (failed) return fail(saved_errno);
  return text;
}

}  // namespace histlint

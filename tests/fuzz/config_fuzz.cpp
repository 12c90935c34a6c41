// `.histlint.json`: any text gives a configuration or an error, and the globs of a configuration
// match paths without blowing up.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "server/config.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto result = histlint::parse_config(text, "/fuzz/.histlint.json");
  if (result.ok()) {
    for (const char* file : {"/fuzz/a.md", "/fuzz/docs/b/c.txt", "/elsewhere/d.md"}) {
      result.config->includes(file);
      result.config->excludes(file);
      result.config->genre_for(file);
    }
  }
  return 0;
}

// Server log: one timestamped line per event on stderr, safe from any thread.
#pragma once

#include <string_view>

namespace histlint::log {

enum class Level { Error = 0, Warning = 1, Info = 2, Debug = 3 };

// Lines below this level are dropped. Default: Info.
void set_level(Level level);
bool enabled(Level level);

void write(Level level, std::string_view message);
inline void error(std::string_view message) {
  write(Level::Error, message);
}
inline void warning(std::string_view message) {
  write(Level::Warning, message);
}
inline void info(std::string_view message) {
  write(Level::Info, message);
}
inline void debug(std::string_view message) {
  write(Level::Debug, message);
}

}  // namespace histlint::log

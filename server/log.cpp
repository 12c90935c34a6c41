#include "server/log.h"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <mutex>
#include <string>

namespace histlint::log {

namespace {

std::atomic<Level> threshold{Level::Info};
std::mutex output_mutex;

char level_letter(Level level) {
  switch (level) {
    case Level::Error:
      return 'E';
    case Level::Warning:
      return 'W';
    case Level::Info:
      return 'I';
    case Level::Debug:
      return 'D';
  }
  return '?';
}

}  // namespace

void set_level(Level level) {
  threshold = level;
}
bool enabled(Level level) {
  return level <= threshold.load();
}

void write(Level level, std::string_view message) {
  if (!enabled(level)) return;
  const auto now = std::chrono::system_clock::now();
  const std::time_t seconds = std::chrono::system_clock::to_time_t(now);
  const auto millis =
      std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  std::tm local{};
  localtime_r(&seconds, &local);
  char stamp[32];
  std::snprintf(stamp, sizeof stamp, "%02d:%02d:%02d.%03d", local.tm_hour, local.tm_min,
                local.tm_sec, static_cast<int>(millis));
  std::string line = "histlint ";
  line += level_letter(level);
  line += '[';
  line += stamp;
  line += "] ";
  line.append(message);
  line += '\n';
  const std::lock_guard lock(output_mutex);
  std::fwrite(line.data(), 1, line.size(), stderr);
  std::fflush(stderr);
}

}  // namespace histlint::log

#include "server/cli_config.h"

#include <filesystem>
#include <ostream>

#include "server/cli_args.h"
#include "server/config.h"

namespace histlint {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kUsage =
    "Usage: histlint config --print [--config FILE] [PATH]\n\n"
    "Prints the effective configuration for PATH (default: the current folder) as JSON: the\n"
    ".histlint.json it comes from and every setting, with each rule's resulting severity.\n"
    "A configuration error is printed with its file, line and key, and exits 2.\n";

}  // namespace

int run_config_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  bool print = false;
  std::optional<fs::path> config_file;
  std::optional<fs::path> path;
  ArgReader reader(args);
  while (!reader.done()) {
    if (reader.flag("--print")) {
      print = true;
    } else if (reader.flag("--help", "-h")) {
      out << kUsage;
      return 0;
    } else if (auto file = reader.value_of("--config", "-c")) {
      config_file = *file;
    } else if (!reader.error().empty()) {
      err << "histlint config: " << reader.error() << '\n';
      return 2;
    } else {
      const std::string& arg = reader.next();
      if ((arg.size() > 1 && arg[0] == '-') || path) {
        err << "histlint config: unexpected argument " << arg << '\n' << kUsage;
        return 2;
      }
      path = arg;
    }
    if (!reader.error().empty()) {
      err << "histlint config: " << reader.error() << '\n';
      return 2;
    }
  }
  if (!print) {
    err << kUsage;
    return 2;
  }
  ConfigCache configs(config_file);
  const fs::path target = path.value_or(".");
  std::error_code ec;
  if (!fs::exists(target, ec)) {
    err << "histlint config: " << target.string() << ": no such file or folder\n";
    return 2;
  }
  const ConfigResult& result =
      fs::is_directory(target, ec) ? configs.for_folder(target) : configs.for_file(target);
  if (!result.ok()) {
    err << result.error << '\n';
    return 2;
  }
  out << describe_config(*result.config);
  return 0;
}

}  // namespace histlint

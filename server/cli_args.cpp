#include "server/cli_args.h"

namespace histlint {

std::optional<std::string> ArgReader::value_of(std::string_view name, std::string_view short_name) {
  if (done()) return std::nullopt;
  const std::string& arg = args_[index_];
  if (arg == name || (!short_name.empty() && arg == short_name)) {
    if (index_ + 1 >= args_.size()) {
      error_ = "option " + arg + " needs a value";
      ++index_;
      return std::nullopt;
    }
    index_ += 2;
    return args_[index_ - 1];
  }
  if (arg.size() > name.size() && arg.compare(0, name.size(), name) == 0 &&
      arg[name.size()] == '=') {
    ++index_;
    return arg.substr(name.size() + 1);
  }
  return std::nullopt;
}

bool ArgReader::flag(std::string_view name, std::string_view short_name) {
  if (done()) return false;
  const std::string& arg = args_[index_];
  if (arg != name && (short_name.empty() || arg != short_name)) return false;
  ++index_;
  return true;
}

std::optional<std::string> ArgReader::operand(std::vector<std::string>& operands) {
  if (!error_.empty()) return error_;
  const std::string& arg = next();
  if (arg.size() > 1 && arg[0] == '-') return "unknown option " + arg;
  operands.push_back(arg);
  return std::nullopt;
}

}  // namespace histlint

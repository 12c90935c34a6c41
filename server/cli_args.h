// Command-line parsing shared by the subcommands: "--name VALUE" and "--name=VALUE" forms.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace histlint {

class ArgReader {
 public:
  explicit ArgReader(const std::vector<std::string>& args) : args_(args) {}

  bool done() const { return index_ >= args_.size(); }
  // The current argument, consumed.
  const std::string& next() { return args_[index_++]; }

  // When the current argument is the option ("--name VALUE", "--name=VALUE" or "-n VALUE"),
  // consumes it and returns the value. An option without its value sets error().
  std::optional<std::string> value_of(std::string_view name, std::string_view short_name = {});
  // When the current argument is the flag, consumes it.
  bool flag(std::string_view name, std::string_view short_name = {});

  // Consumes the current argument as an operand (a path; "-" is standard input) into
  // `operands`. Returns the error instead when an option's value was missing or the argument is
  // an option nobody asked for.
  std::optional<std::string> operand(std::vector<std::string>& operands);

  const std::string& error() const { return error_; }

 private:
  const std::vector<std::string>& args_;
  size_t index_ = 0;
  std::string error_;
};

}  // namespace histlint

// `histlint config --print [PATH]`: the configuration that applies to a path.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace histlint {

int run_config_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace histlint

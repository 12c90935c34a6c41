// `histlint extract [OPTIONS] PATH…`: the dates (with their TIMEX3 values) and the people each
// file names, for scripts and benchmarks.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace histlint {

// Runs the command with the arguments after "extract". Returns 0, or 2 for a usage error or a
// file that could not be read or is not UTF-8 text (the other files are still reported).
int run_extract_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

std::string extract_usage();

}  // namespace histlint

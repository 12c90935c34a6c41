// `histlint report [--format html] [-o FILE] PATH…`: the timeline of each document or folder,
// with its findings, as one self-contained HTML page.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace histlint {

// Runs the command with the arguments after "report". Returns 0, or 2 for a usage error, a file
// that could not be read or is not UTF-8 text (the others are still drawn), or a failed write.
int run_report_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

std::string report_usage();

}  // namespace histlint

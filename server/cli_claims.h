// `histlint claims --format jsonl PATH…`: each file's dated event claims, one JSON object a line.
// With `histlint check --claims FILE`, it splits checking an archive into a map step (claims and
// findings per batch of files, anywhere) and a reduce step (comparing the files whose events are
// dated differently elsewhere), as contrib/dask/histlint_dask.py does on a cluster.
#pragma once

#include <filesystem>
#include <iosfwd>
#include <string>
#include <vector>

#include "rules/analysis.h"

namespace histlint {

// Runs the command with the arguments after "claims". Returns 0, or 2 for a usage error or a
// file that could not be read or is not UTF-8 text (the other files are still printed).
int run_claims_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

std::string claims_usage();

// Appends the documents a claims file lists, in the order of their first line, to `documents`.
// A path already there keeps its first claims. False, with `error`, when the file cannot be read
// or a line is not a claim.
bool read_claims_file(const std::filesystem::path& file, Analysis::OtherDocuments& documents,
                      std::string& error);

}  // namespace histlint

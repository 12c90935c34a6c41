// `histlint kb …`: the people knowledge base on the command line.
//   histlint kb import-wikidata DUMP [-o OUT]   Wikidata JSON dump (.json, .json.gz, .json.bz2)
//                                               -> knowledge-base file of its humans
//   histlint kb check [FILE…]                   validate knowledge-base files
//   histlint kb search QUERY [--kb FILE]…       find people by name
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace histlint {

// `args` are the words after "kb". Exit codes: 0 success, 1 invalid knowledge-base data (check)
// or no match (search), 2 usage error or unreadable input.
int run_kb_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
// The same on standard output and standard error.
int run_kb_command(const std::vector<std::string>& args);

}  // namespace histlint

// `histlint rules` and `histlint explain RULE`: the rule catalogue on the command line.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace histlint {

// Lists every rule with its default severity and one-line summary (`--format json` for tools).
int run_rules_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

// Prints a rule's explanation and example, and what histlint reports on the example; a family
// ("date") lists its rules. Unknown names exit 2 with a suggestion.
int run_explain_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace histlint

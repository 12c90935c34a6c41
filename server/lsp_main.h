// `histlint lsp [--listen HOST:PORT] [--allow-remote] ...`: the language server entry point.
#pragma once

#include <string>
#include <vector>

namespace histlint {

// Runs the language server with the arguments after "lsp". Returns the process exit code:
// 0 after shutdown and exit, 1 for exit (or end of input) without shutdown, 2 for bad arguments.
int run_lsp_command(const std::vector<std::string>& args);

}  // namespace histlint

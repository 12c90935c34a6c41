// Minimal entry point until the CLI lands: dispatches `histlint lsp ...` to the language server.
#include <iostream>
#include <string>
#include <vector>

#include "server/lsp_main.h"

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  if (!args.empty() && args[0] == "lsp") {
    return histlint::run_lsp_command(std::vector<std::string>(args.begin() + 1, args.end()));
  }
  std::cerr << "usage: histlint lsp [--listen HOST:PORT] [--allow-remote]\n";
  return 2;
}

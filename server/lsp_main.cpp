#include "server/lsp_main.h"

#include <iostream>

namespace histlint {

int run_lsp_command(const std::vector<std::string>& args) {
  (void)args;
  std::cerr << "histlint lsp: under construction\n";
  return 2;
}

}  // namespace histlint

// The `histlint` executable: one binary for the language server and the headless linter.
#include <unistd.h>

#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include "server/cli_check.h"
#include "server/cli_claims.h"
#include "server/cli_config.h"
#include "server/cli_extract.h"
#include "server/cli_report.h"
#include "server/cli_rules.h"
#include "server/cli_suggest.h"
#include "server/kb_command.h"
#include "server/lsp_main.h"

namespace {

constexpr std::string_view kUsage = R"(histlint: a linter and language server for historical prose.

Usage:
  histlint check [OPTIONS] [PATH...]   lint files and folders (default: the current folder)
  histlint lsp [OPTIONS]               run the language server (stdio, or --listen HOST:PORT)
  histlint rules                       list every rule with its one-line description
  histlint explain RULE                explain a rule, with an example
  histlint extract [OPTIONS] PATH...   print the dates (TimeML values) and people of files
  histlint claims [OPTIONS] PATH...    print the dated event claims of files, as JSON lines
  histlint report [OPTIONS] PATH...    write an HTML timeline of files and their findings
  histlint config --print [PATH]       show the configuration that applies to PATH
  histlint kb COMMAND                  manage the people knowledge base (histlint kb --help)
  histlint --version                   print the version
  histlint --help                      show this help

Run 'histlint COMMAND --help' for a command's options.
)";

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string> all(argv + 1, argv + argc);
  if (all.empty()) {
    std::cerr << kUsage;
    return 2;
  }
  const std::string& command = all[0];
  const std::vector<std::string> args(all.begin() + 1, all.end());
  if (command == "--help" || command == "-h" || command == "help") {
    std::cout << kUsage;
    return 0;
  }
  if (command == "--version" || command == "-V" || command == "version") {
    std::cout << "histlint " << HISTLINT_VERSION << '\n';
    return 0;
  }
  std::ios::sync_with_stdio(false);
  if (command == "check") {
    return histlint::run_check_command(
        args,
        {.in = std::cin, .out = std::cout, .err = std::cerr, .err_is_terminal = isatty(2) != 0});
  }
  if (command == "lsp") return histlint::run_lsp_command(args);
  if (command == "kb") return histlint::run_kb_command(args);
  if (command == "rules") return histlint::run_rules_command(args, std::cout, std::cerr);
  if (command == "explain") return histlint::run_explain_command(args, std::cout, std::cerr);
  if (command == "config") return histlint::run_config_command(args, std::cout, std::cerr);
  if (command == "extract") return histlint::run_extract_command(args, std::cout, std::cerr);
  if (command == "claims") return histlint::run_claims_command(args, std::cout, std::cerr);
  if (command == "report") return histlint::run_report_command(args, std::cout, std::cerr);

  std::cerr << "histlint: unknown command \"" << command << "\"";
  if (auto match =
          histlint::closest_match(command, {"check", "lsp", "rules", "explain", "config", "extract",
                                            "claims", "report", "kb", "--help", "--version"})) {
    std::cerr << "; did you mean \"" << *match << "\"?";
  }
  std::cerr << "\n\n" << kUsage;
  return 2;
}

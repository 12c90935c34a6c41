#include "server/lsp_main.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <charconv>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <optional>

#include "server/log.h"
#include "server/lsp_server.h"
#include "server/transport.h"

namespace histlint {

namespace {

constexpr std::string_view kUsage =
    "usage: histlint lsp [options]\n"
    "\n"
    "Runs the language server, speaking LSP over standard input and output.\n"
    "\n"
    "options:\n"
    "  --stdio              use standard input and output (the default)\n"
    "  --listen HOST:PORT   serve one client over TCP instead (port 0: any free port); the\n"
    "                       server keeps listening until a client sends initialize\n"
    "  --allow-remote       allow --listen on an address that is not loopback\n"
    "  --debounce MS        wait MS milliseconds after an edit before analysing (default: 50 to\n"
    "                       500, growing with the time the document takes to analyse)\n"
    "  --jobs N             analyse on N worker threads (default 2)\n"
    "  --max-diagnostics N  publish at most N diagnostics per document, then one saying how many\n"
    "                       more there are (default 1000)\n"
    "  --log LEVEL          error, warning, info (default) or debug, on standard error\n"
    "  --help               show this help\n";

struct LspArguments {
  ServerOptions server;
  std::optional<std::string> listen_host;
  uint16_t listen_port = 0;
  bool allow_remote = false;
  bool help = false;
};

template <class T>
std::optional<T> parse_number(std::string_view text) {
  T value{};
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// Fills `out`; returns an error message for bad arguments.
std::string parse_arguments(const std::vector<std::string>& args, LspArguments& out) {
  for (size_t i = 0; i < args.size(); ++i) {
    std::string arg = args[i];
    std::optional<std::string> inline_value;
    if (const size_t eq = arg.find('='); arg.rfind("--", 0) == 0 && eq != std::string::npos) {
      inline_value = arg.substr(eq + 1);
      arg.resize(eq);
    }
    const auto value = [&]() -> std::optional<std::string> {
      if (inline_value) return inline_value;
      if (i + 1 < args.size()) return args[++i];
      return std::nullopt;
    };
    if (arg == "--help" || arg == "-h") {
      out.help = true;
    } else if (arg == "--stdio") {
      // What editors pass to select standard input and output.
    } else if (arg == "--clientProcessId") {
      value();  // vscode-languageclient passes it; the initialize request carries the same id
    } else if (arg == "--allow-remote") {
      out.allow_remote = true;
    } else if (arg == "--listen") {
      const auto spec = value();
      const size_t colon = spec ? spec->rfind(':') : std::string::npos;
      const auto port = colon == std::string::npos
                            ? std::nullopt
                            : parse_number<uint16_t>(std::string_view(*spec).substr(colon + 1));
      if (!port || colon == 0) return "--listen needs HOST:PORT, e.g. --listen 127.0.0.1:7000";
      std::string host = spec->substr(0, colon);
      if (host.size() > 2 && host.front() == '[' && host.back() == ']') {
        host = host.substr(1, host.size() - 2);  // [::1]:7000
      }
      out.listen_host = host;
      out.listen_port = *port;
    } else if (arg == "--debounce") {
      const auto spec = value();
      const auto ms = spec ? parse_number<unsigned>(*spec) : std::nullopt;
      if (!ms || *ms > 60000) return "--debounce needs a number of milliseconds (0-60000)";
      out.server.debounce = std::chrono::milliseconds(*ms);
    } else if (arg == "--jobs" || arg == "-j") {
      const auto spec = value();
      const auto jobs = spec ? parse_number<unsigned>(*spec) : std::nullopt;
      if (!jobs || *jobs == 0 || *jobs > 64) return "--jobs needs a number of threads (1-64)";
      out.server.workers = *jobs;
    } else if (arg == "--max-diagnostics") {
      const auto spec = value();
      const auto max = spec ? parse_number<size_t>(*spec) : std::nullopt;
      if (!max || *max == 0) return "--max-diagnostics needs a number of diagnostics (1 or more)";
      out.server.max_diagnostics = *max;
    } else if (arg == "--log") {
      const auto level = value();
      if (level == "error") {
        log::set_level(log::Level::Error);
      } else if (level == "warning") {
        log::set_level(log::Level::Warning);
      } else if (level == "info") {
        log::set_level(log::Level::Info);
      } else if (level == "debug") {
        log::set_level(log::Level::Debug);
      } else {
        return "--log needs one of error, warning, info, debug";
      }
    } else {
      return "unknown option \"" + args[i] + "\"";
    }
  }
  return {};
}

struct Served {
  int exit_code = 0;
  bool initialized = false;  // the client sent initialize
};

// Serves one client on `transport` until it exits or goes away.
Served serve(boost::asio::io_context& io, std::unique_ptr<Transport> transport,
             const ServerOptions& options) {
  LspServer server([&](std::string body) { transport->send(std::move(body)); },
                   [&io](std::function<void()> task) { boost::asio::post(io, std::move(task)); },
                   options);
  bool stopping = false;
  const auto stop = [&] {
    if (stopping) return;
    stopping = true;
    transport->close([&io] { io.stop(); });
  };
  transport->start({[&](std::string body) {
                      server.handle_message(std::move(body));
                      if (server.finished()) stop();
                    },
                    [&](std::string description) { server.handle_bad_input(description); },
                    [&] {
                      server.handle_end_of_input();
                      stop();
                    }});
  io.run();
  if (server.analysis_running()) {
    // Rules cannot be interrupted; waiting for a long analysis whose result nobody wants would
    // make the editor wait too. Everything the client must see has been written.
    log::info("exiting while an analysis is still running");
    std::fflush(nullptr);
    std::_Exit(server.exit_code());
  }
  return {server.exit_code(), server.initialized()};
}

}  // namespace

int run_lsp_command(const std::vector<std::string>& args) {
  LspArguments arguments;
  if (const std::string error = parse_arguments(args, arguments); !error.empty()) {
    std::cerr << "histlint lsp: " << error << "\n\n" << kUsage;
    return 2;
  }
  if (arguments.help) {
    std::cout << kUsage;
    return 0;
  }

  // A client that closes its end must not kill the server mid-write: the write fails with EPIPE
  // instead, and the transport treats that as the client leaving.
  std::signal(SIGPIPE, SIG_IGN);

  boost::asio::io_context io;
  if (!arguments.listen_host)
    return serve(io, make_stdio_transport(io), arguments.server).exit_code;

  std::string error;
  auto listener = TcpListener::open(io, *arguments.listen_host, arguments.listen_port,
                                    arguments.allow_remote, &error);
  if (!listener) {
    std::cerr << "histlint lsp: " << error << "\n";
    return 2;
  }
  // A port scanner or another local process may connect and leave before any editor does; the
  // server belongs to the first client that initialises, so it keeps listening until then.
  for (;;) {
    auto transport = listener->accept(&error);
    if (!transport) {
      std::cerr << "histlint lsp: " << error << "\n";
      return 2;
    }
    const Served served = serve(io, std::move(transport), arguments.server);
    if (served.initialized) return served.exit_code;
    log::info("the client left before initializing; waiting for another");
    io.restart();
  }
}

}  // namespace histlint

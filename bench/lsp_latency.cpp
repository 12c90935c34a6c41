// Prints the language server's didChange -> publishDiagnostics latency on a 1 MB Markdown
// document: the time from an incremental edit arriving to its diagnostics being sent, measured
// in-process (message parsing, edit, analysis on the worker, conversion and serialisation), with
// the debounce set to zero. An editor sees this plus the debounce (150 ms by default).
// Usage: lsp_latency [SIZE_MB] [EDITS]
#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "server/lsp_server.h"

namespace {

using Json = nlohmann::json;
using Clock = std::chrono::steady_clock;

// Prose of the kind the tool is for, with dates (a few impossible) and names.
std::string make_document(size_t bytes) {
  static const char* const kParagraphs[] = {
      "Leon Trotsky (7 November 1879 – 21 August 1940) arrived in Mexico on 9 January 1937, "
      "where Diego Rivera and Frida Kahlo had arranged his asylum. The Dewey Commission met in "
      "Coyoacán in April 1937.",
      "The meeting of 31 June 1920 never took place; the minutes of 30 June 1920 record the "
      "delegates' departure. Between 1918–20 the civil war consumed the country.",
      "According to most historians, the purges of 1936–1938 removed nearly the entire Old "
      "Guard of the party: Zinoviev and Kamenev were shot in August 1936, Bukharin in March "
      "1938.",
      "In 1940–1879 the archive was reorganised, a range that runs backwards. Natalia Sedova "
      "outlived her husband by twenty-two years and died in Paris on 23 January 1962.",
  };
  std::string text = "# A generated history\n\n";
  for (size_t i = 0; text.size() < bytes; ++i) {
    if (i % 12 == 0) text += "## Chapter " + std::to_string(i / 12 + 1) + "\n\n";
    text += kParagraphs[i % std::size(kParagraphs)];
    text += "\n\n";
  }
  return text;
}

class Client {
 public:
  Client()
      : server_([this](std::string body) { on_sent(std::move(body)); },
                [this](std::function<void()> task) {
                  {
                    const std::lock_guard lock(mutex_);
                    posted_.push_back(std::move(task));
                  }
                  wake_.notify_all();
                },
                histlint::ServerOptions{std::chrono::milliseconds(0), 2}) {}

  void send(const Json& message) { server_.handle_message(message.dump()); }

  // Runs worker results until diagnostics for `version` are published; returns their count.
  size_t wait_for_diagnostics(int64_t version) {
    while (true) {
      if (published_version_ == version) return published_count_;
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return !posted_.empty(); });
      auto task = std::move(posted_.front());
      posted_.pop_front();
      lock.unlock();
      task();
    }
  }
  Json last_response() const { return last_response_; }

 private:
  void on_sent(std::string body) {
    Json message = Json::parse(body);
    if (message.value("method", "") == "textDocument/publishDiagnostics") {
      published_version_ = message["params"].value("version", int64_t{-1});
      published_count_ = message["params"]["diagnostics"].size();
    } else if (!message.contains("method")) {
      last_response_ = std::move(message);
    }
  }

  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::function<void()>> posted_;
  int64_t published_version_ = -1;
  size_t published_count_ = 0;
  Json last_response_;
  histlint::LspServer server_;
};

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  const double megabytes = argc > 1 ? std::atof(argv[1]) : 1.0;
  const int edits = argc > 2 ? std::atoi(argv[2]) : 20;
  const std::string text = make_document(static_cast<size_t>(megabytes * 1024 * 1024));
  const std::string uri = "file:///bench/history.md";

  Client client;
  client.send({{"jsonrpc", "2.0"},
               {"id", 1},
               {"method", "initialize"},
               {"params", {{"capabilities", Json::object()}}}});
  client.send({{"jsonrpc", "2.0"}, {"method", "initialized"}, {"params", Json::object()}});

  auto start = Clock::now();
  client.send({
    {"jsonrpc", "2.0"}, {"method", "textDocument/didOpen"}, {
      "params", {
        {
          "textDocument", {
            {"uri", uri}, {"languageId", "markdown"}, {"version", 1}, {
              "text", text
            }
          }
        }
      }
    }}
});
const size_t findings = client.wait_for_diagnostics(1);
std::printf("document: %.2f MB, %zu diagnostics\n", text.size() / 1048576.0, findings);
std::printf("didOpen -> publishDiagnostics (first analysis): %.1f ms\n", ms_since(start));

// Typing in the middle of the document: insert a word, then delete it again.
const uint32_t line = 400;
std::vector<double> latencies;
for (int i = 0; i < edits; ++i) {
  const bool insert = i % 2 == 0;
  const Json range = {{"start", {{"line", line}, {"character", 0}}},
                      {"end", {{"line", line}, {"character", insert ? 0 : 4}}}};
  start = Clock::now();
    client.send({
    {"jsonrpc", "2.0"}, {"method", "textDocument/didChange"}, {
      "params", {
        {"textDocument", {{"uri", uri}, {"version", i + 2}}}, {
          "contentChanges", {
            {
              {"range", range}, {
                "text", insert ? "Yes " : ""
              }
            }
          }
        }
      }
    }}
});
client.wait_for_diagnostics(i + 2);
latencies.push_back(ms_since(start));
}
std::sort(latencies.begin(), latencies.end());
const auto at = [&](double q) {
  return latencies[std::min(latencies.size() - 1, static_cast<size_t>(q * latencies.size()))];
};
std::printf(
    "didChange -> publishDiagnostics over %d edits: min %.1f ms, median %.1f ms, "
    "p90 %.1f ms, max %.1f ms (plus the debounce, 150 ms by default)\n",
    edits, latencies.front(), at(0.5), at(0.9), latencies.back());

start = Clock::now();
const int hovers = 200;
for (int i = 0; i < hovers; ++i) {
    client.send({
    {"jsonrpc", "2.0"}, {"id", 1000 + i}, {"method", "textDocument/hover"}, {
      "params", {
        {"textDocument", {{"uri", uri}}}, {
          "position", {
            {"line", 2 + (i % 40) * 4}, {
              "character", 5
            }
          }
        }
      }
    }}
});
}
std::printf("hover on the analysed document: %.3f ms per request\n", ms_since(start) / hovers);
return 0;
}

// An in-process LSP client for the request benchmarks: the server's messages arrive as bodies, the
// analyses' results are run on the calling thread when the client waits for them, and a request
// to an analysed document is timed from its body arriving to its reply being sent (parsing,
// answer and serialisation; no pipe), in wall-clock time and in the CPU time of the thread that
// answers it, which other processes on a busy machine do not inflate.
#pragma once

#include <time.h>

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <cstdlib>
#include <deque>
#include <functional>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>

#include "server/lsp_server.h"

namespace histlint::bench {

// Milliseconds of CPU time the calling thread has used.
inline double thread_cpu_ms() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return now.tv_sec * 1e3 + now.tv_nsec / 1e6;
}

struct RequestTime {
  double wall_ms = 0;
  double cpu_ms = 0;
};

class InProcessClient {
 public:
  using Json = nlohmann::json;

  InProcessClient()
      : server_([this](std::string body) { on_sent(std::move(body)); },
                [this](std::function<void()> task) {
                  {
                    const std::lock_guard lock(mutex_);
                    posted_.push_back(std::move(task));
                  }
                  wake_.notify_all();
                },
                ServerOptions{std::chrono::milliseconds(0), 2}) {
    server_.handle_message(message("initialize", {{"capabilities", Json::object()}}, 0).dump());
    server_.handle_message(message("initialized", Json::object()).dump());
  }

  // Opens a Markdown document and waits for its first analysis.
  void open(const std::string& uri, const std::string& text) {
    const Json document = {
        {"uri", uri}, {"languageId", "markdown"}, {"version", 1}, {"text", text}};
    server_.handle_message(message("textDocument/didOpen", {{"textDocument", document}}).dump());
    while (last_sent_.find("\"method\":\"textDocument/publishDiagnostics\"") == std::string::npos) {
      run_one_posted();
    }
  }

  void notify(const char* method, const Json& params) {
    server_.handle_message(message(method, params).dump());
  }

  // Runs posted analysis results until diagnostics for `version` are published; returns their
  // count.
  size_t wait_for_diagnostics(int64_t version) {
    while (published_version_ != version) run_one_posted();
    return published_count_;
  }

  // Sends a request about an analysed document and returns its reply's body; `time` gets the
  // time from the request's body arriving to the reply's body being sent.
  std::string call(const char* method, const Json& params, RequestTime& time) {
    const std::string body = message(method, params, ++next_id_).dump();
    const auto start = std::chrono::steady_clock::now();
    const double cpu_start = thread_cpu_ms();
    server_.handle_message(body);
    time.cpu_ms = thread_cpu_ms() - cpu_start;
    time.wall_ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    return last_sent_;
  }

 private:
  static Json message(const char* method, const Json& params, int id = -1) {
    Json m = {{"jsonrpc", "2.0"}, {"method", method}, {"params", params}};
    if (id >= 0) m["id"] = id;
    return m;
  }

  void run_one_posted() {
    std::unique_lock lock(mutex_);
    wake_.wait(lock, [this] { return !posted_.empty(); });
    auto task = std::move(posted_.front());
    posted_.pop_front();
    lock.unlock();
    task();
  }

  // Reads only what the benchmarks need, so that client-side parsing costs little: the version of
  // published diagnostics is their last member (keys are serialised in order).
  void on_sent(std::string body) {
    if (body.find("\"method\":\"textDocument/publishDiagnostics\"") != std::string::npos) {
      if (const size_t at = body.rfind("\"version\":"); at != std::string::npos) {
        published_version_ = std::atoll(body.c_str() + at + 10);
      }
      published_count_ = 0;
      for (size_t pos = body.find("\"source\":\"histlint\""); pos != std::string::npos;
           pos = body.find("\"source\":\"histlint\"", pos + 1)) {
        ++published_count_;
      }
    }
    last_sent_ = std::move(body);
  }

  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::function<void()>> posted_;
  std::string last_sent_;
  int64_t published_version_ = -1;
  size_t published_count_ = 0;
  int next_id_ = 0;
  LspServer server_;
};

}  // namespace histlint::bench

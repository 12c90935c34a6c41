#include "server/lsp_server.h"

#include <doctest/doctest.h>

#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>

using histlint::LspServer;
using histlint::ServerOptions;
using histlint::protocol::Json;
using namespace std::chrono_literals;

namespace {

// Drives an LspServer in-process: messages in, sent messages collected, worker results run on
// the test's thread when it pumps.
class Harness {
 public:
  explicit Harness(std::chrono::milliseconds debounce = 0ms)
      : server_([this](std::string body) { sent_.push_back(Json::parse(body)); },
                [this](std::function<void()> task) {
                  {
                    const std::lock_guard lock(mutex_);
                    posted_.push_back(std::move(task));
                  }
                  wake_.notify_all();
                },
                ServerOptions{debounce, 1}) {}

  LspServer& server() { return server_; }

  void send(const Json& message) { server_.handle_message(message.dump()); }
  void request(const Json& id, const std::string& method, Json params = Json::object()) {
    send({{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", std::move(params)}});
  }
  void notify(const std::string& method, Json params = Json::object()) {
    send({{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}});
  }

  // Runs posted worker results until a sent message matches, or times out.
  std::optional<Json> wait_for(const std::function<bool(const Json&)>& match) {
    const auto deadline =
        std::chrono::steady_clock::now() + 30s;  // generous: sanitizers on a busy machine
    while (true) {
      for (const Json& message : sent_) {
        if (match(message)) return message;
      }
      std::unique_lock lock(mutex_);
      if (!wake_.wait_until(lock, deadline, [this] { return !posted_.empty(); })) {
        return std::nullopt;
      }
      auto task = std::move(posted_.front());
      posted_.pop_front();
      lock.unlock();
      task();
    }
  }
  std::optional<Json> response(const Json& id) {
    return wait_for([&](const Json& m) { return !m.contains("method") && m["id"] == id; });
  }
  std::optional<Json> diagnostics(const std::string& uri, int64_t version) {
    return wait_for([&](const Json& m) {
      return m.value("method", "") == "textDocument/publishDiagnostics" &&
             m["params"]["uri"] == uri && m["params"].value("version", int64_t{-1}) == version;
    });
  }
  // The diagnostics cleared when a document is closed or dropped (sent without a version).
  std::optional<Json> cleared(const std::string& uri) {
    return wait_for([&](const Json& m) {
      return m.value("method", "") == "textDocument/publishDiagnostics" &&
             m["params"]["uri"] == uri && !m["params"].contains("version");
    });
  }
  size_t count(const std::function<bool(const Json&)>& match) const {
    return static_cast<size_t>(std::count_if(sent_.begin(), sent_.end(), match));
  }
  void initialize() {
    request(0, "initialize", {{"capabilities", Json::object()}});
    REQUIRE(response(0));
    notify("initialized");
  }
  void open(const std::string& uri, const std::string& text, int64_t version = 1) {
    notify("textDocument/didOpen",
           {{"textDocument",
             {{"uri", uri}, {"languageId", "markdown"}, {"version", version}, {"text", text}}}});
  }
  void change(const std::string& uri, int64_t version, const std::string& text) {
    notify("textDocument/didChange", {{"textDocument", {{"uri", uri}, {"version", version}}},
                                      {"contentChanges", {{{"text", text}}}}});
  }
  void pump_pending() {
    while (true) {
      std::unique_lock lock(mutex_);
      if (posted_.empty()) return;
      auto task = std::move(posted_.front());
      posted_.pop_front();
      lock.unlock();
      task();
    }
  }

 private:
  std::vector<Json> sent_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::function<void()>> posted_;
  LspServer server_;  // last: its workers stop before the queue goes
};

int error_code(const std::optional<Json>& response) {
  REQUIRE(response);
  REQUIRE(response->contains("error"));
  return (*response)["error"]["code"].get<int>();
}

const std::string kUri = "file:///tmp/histlint-test/doc.md";

}  // namespace

TEST_CASE("requests before initialize get -32002; notifications are ignored") {
  Harness h;
  h.notify("textDocument/didOpen", {{"textDocument", {{"uri", kUri}}}});
  h.request("early", "textDocument/hover");
  CHECK(error_code(h.response("early")) == -32002);
  h.request(1, "shutdown");
  CHECK(error_code(h.response(1)) == -32002);
}

TEST_CASE("initialize negotiates the position encoding in the client's order") {
  Harness h;
  h.request(
      1, "initialize",
      {{"capabilities", {{"general", {{"positionEncodings", {"latin-1", "utf-32", "utf-8"}}}}}}});
  const auto response = h.response(1);
  REQUIRE(response);
  CHECK((*response)["result"]["capabilities"]["positionEncoding"] == "utf-32");
  CHECK((*response)["result"]["capabilities"]["textDocumentSync"]["change"] == 2);
}

TEST_CASE("utf-16 is the default encoding") {
  Harness h;
  h.request(1, "initialize", {{"capabilities", Json::object()}});
  CHECK((*h.response(1))["result"]["capabilities"]["positionEncoding"] == "utf-16");
}

TEST_CASE("exit codes: 0 after shutdown, 1 without") {
  SUBCASE("shutdown then exit") {
    Harness h;
    h.initialize();
    h.request(2, "shutdown");
    CHECK((*h.response(2))["result"].is_null());
    h.request(3, "textDocument/hover");
    CHECK(error_code(h.response(3)) == -32600);
    h.notify("exit");
    CHECK(h.server().finished());
    CHECK(h.server().exit_code() == 0);
  }
  SUBCASE("exit alone") {
    Harness h;
    h.initialize();
    h.notify("exit");
    CHECK(h.server().finished());
    CHECK(h.server().exit_code() == 1);
  }
  SUBCASE("end of input") {
    Harness h;
    h.initialize();
    h.server().handle_end_of_input();
    CHECK(h.server().finished());
    CHECK(h.server().exit_code() == 1);
  }
}

TEST_CASE("protocol errors") {
  Harness h;
  h.initialize();
  h.server().handle_message("{not json");
  CHECK(h.wait_for([](const Json& m) {
    return m.contains("error") && m["error"]["code"] == -32700 && m["id"].is_null();
  }));
  h.request("m", "nonexistent/method");
  CHECK(error_code(h.response("m")) == -32601);
  h.request("p", "textDocument/hover", {{"textDocument", 5}});
  CHECK(error_code(h.response("p")) == -32602);
  h.request("s", "$/somethingElse");
  CHECK(error_code(h.response("s")) == -32601);
}

TEST_CASE("diagnostics carry the version; outdated analyses are never published") {
  Harness h;
  h.initialize();
  h.open(kUri, "On 31 June 1920 it rained.\n");
  const auto first = h.diagnostics(kUri, 1);
  REQUIRE(first);
  h.change(kUri, 2, "On 31 June 1921 it rained.\n");
  std::this_thread::sleep_for(100ms);  // v2's analysis finishes and waits in the queue
  h.change(kUri, 3, "On 30 June 1920 it rained.\n");
  REQUIRE(h.diagnostics(kUri, 3));
  CHECK(h.count([](const Json& m) {
    return m.value("method", "") == "textDocument/publishDiagnostics" &&
           m["params"].value("version", 0) == 2;
  }) == 0);
  h.notify("textDocument/didClose", {{"textDocument", {{"uri", kUri}}}});
  const auto cleared = h.cleared(kUri);
  REQUIRE(cleared);
  CHECK((*cleared)["params"]["diagnostics"].empty());
}

TEST_CASE("a request waiting for an analysis: answered, cancelled, or told the text changed") {
  Harness h(10s);
  h.initialize();
  h.open(kUri, "Text.\n");
  REQUIRE(h.diagnostics(kUri, 1));
  const Json hover_params = {{"textDocument", {{"uri", kUri}}},
                             {"position", {{"line", 0}, {"character", 1}}}};

  h.change(kUri, 2, "Text again.\n");
  h.request("wait", "textDocument/hover", hover_params);  // expedites the analysis
  const auto answered = h.response("wait");
  REQUIRE(answered);
  CHECK(answered->contains("result"));

  h.change(kUri, 3, "More text.\n");
  h.request("cancel-me", "textDocument/hover", hover_params);
  h.notify("$/cancelRequest", {{"id", "cancel-me"}});
  CHECK(error_code(h.response("cancel-me")) == -32800);

  h.change(kUri, 4, "Yet more.\n");
  h.request("stale", "textDocument/hover", hover_params);
  h.change(kUri, 5, "Changed under the request.\n");
  CHECK(error_code(h.response("stale")) == -32801);

  h.pump_pending();
  // Exactly one response per request.
  for (const char* id : {"wait", "cancel-me", "stale"}) {
    CHECK(h.count([&](const Json& m) { return !m.contains("method") && m["id"] == id; }) == 1);
  }
}

TEST_CASE("an edit that does not apply drops the document and says so") {
  Harness h;
  h.initialize();
  h.open(kUri, "one line\n");
  REQUIRE(h.diagnostics(kUri, 1));
  h.notify(
      "textDocument/didChange",
      {{"textDocument", {{"uri", kUri}, {"version", 2}}},
       {"contentChanges",
        {{{"range",
           {{"start", {{"line", 9}, {"character", 0}}}, {"end", {{"line", 9}, {"character", 1}}}}},
          {"text", "x"}}}}});
  const auto message =
      h.wait_for([](const Json& m) { return m.value("method", "") == "window/showMessage"; });
  REQUIRE(message);
  CHECK((*message)["params"]["message"].get<std::string>().find(kUri) != std::string::npos);
  const auto cleared = h.cleared(kUri);
  REQUIRE(cleared);
  CHECK((*cleared)["params"]["diagnostics"].empty());
  h.request("h", "textDocument/hover",
            {{"textDocument", {{"uri", kUri}}}, {"position", {{"line", 0}, {"character", 0}}}});
  CHECK(error_code(h.response("h")) == -32602);
}

namespace {

const std::string kDeep = std::string(60'000, '[') + std::string(60'000, ']');

bool is_show_message(const Json& m) {
  return m.value("method", "") == "window/showMessage";
}

}  // namespace

TEST_CASE("numbers out of range and deep nesting in any member are answered; the server goes on") {
  Harness h;
  h.server().handle_message(R"({"jsonrpc":"2.0","id":"init","method":"initialize","params":)"
                            R"({"capabilities":{},"initializationOptions":)" +
                            kDeep + "}}");
  CHECK(error_code(h.response("init")) == -32700);
  h.request(0, "initialize", {{"capabilities", {{"workspace", {{"configuration", true}}}}}});
  REQUIRE(h.response(0));
  h.notify("initialized");

  const std::vector<std::string> bad_params = {
      R"({"textDocument":)" + kDeep + "}",
      R"({"textDocument":{"uri":"file:///a.md"},"position":)" + kDeep + "}",
      R"({"position":{"line":1e400,"character":0}})"};
  for (size_t i = 0; i < bad_params.size(); ++i) {
    CAPTURE(i);
    h.server().handle_message(R"({"jsonrpc":"2.0","id":)" + std::to_string(100 + i) +
                              R"(,"method":"textDocument/hover","params":)" + bad_params[i] + "}");
    CHECK(error_code(h.response(100 + i)) == -32700);
  }

  // A notification has no id to answer: the user is told instead.
  h.server().handle_message(
      R"({"jsonrpc":"2.0","method":"workspace/didChangeConfiguration","params":{"settings":)" +
      kDeep + "}}");
  CHECK(h.wait_for(is_show_message));

  // The reply to the server's own workspace/configuration request.
  h.notify("workspace/didChangeConfiguration", {{"settings", Json::object()}});
  const auto pull =
      h.wait_for([](const Json& m) { return m.value("method", "") == "workspace/configuration"; });
  REQUIRE(pull);
  h.server().handle_message(R"({"jsonrpc":"2.0","id":)" + (*pull)["id"].dump() + R"(,"result":[)" +
                            kDeep + "]}");

  h.request("last", "shutdown");
  const auto last = h.response("last");
  REQUIRE(last);
  CHECK((*last)["result"].is_null());
}

TEST_CASE("error replies quote a bounded excerpt of what the client sent") {
  Harness h;
  h.initialize();
  h.request("long", std::string(100'000, 'm'));
  const auto response = h.response("long");
  CHECK(error_code(response) == -32601);
  CHECK((*response)["error"]["message"].get<std::string>().size() < 1000);
  h.request(
      "bad", "textDocument/hover",
      {{"textDocument", std::string(100'000, 'u')}, {"position", {{"line", 0}, {"character", 0}}}});
  const auto bad = h.response("bad");
  CHECK(error_code(bad) == -32602);
  CHECK((*bad)["error"]["message"].get<std::string>().size() < 1000);
}

TEST_CASE("input the transport skips is shown to the user") {
  Harness h;
  h.initialize();
  h.server().handle_bad_input("message of 99999999999 bytes exceeds the limit");
  const auto shown = h.wait_for(is_show_message);
  REQUIRE(shown);
  CHECK((*shown)["params"]["message"].get<std::string>().find("exceeds the limit") !=
        std::string::npos);
}

TEST_CASE("the people-file command checks its arguments, and its action the requested kinds") {
  Harness h;
  h.initialize();
  h.open(kUri, "Marta Kovalenko (4 May 1821 – 1881), a seamstress from Tver, kept the ledgers.\n");
  REQUIRE(h.diagnostics(kUri, 1));
  const Json at = {{"line", 0}, {"character", 2}};
  auto actions = [&](const Json& id, const Json& only) {
    Json context = {{"diagnostics", Json::array()}};
    if (!only.is_null()) context["only"] = only;
    h.request(id, "textDocument/codeAction",
              {{"textDocument", {{"uri", kUri}}},
               {"range", {{"start", at}, {"end", at}}},
               {"context", context}});
    const auto response = h.response(id);
    REQUIRE(response);
    return (*response)["result"];
  };
  const Json all = actions("all", nullptr);
  REQUIRE(all.size() == 1);
  CHECK(all[0]["title"] == "Add Marta Kovalenko to the project's people file");
  CHECK(all[0]["command"]["arguments"][0]["personId"] == "doc:marta-kovalenko");
  CHECK(actions("fixes", Json::array({"quickfix"})).empty());
  CHECK(actions("refactors", Json::array({"refactor"})).size() == 1);
  CHECK(actions("everything", Json::array({""})).size() == 1);
  CHECK(actions("sources", Json::array({"source"})).empty());

  h.request("unknown", "workspace/executeCommand", {{"command", "histlint.nothing"}});
  CHECK(error_code(h.response("unknown")) == -32602);
  h.request("no-arguments", "workspace/executeCommand",
            {{"command", "histlint.addPersonToPeopleFile"}});
  CHECK(error_code(h.response("no-arguments")) == -32602);
  h.request(
      "not-open", "workspace/executeCommand",
      {{"command", "histlint.addPersonToPeopleFile"},
       {"arguments",
        {{{"uri", "file:///tmp/histlint-test/other.md"}, {"personId", "doc:marta-kovalenko"}}}}});
  CHECK(error_code(h.response("not-open")) == -32602);
}

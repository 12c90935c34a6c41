#include "server/lsp_server.h"

#include <exception>

#include "common/bounded_json.h"
#include "protocol/lsp.h"
#include "rules/text/utf8.h"
#include "server/log.h"

namespace histlint {

using protocol::ErrorCode;
using protocol::Json;
using protocol::Message;

namespace {

// The body with every malformed UTF-8 sequence replaced by U+FFFD, so that one bad byte in a
// document does not cost the whole message.
std::string repair_utf8(std::string_view body) {
  std::string repaired;
  repaired.reserve(body.size() + 16);
  for (size_t pos = 0; pos < body.size();) {
    size_t length = 1;
    const char32_t c = utf8::decode(body, pos, length);
    if (c == utf8::kReplacement && length == 1) {
      repaired += "\xEF\xBF\xBD";
    } else {
      repaired.append(body, pos, length);
    }
    pos += length;
  }
  return repaired;
}

std::string describe_id(const Json& id) {
  return json_excerpt(id);
}

}  // namespace

LspServer::LspServer(Send send, Post post, ServerOptions options)
    : send_(std::move(send)),
      post_(std::move(post)),
      options_(options),
      workspace_(std::make_shared<Workspace>()),
      scheduler_(std::make_unique<Scheduler>(options.workers, options.debounce.min())) {
  diagnostic_options_.max_per_document = options.max_diagnostics;
  request_handlers_ = {
      {"initialize", &LspServer::on_initialize},
      {"shutdown", &LspServer::on_shutdown},
      {"textDocument/hover", &LspServer::on_hover},
      {"textDocument/codeAction", &LspServer::on_code_action},
      {"textDocument/inlayHint", &LspServer::on_inlay_hint},
      {"textDocument/diagnostic", &LspServer::on_diagnostic},
      {"textDocument/definition", &LspServer::on_definition},
      {"textDocument/references", &LspServer::on_references},
      {"textDocument/documentSymbol", &LspServer::on_document_symbol},
      {"workspace/symbol", &LspServer::on_workspace_symbol},
      {"workspace/executeCommand", &LspServer::on_execute_command},
      {"histlint/timeline", &LspServer::on_timeline},
  };
  notification_handlers_ = {
      {"initialized", &LspServer::on_initialized},
      {"exit", &LspServer::on_exit},
      {"$/cancelRequest", &LspServer::on_cancel_request},
      {"textDocument/didOpen", &LspServer::on_did_open},
      {"textDocument/didChange", &LspServer::on_did_change},
      {"textDocument/didClose", &LspServer::on_did_close},
      {"textDocument/didSave", &LspServer::on_did_save},
      {"workspace/didChangeConfiguration", &LspServer::on_did_change_configuration},
      {"workspace/didChangeWatchedFiles", &LspServer::on_did_change_watched_files},
      {"workspace/didChangeWorkspaceFolders", &LspServer::on_did_change_workspace_folders},
  };
}

LspServer::~LspServer() {
  *alive_ = false;
  scheduler_.reset();  // joins the workers before the rest goes
}

void LspServer::handle_message(std::string body) {
  size_t bad_byte = 0;
  if (!utf8::is_valid(body, &bad_byte)) {
    log::warning("message has invalid UTF-8 (first at byte " + std::to_string(bad_byte) + " of " +
                 std::to_string(body.size()) + "); replaced with U+FFFD");
    body = repair_utf8(body);
  }
  protocol::ParsedMessage parsed = protocol::parse_message(body);
  if (parsed.error) {
    log::error(parsed.error->log);
    send(parsed.error->response);
    // Without an id no request waits for the answer: tell the user, who may otherwise never know.
    if (parsed.error->response["id"].is_null()) {
      show_message(protocol::MessageType::Error,
                   "histlint could not read a message from the editor: " + parsed.error->log);
    }
    return;
  }
  dispatch(*parsed.message);
}

void LspServer::handle_bad_input(std::string_view description) {
  log::error("bad input: " + std::string(description));
  show_message(protocol::MessageType::Error,
               "histlint skipped input from the editor: " + std::string(description));
}

void LspServer::handle_end_of_input() {
  if (finished_) return;
  finished_ = true;
  if (shutdown_requested_) {
    log::info("input closed after shutdown");
  } else {
    log::warning("input closed before shutdown: the client went away");
  }
}

void LspServer::dispatch(Message& message) {
  switch (message.kind) {
    case Message::Kind::Response:
      handle_response(message);
      return;
    case Message::Kind::Request:
      dispatch_request(message.id, message.method, message.params);
      return;
    case Message::Kind::Notification:
      dispatch_notification(message.method, message.params);
      return;
  }
}

void LspServer::dispatch_request(const Json& id, const std::string& method, const Json& params) {
  if (open_requests_.count(id)) {
    log::error("request " + describe_id(id) + " (" + method +
               ") reuses the id of a request not yet answered; ignored");
    return;
  }
  open_requests_.insert(id);
  log::debug("<- " + method + " " + describe_id(id));
  if (state_ == State::Uninitialized && method != "initialize") {
    reply_error(id, ErrorCode::ServerNotInitialized, method + " before initialize");
    return;
  }
  if (state_ == State::ShutDown) {
    reply_error(id, ErrorCode::InvalidRequest, method + " after shutdown");
    return;
  }
  if (state_ == State::Running && method == "initialize") {
    reply_error(id, ErrorCode::InvalidRequest, "initialize was already received");
    return;
  }
  const auto handler = request_handlers_.find(method);
  if (handler == request_handlers_.end()) {
    reply_error(id, ErrorCode::MethodNotFound, "unknown method " + method);
    return;
  }
  try {
    (this->*handler->second)(id, params);
  } catch (const protocol::ParamsError& e) {
    reply_error(id, ErrorCode::InvalidParams, "bad params for " + method + ": " + e.what());
  } catch (const Json::exception& e) {
    reply_error(id, ErrorCode::InvalidParams, "bad params for " + method + ": " + e.what());
  } catch (const std::exception& e) {
    log::error(method + " failed: " + e.what());
    reply_error(id, ErrorCode::InternalError, method + " failed: " + e.what());
  }
}

void LspServer::dispatch_notification(const std::string& method, const Json& params) {
  log::debug("<- " + method);
  if (method != "exit" && state_ != State::Running) {
    log::info("ignoring " + method +
              (state_ == State::ShutDown ? " after shutdown" : " before initialize"));
    return;
  }
  const auto handler = notification_handlers_.find(method);
  if (handler == notification_handlers_.end()) {
    if (method.rfind("$/", 0) != 0) log::debug("ignoring unknown notification " + method);
    return;
  }
  try {
    (this->*handler->second)(params);
  } catch (const std::exception& e) {
    log::error("bad " + method + " notification, ignored: " + e.what());
  }
}

void LspServer::handle_response(const Message& message) {
  if (!message.id.is_number_integer()) return;
  const auto it = client_requests_.find(message.id.get<int64_t>());
  if (it == client_requests_.end()) {
    log::warning("response to unknown request " + describe_id(message.id));
    return;
  }
  auto callback = std::move(it->second);
  client_requests_.erase(it);
  try {
    callback(message);
  } catch (const std::exception& e) {
    log::error("bad response to request " + describe_id(message.id) + ": " + e.what());
  }
}

void LspServer::send(const Json& message) {
  send_(protocol::serialize(message));
}

void LspServer::reply(const Json& id, Json result) {
  if (open_requests_.erase(id) == 0) return;  // answered already (cancelled)
  send(protocol::make_result(id, std::move(result)));
}

void LspServer::reply_result(const Json& id, AnalysisResult result) {
  auto* serialized = std::get_if<SerializedResult>(&result);
  if (!serialized) {
    reply(id, std::move(std::get<Json>(result)));
    return;
  }
  if (open_requests_.erase(id) == 0) return;
  send_("{\"jsonrpc\":\"2.0\",\"id\":" + protocol::serialize(id) +
        ",\"result\":" + serialized->json + "}");
}

void LspServer::reply_error(const Json& id, ErrorCode code, std::string_view full_message) {
  if (!id.is_null() && open_requests_.erase(id) == 0) return;
  // Messages quote what the client sent (a method name, a value): a bounded excerpt of it.
  const std::string message = truncated_for_message(full_message, 4 * kMaxEchoedBytes);
  if (code != ErrorCode::RequestCancelled && code != ErrorCode::ContentModified) {
    log::warning("request " + describe_id(id) + ": " + std::string(message));
  }
  send(protocol::make_error(id, code, message));
}

void LspServer::notify(std::string_view method, Json params) {
  send(protocol::make_notification(method, std::move(params)));
}

void LspServer::request(std::string_view method, Json params,
                        std::function<void(const Message&)> on_response) {
  const int64_t id = next_request_id_++;
  client_requests_[id] = std::move(on_response);
  send(protocol::make_request(id, method, std::move(params)));
}

void LspServer::show_message(protocol::MessageType type, std::string_view message) {
  (type == protocol::MessageType::Error ? log::error : log::warning)(message);
  notify("window/showMessage", {{"type", static_cast<int>(type)}, {"message", message}});
}

void LspServer::with_analysis(const Json& id, const Json& params, AnalysisAnswer answer,
                              bool follows_edits) {
  const std::string uri = protocol::string_member(protocol::member(params, "textDocument"), "uri");
  const OpenDocument* doc = documents_.find(uri);
  if (!doc) {
    reply_error(id, ErrorCode::InvalidParams, uri + " is not open");
    return;
  }
  const auto& latest = states_[uri].latest;
  if (latest && latest->version == doc->version) {
    reply_result(id, answer(*latest));
    return;
  }
  parked_.push_back({id, uri, doc->version, std::move(answer), follows_edits});
  scheduler_->expedite(uri);
}

void LspServer::schedule_analysis(const std::string& uri, bool immediate) {
  const OpenDocument* doc = documents_.find(uri);
  if (!doc) return;
  auto& state = states_[uri];
  if (!state.memory) state.memory = std::make_shared<DocumentMemory>();
  AnalysisInput input{uri, doc->version, doc->language_id, doc->snapshot, diagnostic_options_,
                      {},  {},           nullptr,          state.memory};
  const auto delay =
      immediate ? std::chrono::milliseconds(0) : options_.debounce.compute(state.analysis_times);
  scheduler_->schedule_after(
      uri,
      [input = std::move(input), workspace = workspace_, open_claims = open_claims_, post = post_,
       alive = std::weak_ptr<bool>(alive_), this](const std::atomic<bool>& superseded) mutable {
        std::shared_ptr<DocumentAnalysis> result;
        std::string failure;
        try {
          // The other documents as they are when the analysis starts, not when it was queued.
          auto others = open_claims->others(analysis_path(input.uri));
          input.other_documents = std::move(others.documents);
          input.open_texts = std::move(others.texts);
          input.superseded = &superseded;
          result = analyze_document(input, *workspace);
          if (!result) return;  // a newer version (or the close) superseded it
        } catch (const std::exception& e) {
          failure = e.what();
        }
        post([=, this] {
          const auto still_alive = alive.lock();
          if (!still_alive || !*still_alive) return;
          if (result) {
            analysis_done(result);
          } else {
            analysis_failed(input.uri, input.version, failure);
          }
        });
      },
      delay);
}

void LspServer::reanalyze_all() {
  for (const auto& [uri, doc] : documents_.documents()) schedule_analysis(uri, false);
  reindex_workspace();
  // The "inlayHints" setting may have changed.
  if (client_inlay_hint_refresh_) {
    request("workspace/inlayHint/refresh", nullptr, [](const protocol::Message&) {});
  }
}

void LspServer::reindex_workspace() {
  const std::string token = begin_index_progress();
  // Not a URI, so it never collides with a document's key.
  scheduler_->schedule(
      " workspace mentions",
      [index = mention_index_, workspace = workspace_, encoding = encoding_, token, post = post_,
       alive = std::weak_ptr<bool>(alive_), this](const std::atomic<bool>& superseded) {
        // Runs `step` on the server's thread, unless the server is gone by then.
        const auto on_server = [&](std::function<void()> step) {
          post([alive, step = std::move(step)] {
            const auto still_alive = alive.lock();
            if (still_alive && *still_alive) step();
          });
        };
        int reported = -1;  // the last percentage reported: one report per percent at most
        MentionIndex::Progress progress;
        if (!token.empty()) {
          progress = [&](size_t done, size_t total) {
            const int percent = total ? static_cast<int>(done * 100 / total) : 100;
            if (percent == reported) return;
            reported = percent;
            on_server([=, this] { report_index_progress(token, done, total); });
          };
        }
        index->rebuild(*workspace, encoding, superseded, progress);
        if (!token.empty()) on_server([=, this] { finish_index_progress(token); });
      });
}

std::set<std::string> LspServer::open_uris() const {
  std::set<std::string> uris;
  for (const auto& [uri, doc] : documents_.documents()) uris.insert(uri);
  return uris;
}

void LspServer::analysis_done(std::shared_ptr<DocumentAnalysis> result) {
  const OpenDocument* doc = documents_.find(result->uri);
  if (!doc) return;  // closed meanwhile
  // Show each configuration error once, not once per document it applies to.
  std::set<std::string> known_errors;
  for (const auto& [uri, other] : states_) {
    known_errors.insert(other.shown_errors.begin(), other.shown_errors.end());
  }
  auto& state = states_[result->uri];
  for (const auto& error : result->settings.errors) {
    if (!known_errors.count(error)) show_message(protocol::MessageType::Error, error);
  }
  state.shown_errors = result->settings.errors;
  if (result->version != doc->version) {
    log::debug("dropped the analysis of " + result->uri + " v" + std::to_string(result->version) +
               ": the document is at v" + std::to_string(doc->version));
    return;
  }
  log::debug("analysed " + result->uri + " v" + std::to_string(result->version) + " in " +
             std::to_string(result->elapsed.count() / 1000.0) +
             " ms: " + std::to_string(result->findings.size()) + " findings");
  state.latest = result;
  auto& times = state.analysis_times;
  if (times.size() == DebouncePolicy::kHistory) times.erase(times.begin());
  times.push_back(result->elapsed);
  answer_parked(result->uri, result.get());
  diagnostics_changed(*result);
  update_open_claims(result->uri, result.get());
}

void LspServer::update_open_claims(const std::string& uri, const DocumentAnalysis* result) {
  const std::string path = analysis_path(uri);
  const auto affected = result ? open_claims_->record(path, {uri, result->snapshot, result->claims})
                               : open_claims_->forget(path);
  for (const auto& other : affected) schedule_analysis(other, false);
  // Analysed alongside a document it shares events with, it could not see that one's events.
  if (result && open_claims_->missed_any(path, result->analysis->other_documents())) {
    schedule_analysis(uri, false);
  }
}

void LspServer::analysis_failed(const std::string& uri, int64_t version, const std::string& why) {
  log::error("analysis of " + uri + " v" + std::to_string(version) + " failed: " + why);
  fail_parked(uri, ErrorCode::InternalError, "analysis failed: " + why);
}

void LspServer::fail_parked(const std::string& uri, ErrorCode code, std::string_view message) {
  for (auto it = parked_.begin(); it != parked_.end();) {
    if (uri.empty() || it->uri == uri) {
      reply_error(it->id, code, message);
      it = parked_.erase(it);
    } else {
      ++it;
    }
  }
}

void LspServer::answer_parked(const std::string& uri, DocumentAnalysis* analysis) {
  for (auto it = parked_.begin(); it != parked_.end();) {
    if (it->uri != uri) {
      ++it;
      continue;
    }
    const Json id = it->id;
    if (!analysis) {
      reply(id, nullptr);  // the document was closed
    } else if (it->version != analysis->version && !it->follows_edits) {
      reply_error(id, ErrorCode::ContentModified, "the document changed");
    } else {
      try {
        reply_result(id, it->answer(*analysis));
      } catch (const std::exception& e) {
        reply_error(id, ErrorCode::InternalError, e.what());
      }
    }
    it = parked_.erase(it);
  }
}

void LspServer::drop_document(const std::string& uri, std::string_view why) {
  show_message(protocol::MessageType::Warning,
               "histlint stopped checking " + uri + " because " + std::string(why) +
                   ". Close and reopen the document to check it again.");
  documents_.close(uri);
  states_.erase(uri);
  scheduler_->cancel(uri);
  update_open_claims(uri, nullptr);
  fail_parked(uri, ErrorCode::ContentModified, "the document was dropped");
  notify("textDocument/publishDiagnostics", {{"uri", uri}, {"diagnostics", Json::array()}});
}

}  // namespace histlint

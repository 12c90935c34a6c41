// The language server's protocol state machine: lifecycle, request bookkeeping, and one handler
// per LSP method. It runs on one thread (the transport's); analyses run on the scheduler's
// workers and come back through `post`. It knows nothing of sockets: bodies in, bodies out.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <list>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <variant>

#include "protocol/jsonrpc.h"
#include "protocol/lsp.h"
#include "protocol/positions.h"
#include "server/analysis_job.h"
#include "server/diagnostics.h"
#include "server/document_store.h"
#include "server/mention_index.h"
#include "server/open_claims.h"
#include "server/scheduler.h"
#include "server/scheduler_debounce.h"
#include "server/workspace.h"

namespace histlint {

struct ServerOptions {
  DebouncePolicy debounce;  // after a change, before analysing
  // Two, so that one huge document does not hold up the others.
  unsigned workers = 2;
  size_t max_diagnostics = DiagnosticOptions::kDefaultMaxDiagnostics;  // per document
};

class LspServer {
 public:
  using Send = std::function<void(std::string body)>;
  // Runs a callback on the server's thread; callable from any thread.
  using Post = std::function<void(std::function<void()>)>;

  LspServer(Send send, Post post, ServerOptions options = {});
  ~LspServer();
  LspServer(const LspServer&) = delete;
  LspServer& operator=(const LspServer&) = delete;

  // One framed message body.
  void handle_message(std::string body);
  // Input the transport skipped (an oversized body, a bad header): logged and shown to the user.
  void handle_bad_input(std::string_view description);
  // The input stream ended: the client is gone.
  void handle_end_of_input();

  // True once `exit` arrived or the input ended; the transport then flushes and stops.
  bool finished() const { return finished_; }
  // The client has sent initialize.
  bool initialized() const { return state_ != State::Uninitialized; }
  // 0 when `shutdown` came before the end, 1 otherwise.
  int exit_code() const { return shutdown_requested_ ? 0 : 1; }
  // True while a worker is analysing (destroying the server then waits for it).
  bool analysis_running() const { return scheduler_->busy(); }

 private:
  enum class State { Uninitialized, Running, ShutDown };
  using RequestHandler = void (LspServer::*)(const protocol::Json& id,
                                             const protocol::Json& params);
  using NotificationHandler = void (LspServer::*)(const protocol::Json& params);
  // A result's JSON text, for answers so large that building a Json first would cost more than
  // computing them (the timeline and inlay hints of a long document).
  struct SerializedResult {
    std::string json;
  };
  using AnalysisResult = std::variant<protocol::Json, SerializedResult>;
  // Computes a request's result from the analysis of the document's current version.
  using AnalysisAnswer = std::function<AnalysisResult(DocumentAnalysis&)>;

  struct ParkedRequest {
    protocol::Json id;
    std::string uri;
    int64_t version = 0;
    AnalysisAnswer answer;
    // Answered from the analysis of a newer version when the document changes meanwhile, rather
    // than with ContentModified (a diagnostic pull is about the document, not one version).
    bool follows_edits = false;
  };
  struct DocumentState {
    std::shared_ptr<DocumentAnalysis> latest;  // for the newest analysed version
    std::vector<std::string> shown_errors;     // configuration errors shown for it
    std::shared_ptr<DocumentMemory> memory;    // what its analyses reuse across versions
    std::vector<std::chrono::microseconds> analysis_times;  // the latest few, for the debounce
    std::string pulled_result_id;  // of the diagnostics the client last pulled
  };

  void dispatch(protocol::Message& message);
  void dispatch_request(const protocol::Json& id, const std::string& method,
                        const protocol::Json& params);
  void dispatch_notification(const std::string& method, const protocol::Json& params);
  void handle_response(const protocol::Message& message);

  void send(const protocol::Json& message);
  void reply(const protocol::Json& id, protocol::Json result);
  void reply_result(const protocol::Json& id, AnalysisResult result);
  void reply_error(const protocol::Json& id, protocol::ErrorCode code, std::string_view message);
  void notify(std::string_view method, protocol::Json params);
  void request(std::string_view method, protocol::Json params,
               std::function<void(const protocol::Message&)> on_response);
  void show_message(protocol::MessageType type, std::string_view message);

  // Answers now when the document's current version is analysed, else when it is (or with
  // ContentModified if the document changes first).
  void with_analysis(const protocol::Json& id, const protocol::Json& params, AnalysisAnswer answer,
                     bool follows_edits = false);
  void schedule_analysis(const std::string& uri, bool immediate);
  void reanalyze_all();
  // Re-reads the workspace files that changed, for references and mention counts.
  void reindex_workspace();
  // Work-done progress of the index: server/index_progress.cpp. The token ("" when the client
  // takes no progress); a new index ends the previous one's progress.
  std::string begin_index_progress();
  void report_index_progress(const std::string& token, size_t done, size_t total);
  void finish_index_progress(const std::string& token);
  // The URIs of the open documents.
  std::set<std::string> open_uris() const;
  void analysis_done(std::shared_ptr<DocumentAnalysis> result);
  void analysis_failed(const std::string& uri, int64_t version, const std::string& why);
  // Answers the requests parked on `uri` from its analysis (null results when it was closed).
  void answer_parked(const std::string& uri, DocumentAnalysis* analysis);
  // Answers the requests parked on `uri` (every document when empty) with an error.
  void fail_parked(const std::string& uri, protocol::ErrorCode code, std::string_view message);
  // The capabilities of the people features (definition, references, symbols).
  protocol::Json people_capabilities() const;
  // Records a document's events (or their absence when `result` is null) and re-analyses the
  // documents whose cross-document findings that may change.
  void update_open_claims(const std::string& uri, const DocumentAnalysis* result);
  void drop_document(const std::string& uri, std::string_view why);
  void apply_editor_settings(const protocol::Json& settings);
  void pull_configuration();

  // Lifecycle: server/handlers_lifecycle.cpp
  void on_initialize(const protocol::Json& id, const protocol::Json& params);
  void on_initialized(const protocol::Json& params);
  void on_shutdown(const protocol::Json& id, const protocol::Json& params);
  void on_exit(const protocol::Json& params);
  void on_cancel_request(const protocol::Json& params);
  // Documents: server/handlers_documents.cpp
  void on_did_open(const protocol::Json& params);
  void on_did_change(const protocol::Json& params);
  void on_did_close(const protocol::Json& params);
  void on_did_save(const protocol::Json& params);
  // Language features: server/handlers_language.cpp
  void on_hover(const protocol::Json& id, const protocol::Json& params);
  void on_code_action(const protocol::Json& id, const protocol::Json& params);
  // "Add to the project's people file", the one command the code actions carry.
  void on_execute_command(const protocol::Json& id, const protocol::Json& params);
  // server/handlers_inlay_hints.cpp
  void on_inlay_hint(const protocol::Json& id, const protocol::Json& params);
  // Pull diagnostics, and the push for clients without them: server/handlers_pull_diagnostics.cpp
  void on_diagnostic(const protocol::Json& id, const protocol::Json& params);
  protocol::Json diagnostic_report(const std::string& uri, const protocol::Json& diagnostics,
                                   const std::string& previous_result_id);
  // After an analysis: pushes its diagnostics, or asks a pulling client to pull again.
  void diagnostics_changed(const DocumentAnalysis& analysis);
  void request_diagnostic_refresh();
  // People: server/handlers_people.cpp
  void on_definition(const protocol::Json& id, const protocol::Json& params);
  void on_references(const protocol::Json& id, const protocol::Json& params);
  void on_document_symbol(const protocol::Json& id, const protocol::Json& params);
  void on_workspace_symbol(const protocol::Json& id, const protocol::Json& params);
  // Timeline: server/handlers_timeline.cpp
  void on_timeline(const protocol::Json& id, const protocol::Json& params);
  // Workspace: server/handlers_workspace.cpp
  void on_did_change_configuration(const protocol::Json& params);
  void on_did_change_watched_files(const protocol::Json& params);
  void on_did_change_workspace_folders(const protocol::Json& params);

  Send send_;
  Post post_;
  ServerOptions options_;
  State state_ = State::Uninitialized;
  bool shutdown_requested_ = false;
  bool finished_ = false;

  // Negotiated at initialize.
  protocol::PositionEncoding encoding_ = protocol::PositionEncoding::Utf16;
  DiagnosticOptions diagnostic_options_;
  bool markdown_hover_ = true;
  bool hierarchical_symbols_ = false;
  bool versioned_edits_ = false;
  bool client_configuration_ = false;
  bool client_watches_files_ = false;
  bool pull_diagnostics_ = false;           // the client pulls textDocument/diagnostic
  bool client_diagnostic_refresh_ = false;  // and takes workspace/diagnostic/refresh
  bool refresh_pending_ = false;            // a refresh request not yet answered
  bool refresh_again_ = false;              // and findings changed since it was sent
  bool work_done_progress_ = false;         // the client shows $/progress
  bool client_inlay_hint_refresh_ = false;  // the client takes workspace/inlayHint/refresh

  struct IndexProgress {
    std::string token;
    bool begun = false;     // the client accepted the token and got "begin"
    bool finished = false;  // the index is done; "end" follows "begin"
    size_t done = 0;
    size_t total = 0;
  };
  std::optional<IndexProgress> index_progress_;

  // Requests received and not yet answered: exactly one response each.
  std::set<protocol::Json> open_requests_;
  std::list<ParkedRequest> parked_;
  // Our requests to the client, by id.
  int64_t next_request_id_ = 1;
  std::map<int64_t, std::function<void(const protocol::Message&)>> client_requests_;

  std::map<std::string, RequestHandler, std::less<>> request_handlers_;
  std::map<std::string, NotificationHandler, std::less<>> notification_handlers_;

  // Guards callbacks posted by workers against running after the server is gone.
  std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);
  DocumentStore documents_;
  std::map<std::string, DocumentState> states_;
  std::shared_ptr<Workspace> workspace_;
  std::shared_ptr<OpenClaims> open_claims_ = std::make_shared<OpenClaims>();
  std::shared_ptr<MentionIndex> mention_index_ = std::make_shared<MentionIndex>();
  // Declared last: destroyed first, so no worker outlives what its tasks use.
  std::unique_ptr<Scheduler> scheduler_;
};

}  // namespace histlint

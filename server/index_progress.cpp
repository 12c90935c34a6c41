// Work-done progress ($/progress) of the workspace index, for clients that advertise
// window.workDoneProgress: the token is created with window/workDoneProgress/create, and the
// begin, reports and end follow once the client has accepted it.
#include "common/bounded_json.h"
#include "server/log.h"
#include "server/lsp_server.h"

namespace histlint {

using protocol::Json;

namespace {

Json files_message(size_t done, size_t total) {
  return std::to_string(done) + "/" + std::to_string(total) + " files";
}

int percentage(size_t done, size_t total) {
  return total == 0 ? 100 : static_cast<int>(done * 100 / total);
}

}  // namespace

std::string LspServer::begin_index_progress() {
  if (!work_done_progress_) return {};
  finish_index_progress(index_progress_ ? index_progress_->token : std::string());
  const std::string token = "histlint/index/" + std::to_string(next_request_id_);
  index_progress_ = IndexProgress{token};
  request("window/workDoneProgress/create", {{"token", token}},
          [this, token](const protocol::Message& response) {
            if (!index_progress_ || index_progress_->token != token) return;
            if (response.error) {
              log::warning("the client refused a progress token: " + json_excerpt(*response.error));
              index_progress_.reset();
              return;
            }
            IndexProgress& progress = *index_progress_;
            notify("$/progress", {{"token", token},
                                  {"value",
                                   {{"kind", "begin"},
                                    {"title", "histlint: indexing the workspace"},
                                    {"cancellable", false},
                                    {"message", files_message(progress.done, progress.total)},
                                    {"percentage", percentage(progress.done, progress.total)}}}});
            progress.begun = true;
            if (progress.finished) finish_index_progress(token);
          });
  return token;
}

void LspServer::report_index_progress(const std::string& token, size_t done, size_t total) {
  if (!index_progress_ || index_progress_->token != token) return;
  IndexProgress& progress = *index_progress_;
  progress.done = done;
  progress.total = total;
  if (!progress.begun) return;
  notify("$/progress", {{"token", token},
                        {"value",
                         {{"kind", "report"},
                          {"message", files_message(done, total)},
                          {"percentage", percentage(done, total)}}}});
}

void LspServer::finish_index_progress(const std::string& token) {
  if (!index_progress_ || index_progress_->token != token) return;
  index_progress_->finished = true;
  if (!index_progress_->begun) return;  // ends when the client accepts the token
  notify("$/progress",
         {{"token", token},
          {"value",
           {{"kind", "end"},
            {"message", "indexed " + std::to_string(index_progress_->total) + " files"}}}});
  index_progress_.reset();
}

}  // namespace histlint

// textDocument/hover, textDocument/codeAction and the command its people actions carry.
#include <algorithm>
#include <filesystem>

#include "protocol/lsp.h"
#include "protocol/uri.h"
#include "rules/extract/people.h"
#include "rules/queries/hover.h"
#include "rules/queries/text_person.h"
#include "server/config.h"
#include "server/lsp_server.h"
#include "server/people_file.h"

namespace histlint {

using protocol::Json;

namespace {

constexpr std::string_view kAddPersonCommand = "histlint.addPersonToPeopleFile";
// It changes a project file, not the document: no quick fix.
constexpr std::string_view kAddPersonKind = "refactor";

// Whether a code action of `kind` is among those the client asked for ("only"; kinds are
// hierarchical, and "" asks for all).
bool kind_requested(const Json* only, std::string_view kind) {
  if (!only || !only->is_array()) return true;
  for (const Json& requested : *only) {
    if (!requested.is_string()) continue;
    const std::string& prefix = requested.get_ref<const std::string&>();
    if (prefix.empty() || kind == prefix ||
        (kind.starts_with(prefix) && kind.size() > prefix.size() && kind[prefix.size()] == '.')) {
      return true;
    }
  }
  return false;
}

// "Add Anna Petrova to the project's people file" for a name at the range that only the text
// knows; nullopt elsewhere.
std::optional<Json> add_person_action(const Analysis& analysis, Span range,
                                      const std::string& uri) {
  const auto& facts = analysis.facts<PeopleFacts>();
  const PersonMention* mention = facts.mention_at(range.offset);
  if (!mention && range.length) mention = facts.mention_at(range.end() - 1);
  if (!mention || mention->person_id.empty()) return std::nullopt;
  const auto person = text_person(analysis, mention->person_id);
  if (!person) return std::nullopt;
  const std::string title = "Add " + person->name + " to the project's people file";
  return Json{{"title", title},
              {"kind", kAddPersonKind},
              {"command",
               {{"title", title},
                {"command", kAddPersonCommand},
                {"arguments", {{{"uri", uri}, {"personId", person->person_id}}}}}}};
}

// The workspace folder holding `file` (the deepest), or empty.
std::filesystem::path folder_holding(const std::vector<std::filesystem::path>& folders,
                                     const std::filesystem::path& file) {
  std::filesystem::path best;
  for (const auto& folder : folders) {
    const auto [end, at] = std::mismatch(folder.begin(), folder.end(), file.begin(), file.end());
    if (end == folder.end() && folder.native().size() > best.native().size()) best = folder;
  }
  return best;
}

}  // namespace

void LspServer::on_hover(const Json& id, const Json& params) {
  const protocol::Position position =
      protocol::position_from_json(protocol::member(params, "position"));
  with_analysis(id, params, [this, position](DocumentAnalysis& analysis) -> Json {
    const auto& index = analysis.snapshot->index();
    const auto offset = index.offset_of(position, encoding_);
    if (!offset) return nullptr;  // a line past the end: nothing there
    // Mentions elsewhere: the other open documents, then the workspace files not open.
    const auto elsewhere = [this, &analysis](std::string_view person_id) {
      size_t n = mention_index_->count(person_id, open_uris());
      for (const auto& [uri, state] : states_) {
        if (uri != analysis.uri && state.latest) {
          n += state.latest->analysis->facts<PeopleFacts>().mention_count(person_id);
        }
      }
      return n;
    };
    const auto card = hover_at(*analysis.analysis, *offset, elsewhere);
    if (!card) return nullptr;
    return {{"contents",
             {{"kind", markdown_hover_ ? "markdown" : "plaintext"},
              {"value", markdown_hover_ ? card->markdown : card->plaintext}}},
            {"range", to_json(index.range_of(card->span.offset, card->span.length, encoding_))}};
  });
}

void LspServer::on_code_action(const Json& id, const Json& params) {
  const protocol::Range range = protocol::range_from_json(protocol::member(params, "range"));
  const Json* only = protocol::optional_member(protocol::member(params, "context"), "only");
  const bool wants_quickfix = kind_requested(only, "quickfix");
  const bool wants_person = kind_requested(only, kAddPersonKind);
  if (!wants_quickfix && !wants_person) {
    reply(id, Json::array());
    return;
  }
  with_analysis(id, params, [=, this](DocumentAnalysis& analysis) -> Json {
    const auto& index = analysis.snapshot->index();
    const size_t end_of_text = analysis.snapshot->text().size();
    const size_t start = index.offset_of(range.start, encoding_).value_or(end_of_text);
    const size_t end = std::max(start, index.offset_of(range.end, encoding_).value_or(end_of_text));
    const Span span{start, end - start};
    Json actions = wants_quickfix ? code_actions_json(
                                        analysis.findings, span, *analysis.snapshot, analysis.uri,
                                        versioned_edits_ ? std::optional<int64_t>(analysis.version)
                                                         : std::nullopt,
                                        diagnostic_options_)
                                  : Json::array();
    if (wants_person) {
      if (auto action = add_person_action(*analysis.analysis, span, analysis.uri)) {
        actions.push_back(std::move(*action));
      }
    }
    return actions;
  });
}

void LspServer::on_execute_command(const Json& id, const Json& params) {
  const std::string command = protocol::string_member(params, "command");
  const Json* arguments = protocol::optional_member(params, "arguments");
  if (command != kAddPersonCommand || !arguments || !arguments->is_array() || arguments->empty() ||
      !(*arguments)[0].is_object()) {
    reply_error(id, protocol::ErrorCode::InvalidParams, "unknown command or arguments: " + command);
    return;
  }
  const std::string uri = protocol::string_member((*arguments)[0], "uri");
  const std::string person_id = protocol::string_member((*arguments)[0], "personId");
  with_analysis(
      id, Json{{"textDocument", {{"uri", uri}}}},
      [this, person_id](DocumentAnalysis& analysis) -> Json {
        const auto person = text_person(*analysis.analysis, person_id);
        if (!person) {
          show_message(protocol::MessageType::Warning,
                       "histlint found nobody to add: the document no longer names " + person_id);
          return nullptr;
        }
        const auto path = protocol::path_from_uri(analysis.uri);
        const std::filesystem::path folder =
            path ? folder_holding(workspace_->folders(), *path)
                 : (workspace_->folders().empty() ? std::filesystem::path()
                                                  : workspace_->folders().front());
        const ConfigResult config =
            path ? load_config_for(*path) : ConfigResult{default_config(folder), {}};
        if (!config.ok()) {
          show_message(protocol::MessageType::Error, config.error);
          return nullptr;
        }
        if (config.config->file.empty() && folder.empty()) {
          show_message(
              protocol::MessageType::Error,
              "histlint cannot add " + person->name +
                  ": the document is in no workspace folder and no .histlint.json applies");
          return nullptr;
        }
        const AddedPerson added =
            add_to_people_file(*person, *config.config, folder, analysis.analysis->kb());
        if (!added.error.empty()) {
          show_message(protocol::MessageType::Error,
                       "histlint could not add " + person->name + ": " + added.error);
          return nullptr;
        }
        show_message(protocol::MessageType::Info,
                     "Added " + person->name + " to " + added.people_file.string() +
                         (added.updated_config ? ", now named in .histlint.json" : ""));
        // The knowledge base is re-read (its files changed) and every document analysed with it.
        reanalyze_all();
        return Json{{"id", added.id},
                    {"file", protocol::uri_from_path(added.people_file.string())}};
      });
}

}  // namespace histlint

// People of the text: textDocument/definition, references, documentSymbol, workspace/symbol.
#include "protocol/lsp.h"
#include "protocol/uri.h"
#include "rules/extract/people.h"
#include "rules/queries/person_queries.h"
#include "server/lsp_server.h"

namespace histlint {

using protocol::Json;

namespace {

constexpr size_t kMaxWorkspaceSymbols = 100;

// A knowledge-base entry: the start of the line that holds its "id".
Json entry_location(const std::string& path, size_t line) {
  const protocol::Position at{static_cast<uint32_t>(line), 0};
  return protocol::location_json(protocol::uri_from_path(path), {at, at});
}

}  // namespace

Json LspServer::people_capabilities() const {
  return {{"definitionProvider", true},
          {"referencesProvider", true},
          {"documentSymbolProvider", true},
          {"workspaceSymbolProvider", true}};
}

void LspServer::on_definition(const Json& id, const Json& params) {
  const auto position = protocol::position_from_json(protocol::member(params, "position"));
  with_analysis(id, params, [this, position](DocumentAnalysis& analysis) -> Json {
    const auto& index = analysis.snapshot->index();
    const auto offset = index.offset_of(position, encoding_);
    if (!offset) return nullptr;
    const auto definition = person_definition(*analysis.analysis, *offset);
    if (!definition) return nullptr;
    if (!definition->path.empty()) return entry_location(definition->path, definition->line);
    return protocol::location_json(
        analysis.uri, index.range_of(definition->span.offset, definition->span.length, encoding_));
  });
}

void LspServer::on_references(const Json& id, const Json& params) {
  const auto position = protocol::position_from_json(protocol::member(params, "position"));
  const Json* context = protocol::optional_member(params, "context");
  const Json* declaration =
      context ? protocol::optional_member(*context, "includeDeclaration") : nullptr;
  const bool include_declaration =
      declaration && declaration->is_boolean() && declaration->get<bool>();
  with_analysis(id, params, [this, position, include_declaration](DocumentAnalysis& analysis) {
    Json locations = Json::array();
    const auto& index = analysis.snapshot->index();
    const auto offset = index.offset_of(position, encoding_);
    if (!offset) return locations;
    const auto person = person_id_at(*analysis.analysis, *offset);
    if (!person) return locations;
    for (const Span& span : person_references(*analysis.analysis, *offset)) {
      locations.push_back(protocol::location_json(
          analysis.uri, index.range_of(span.offset, span.length, encoding_)));
    }
    // The other open documents, from their latest analyses (newer than their files).
    for (const auto& [uri, state] : states_) {
      if (uri == analysis.uri || !state.latest) continue;
      const DocumentAnalysis& other = *state.latest;
      for (const PersonMention* mention :
           other.analysis->facts<PeopleFacts>().mentions_of(*person)) {
        locations.push_back(protocol::location_json(
            uri, other.snapshot->index().range_of(mention->span.offset, mention->span.length,
                                                  encoding_)));
      }
    }
    // The workspace files that are not open.
    for (const auto& mention : mention_index_->mentions_of(*person, open_uris())) {
      locations.push_back(protocol::location_json(mention.uri, mention.range));
    }
    if (include_declaration) {
      const auto definition = person_definition(*analysis.analysis, *offset);
      if (definition && !definition->path.empty()) {
        locations.push_back(entry_location(definition->path, definition->line));
      }
    }
    return locations;
  });
}

void LspServer::on_document_symbol(const Json& id, const Json& params) {
  with_analysis(id, params, [this](DocumentAnalysis& analysis) {
    Json symbols = Json::array();
    const auto& index = analysis.snapshot->index();
    for (const DocumentPerson& person : document_people(*analysis.analysis)) {
      const Json range = to_json(index.range_of(person.span.offset, person.span.length, encoding_));
      if (hierarchical_symbols_) {
        symbols.push_back({{"name", person.name},
                           {"detail", person.detail},
                           {"kind", static_cast<int>(protocol::SymbolKind::Object)},
                           {"range", range},
                           {"selectionRange", range}});
      } else {
        symbols.push_back({{"name", person.name},
                           {"kind", static_cast<int>(protocol::SymbolKind::Object)},
                           {"location", {{"uri", analysis.uri}, {"range", range}}}});
      }
    }
    return symbols;
  });
}

void LspServer::on_workspace_symbol(const Json& id, const Json& params) {
  const std::string query = protocol::string_member(params, "query");
  Json symbols = Json::array();
  for (const PersonSymbol& person :
       search_people(*workspace_->knowledge_base(), query, kMaxWorkspaceSymbols)) {
    if (person.path.empty()) continue;
    symbols.push_back({{"name", person.name},
                       {"kind", static_cast<int>(protocol::SymbolKind::Object)},
                       {"containerName", person.detail},
                       {"location", entry_location(person.path, person.line)}});
  }
  reply(id, std::move(symbols));
}

}  // namespace histlint

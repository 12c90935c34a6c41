#include "server/diagnostics.h"

#include <algorithm>
#include <map>
#include <memory>

#include "protocol/lsp.h"
#include "protocol/uri.h"
#include "server/file_text.h"

namespace histlint {

using protocol::Json;

namespace {

// Other documents' texts by path, read from disk on first use unless open in the editor.
class OtherTexts {
 public:
  explicit OtherTexts(const OpenTexts& open) : open_(open) {}
  // Null when the file cannot be read.
  const OpenText* find(const std::string& path) {
    if (const auto it = open_.find(path); it != open_.end()) return &it->second;
    auto [it, inserted] = read_.try_emplace(path);
    if (inserted) {
      auto text = read_file_text(path);
      it->second =
          OpenText{protocol::uri_from_path(path),
                   text ? std::make_shared<const TextSnapshot>(std::move(*text)) : nullptr};
    }
    return it->second.snapshot ? &it->second : nullptr;
  }

 private:
  const OpenTexts& open_;
  std::map<std::string, OpenText> read_;
};

Json diagnostic_json(const Finding& finding, const TextSnapshot& snapshot, const std::string& uri,
                     const DiagnosticOptions& options, OtherTexts& other_texts) {
  Json diagnostic{
      {"range", to_json(snapshot.index().range_of(finding.span.offset, finding.span.length,
                                                  options.encoding))},
      {"severity", static_cast<int>(finding.severity)},
      {"code", finding.rule},
      {"source", "histlint"},
      {"message", finding.message},
  };
  if (!options.related_information || finding.related.empty()) return diagnostic;
  Json related = Json::array();
  for (const Related& r : finding.related) {
    const TextSnapshot* target = &snapshot;
    std::string target_uri = uri;
    if (!r.path.empty()) {
      const OpenText* other = other_texts.find(r.path);
      if (!other) continue;
      target = other->snapshot.get();
      target_uri = other->uri;
    }
    related.push_back(
        {{"location",
          protocol::location_json(target_uri, target->index().range_of(r.span.offset, r.span.length,
                                                                       options.encoding))},
         {"message", r.message}});
  }
  if (!related.empty()) diagnostic["relatedInformation"] = std::move(related);
  return diagnostic;
}

bool overlaps(Span a, Span b) {
  // Touching counts: a cursor right after a flagged word still offers its fix.
  return a.offset <= b.end() && b.offset <= a.end();
}

}  // namespace

Json diagnostics_json(const std::vector<Finding>& findings, const TextSnapshot& snapshot,
                      const std::string& uri, const DiagnosticOptions& options,
                      const OpenTexts& open) {
  Json diagnostics = Json::array();
  OtherTexts other_texts(open);
  const size_t shown = std::min(findings.size(), options.max_per_document);
  for (size_t i = 0; i < shown; ++i) {
    diagnostics.push_back(diagnostic_json(findings[i], snapshot, uri, options, other_texts));
  }
  if (shown < findings.size()) {
    const size_t more = findings.size() - shown;
    const Span first_left_out = findings[shown].span;
    diagnostics.push_back(
        {{"range", to_json(snapshot.index().range_of(first_left_out.offset, first_left_out.length,
                                                     options.encoding))},
         {"severity", static_cast<int>(Severity::Information)},
         {"code", "histlint/too-many-diagnostics"},
         {"source", "histlint"},
         {"message", std::to_string(more) + (more == 1 ? " more finding" : " more findings") +
                         " from here on not shown: the editor shows at most " +
                         std::to_string(options.max_per_document) +
                         " per document (histlint lsp --max-diagnostics); histlint check lists "
                         "them all"}});
  }
  return diagnostics;
}

Json code_actions_json(const std::vector<Finding>& findings, Span range,
                       const TextSnapshot& snapshot, const std::string& uri,
                       std::optional<int64_t> version, const DiagnosticOptions& options) {
  Json actions = Json::array();
  const OpenTexts none;
  OtherTexts other_texts(none);
  for (const Finding& finding : findings) {
    if (finding.fixes.empty() || !overlaps(finding.span, range)) continue;
    const Json diagnostic = diagnostic_json(finding, snapshot, uri, options, other_texts);
    for (const Fix& fix : finding.fixes) {
      Json edits = Json::array();
      for (const TextEdit& edit : fix.edits) {
        edits.push_back({{"range", to_json(snapshot.index().range_of(
                                       edit.span.offset, edit.span.length, options.encoding))},
                         {"newText", edit.replacement}});
      }
      Json workspace_edit;
      if (version) {
        workspace_edit["documentChanges"] = Json::array(
            {{{"textDocument", {{"uri", uri}, {"version", *version}}}, {"edits", edits}}});
      } else {
        workspace_edit["changes"] = {{uri, edits}};
      }
      Json action{{"title", fix.title},
                  {"kind", "quickfix"},
                  {"diagnostics", Json::array({diagnostic})},
                  {"edit", std::move(workspace_edit)}};
      if (finding.fixes.size() == 1) action["isPreferred"] = true;
      actions.push_back(std::move(action));
    }
  }
  return actions;
}

}  // namespace histlint

// Findings as LSP diagnostics and code actions.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "protocol/jsonrpc.h"
#include "protocol/positions.h"
#include "rules/finding.h"
#include "server/document_store.h"

namespace histlint {

struct DiagnosticOptions {
  protocol::PositionEncoding encoding = protocol::PositionEncoding::Utf16;
  bool related_information = true;  // the client shows relatedInformation
  // Past this many findings a document gets one diagnostic saying how many more there are: an
  // editor slows to a crawl on tens of thousands. `histlint check` reports are not capped.
  size_t max_per_document = kDefaultMaxDiagnostics;
  static constexpr size_t kDefaultMaxDiagnostics = 1000;
};

// A document open in the editor, by its path (Analysis::path), so that related information in
// it points at the text the editor shows, not at the file on disk.
struct OpenText {
  std::string uri;
  std::shared_ptr<const TextSnapshot> snapshot;
};
using OpenTexts = std::map<std::string, OpenText>;

// LSP Diagnostic[] for the findings of one document version, the first max_per_document of them
// and then one saying how many were left out. Related spans in other documents
// are located in `open` when it has them, else by reading the files; ones that cannot be read
// are left out.
protocol::Json diagnostics_json(const std::vector<Finding>& findings, const TextSnapshot& snapshot,
                                const std::string& uri, const DiagnosticOptions& options,
                                const OpenTexts& open = {});

// Quick-fix code actions for the findings overlapping `range` (byte span), each fix a
// WorkspaceEdit. With `version`, edits use documentChanges so a stale edit is refused.
protocol::Json code_actions_json(const std::vector<Finding>& findings, Span range,
                                 const TextSnapshot& snapshot, const std::string& uri,
                                 std::optional<int64_t> version, const DiagnosticOptions& options);

}  // namespace histlint

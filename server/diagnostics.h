// Findings as LSP diagnostics and code actions.
#pragma once

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
};

// LSP Diagnostic[] for the findings of one document version. Related spans in other files are
// located by reading those files; ones that cannot be read are left out.
protocol::Json diagnostics_json(const std::vector<Finding>& findings, const TextSnapshot& snapshot,
                                const std::string& uri, const DiagnosticOptions& options);

// Quick-fix code actions for the findings overlapping `range` (byte span), each fix a
// WorkspaceEdit. With `version`, edits use documentChanges so a stale edit is refused.
protocol::Json code_actions_json(const std::vector<Finding>& findings, Span range,
                                 const TextSnapshot& snapshot, const std::string& uri,
                                 std::optional<int64_t> version, const DiagnosticOptions& options);

}  // namespace histlint

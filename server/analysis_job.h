// One analysis of one document version, run on a worker thread and kept for hover and code
// actions until a newer version's analysis replaces it.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "protocol/jsonrpc.h"
#include "rules/analysis.h"
#include "rules/engine.h"
#include "rules/finding.h"
#include "rules/text/document.h"
#include "server/diagnostics.h"
#include "server/document_store.h"
#include "server/workspace.h"

namespace histlint {

// What the analyses of one open document keep from one version to the next.
struct DocumentMemory {
  ParagraphCache paragraphs;
  // The knowledge base the cached findings were made with, kept alive so that no other knowledge
  // base takes its address, by which the cache tells them apart.
  std::shared_ptr<const KnowledgeBase> kb;
};

struct AnalysisInput {
  std::string uri;
  int64_t version = 0;
  std::string language_id;
  std::shared_ptr<const TextSnapshot> snapshot;
  DiagnosticOptions diagnostic_options;
  // The workspace's other open documents: their dated events and their texts.
  Analysis::OtherDocuments other_documents;
  OpenTexts open_texts;
  // Set when the result is no longer wanted; the analysis then stops early.
  const std::atomic<bool>* superseded = nullptr;
  // Kept across versions; null to analyse from scratch. One analysis at a time uses it.
  std::shared_ptr<DocumentMemory> memory;
};

// Owns everything the Analysis refers to, so they live and die together. Only one thread uses
// it at a time: the worker that builds it, then the server thread it is handed to.
struct DocumentAnalysis {
  std::string uri;
  int64_t version = 0;
  std::shared_ptr<const TextSnapshot> snapshot;
  Workspace::Settings settings;
  std::unique_ptr<const Document> document;
  std::unique_ptr<const Analysis> analysis;  // refers to document, settings.options, settings.kb
  std::vector<Finding> findings;
  protocol::Json diagnostics;  // LSP Diagnostic[]
  // Its dated events, for comparing the other open documents with this one.
  std::shared_ptr<const DocumentClaims> claims;
  std::chrono::microseconds elapsed{0};
};

// The language of a document: its languageId when it names one ("markdown", "plaintext"), else
// guessed from the file name.
Language language_of(const std::string& language_id, const std::string& uri);

// The path an analysis names the document by: the file's path, or the URI when it has none.
std::string analysis_path(const std::string& uri);

// Resolves the document's settings and runs every rule. Never throws for bad text. Null when
// the input was superseded before the analysis finished.
std::shared_ptr<DocumentAnalysis> analyze_document(const AnalysisInput& input,
                                                   Workspace& workspace);

}  // namespace histlint

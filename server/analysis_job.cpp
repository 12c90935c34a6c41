#include "server/analysis_job.h"

#include "protocol/uri.h"
#include "rules/engine.h"
#include "rules/extract/date_events.h"

namespace histlint {

Language language_of(const std::string& language_id, const std::string& uri) {
  if (language_id == "markdown") return Language::Markdown;
  if (language_id == "plaintext") return Language::PlainText;
  return language_for_path(uri);
}

std::string analysis_path(const std::string& uri) {
  return protocol::path_from_uri(uri).value_or(uri);
}

std::shared_ptr<DocumentAnalysis> analyze_document(const AnalysisInput& input,
                                                   Workspace& workspace) {
  const auto started = std::chrono::steady_clock::now();
  auto result = std::make_shared<DocumentAnalysis>();
  result->uri = input.uri;
  result->version = input.version;
  result->snapshot = input.snapshot;
  const auto path = protocol::path_from_uri(input.uri);
  result->settings =
      workspace.resolve(path ? std::optional<std::filesystem::path>(*path) : std::nullopt);
  result->document = std::make_unique<const Document>(input.snapshot->text(),
                                                      language_of(input.language_id, input.uri));
  auto analysis = std::make_unique<Analysis>(*result->document, *result->settings.options,
                                             *result->settings.kb, path.value_or(input.uri));
  analysis->set_other_documents(input.other_documents);
  analysis->set_cancellation(input.superseded);
  result->analysis = std::move(analysis);
  if (!result->settings.excluded) {
    ParagraphCache* paragraphs = nullptr;
    if (input.memory) {
      input.memory->kb = result->settings.kb;
      paragraphs = &input.memory->paragraphs;
    }
    result->findings = run_rules(*result->analysis, RuleRegistry::builtin(), paragraphs);
    if (result->analysis->cancelled()) return nullptr;
    result->claims = std::make_shared<const DocumentClaims>(DocumentClaims::of(*result->analysis));
  }
  result->diagnostics = diagnostics_json(result->findings, *input.snapshot, input.uri,
                                         input.diagnostic_options, input.open_texts);
  result->elapsed = std::chrono::duration_cast<std::chrono::microseconds>(
      std::chrono::steady_clock::now() - started);
  return result;
}

}  // namespace histlint

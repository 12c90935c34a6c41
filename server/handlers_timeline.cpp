// histlint/timeline: the timeline of an open document (rules/queries/timeline.h) as JSON, with
// the HTML page too when the client asks for it ({"html": true}), for an editor's web view. The
// answer reads the facts the document's last analysis extracted and is written as text, not
// built as a Json (build_timeline, timeline_json).
#include <sstream>

#include "protocol/lsp.h"
#include "rules/queries/timeline.h"
#include "server/json_text.h"
#include "server/lsp_server.h"
#include "server/timeline_report.h"

namespace histlint {

using protocol::Json;

void LspServer::on_timeline(const Json& id, const Json& params) {
  const Json* html = protocol::optional_member(params, "html");
  const bool with_html = html && html->is_boolean() && html->get<bool>();
  with_analysis(id, params, [this, with_html](DocumentAnalysis& analysis) -> AnalysisResult {
    const Analysis& facts = *analysis.analysis;
    Timeline timeline = build_timeline(facts, analysis.findings);
    JsonText leading;
    leading.key("uri").string(analysis.uri).raw(",").key("version").number(analysis.version);
    if (with_html) {
      std::ostringstream page;
      write_timeline_html(
          {{facts.path(), std::string(facts.doc().text()), timeline, analysis.findings}},
          facts.path(), page);
      leading.raw(",").key("html").string(page.str());
    }
    leading.raw(",");
    return SerializedResult{timeline_json(timeline, analysis.findings, facts.path(),
                                          analysis.snapshot->index(), encoding_, leading.text())};
  });
}

}  // namespace histlint

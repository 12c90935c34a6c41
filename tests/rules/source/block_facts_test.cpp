// The Document-scope source rules keep their per-block work in the engine's block-fact store, so
// that an edit recomputes it for the edited paragraph only, with the same findings as a fresh run.
#include <doctest/doctest.h>

#include <string>

#include "rules/engine.h"
#include "rules/kb/knowledge_base.h"
#include "source_test_util.h"

using namespace histlint;

namespace {

std::string describe(const std::vector<Finding>& findings) {
  std::string out;
  for (const Finding& f : findings) {
    out += std::to_string(f.span.offset) + ":" + std::to_string(f.span.length) + " " + f.message +
           "\n";
  }
  return out;
}

std::string findings_of(const std::string& text, const RuleRegistry& registry,
                        ParagraphCache* cache) {
  const Document doc(text, Language::Markdown);
  const Options options;
  const KnowledgeBase kb;
  const Analysis analysis(doc, options, kb);
  return describe(run_rules(analysis, registry, cache));
}

}  // namespace

TEST_CASE("source block facts: an edit recomputes the edited paragraph's only") {
  for (const RuleDef* rule :
       {&source_rules::unsourced_statistic(), &source_rules::likely_needs_citation()}) {
    CAPTURE(rule->info.id);
    RuleRegistry registry;
    registry.add(*rule);
    std::string text;
    for (int i = 0; i < 6; ++i) {
      text += "In district " + std::to_string(i) +
              " the magistrates reportedly arrested 240 weavers in a single night.\n\n";
    }
    const size_t blocks = Document(text, Language::Markdown).blocks().size();
    ParagraphCache cache;
    const std::string first = findings_of(text, registry, &cache);
    // Each block's source facts, and the citations of every block but the first, which has no line
    // break before it and is scanned afresh each time.
    const size_t computed_first = cache.block_facts().computed();
    CHECK(computed_first == 2 * blocks - 1);
    CHECK(first == findings_of(text, registry, nullptr));

    // A quotation mark opened in the edited paragraph changes nothing the others computed.
    text.insert(text.find("In district 3") + 13, " (a “quiet” place)");
    const std::string edited = findings_of(text, registry, &cache);
    CHECK(cache.block_facts().computed() == computed_first + 2);  // the edited paragraph's two
    CHECK(edited == findings_of(text, registry, nullptr));
  }
}

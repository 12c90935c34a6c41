// source/missing-footnote: Markdown footnote references with no definition, and definitions that
// are never referenced, defined twice or left empty.
#include <unordered_map>
#include <unordered_set>

#include "rules/extract/citations.h"
#include "rules/source/claims.h"
#include "rules/source/source_rules.h"

namespace histlint::source_rules {

namespace {

void check(const Analysis& analysis, std::vector<Finding>& out) {
  const Document& doc = analysis.doc();
  if (doc.language() != Language::Markdown) return;
  const auto& facts = analysis.facts<CitationFacts>();

  std::unordered_map<std::string, const FootnoteDefinition*> defined;
  for (const auto& def : facts.footnote_definitions) {
    auto [it, inserted] = defined.emplace(def.label, &def);
    if (!inserted) {
      Finding f;
      f.severity = Severity::Warning;
      f.span = def.marker;
      f.message = "footnote [^" + def.label +
                  "] is defined twice; renderers use the first "
                  "definition, on line " +
                  std::to_string(doc.line_of(it->second->marker.offset) + 1);
      f.related.push_back({"", it->second->marker, "first definition of [^" + def.label + "]"});
      out.push_back(std::move(f));
    }
  }
  std::unordered_set<std::string> referenced;
  for (const auto& ref : facts.footnote_references) referenced.insert(ref.label);
  std::unordered_set<std::string> reported;
  for (const auto& ref : facts.footnote_references) {
    if (defined.count(ref.label)) continue;
    Finding f;
    f.severity = Severity::Warning;
    f.span = ref.span;
    f.message = "footnote reference " + std::string(doc.slice(ref.span)) + " has no definition";
    // One fix per label: the first reference gets it, the others point at the same gap.
    if (reported.insert(ref.label).second) {
      const std::string label(doc.slice(ref.span).substr(2, ref.span.length - 3));
      f.fixes.push_back({"Add an empty definition for [^" + label + "] at the end",
                         {{{doc.text().size(), 0}, appended_footnote_definition(doc, label)}}});
    }
    out.push_back(std::move(f));
  }
  for (const auto& def : facts.footnote_definitions) {
    if (defined[def.label] != &def) continue;  // the duplicate was reported above
    const bool used = referenced.count(def.label) > 0;
    if (!used) {
      out.push_back({"",
                     Severity::Hint,
                     def.marker,
                     "footnote [^" + def.label + "] is defined but never referenced",
                     {},
                     {}});
    } else if (def.empty) {
      out.push_back({"",
                     Severity::Hint,
                     def.marker,
                     "footnote [^" + def.label + "] has an empty definition: add the source",
                     {},
                     {}});
    }
  }
}

}  // namespace

const RuleDef& missing_footnote() {
  static const RuleDef rule{
      {"source/missing-footnote", "A Markdown footnote reference with no definition.",
       "A reference such as [^3] whose definition ([^3]: …) is missing renders as literal text "
       "and leaves the claim it marks without its source. The rule reports each undefined "
       "reference (with a fix that adds an empty definition at the end), a label defined twice, "
       "and, as hints, definitions that nothing references or that are still empty.",
       "Trotsky arrived in Mexico in January 1937.[^3]", Severity::Warning, true},
      &check};
  return rule;
}

}  // namespace histlint::source_rules

// Date and people facts are extracted per block and kept across edits: an edit re-extracts only
// the block it changed, and the document-level facts built from the cached blocks equal those of
// a from-scratch analysis.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "rules/engine.h"
#include "rules/extract/dates.h"
#include "rules/extract/people.h"
#include "server/kb_files.h"

using namespace histlint;
namespace fs = std::filesystem;

namespace {

// The date rules only: they read the date facts and the people facts.
RuleRegistry date_registry() {
  RuleRegistry registry;
  for (const RuleDef& rule : RuleRegistry::builtin().rules()) {
    if (rule.info.id.starts_with("date/")) registry.add(rule);
  }
  return registry;
}

std::string describe(const std::vector<Finding>& findings) {
  std::ostringstream out;
  for (const Finding& f : findings) {
    out << f.rule << " " << f.span.offset << "+" << f.span.length << " " << f.message << "\n";
  }
  return out.str();
}

std::string findings_of(const std::string& text, const RuleRegistry& registry,
                        ParagraphCache* cache) {
  const Document doc(text, Language::Markdown);
  const Options options;
  const Analysis analysis(doc, options, bundled_knowledge_base(), "history.md");
  return describe(run_rules(analysis, registry, cache));
}

std::string describe(const DateFacts& facts) {
  std::ostringstream out;
  for (const DateMention& d : facts.dates) {
    out << "date " << d.span.offset << "+" << d.span.length << " " << d.value.display() << " v"
        << d.value_span.offset << " e" << d.end_span.offset << "+" << d.end_span.length << " a"
        << d.alternate_span.offset << " w" << d.weekday_span.offset << " s" << d.sentence << " b"
        << d.block << " r" << d.in_references << "\n";
  }
  for (const RelativeMention& r : facts.relatives) {
    out << "relative " << r.span.offset << "+" << r.span.length << " s" << r.sentence << "\n";
  }
  for (const AgeMention& a : facts.ages) {
    out << "age " << a.span.offset << " " << a.age << " s" << a.sentence << "\n";
  }
  for (const AnniversaryMention& a : facts.anniversaries) {
    out << "anniversary " << a.span.offset << " o" << a.object_span.offset << "+"
        << a.object_span.length << " s" << a.sentence << "\n";
  }
  for (const DeicticMention& m : facts.deictics) {
    out << "deictic " << m.span.offset << " s" << m.sentence << "\n";
  }
  out << "old style " << facts.mentions_old_style << "\n";
  return out.str();
}

// Several paragraphs, each with people, dates and ages; the first three name the same person.
std::string history() {
  return "# The engineer\n\n"
         "Isambard Kingdom Brunel (9 April 1806 – 15 September 1859) built railways. At the age "
         "of 20 he worked on a tunnel under the river.\n\n"
         "In 1833 he became chief engineer of a new railway; two years later he planned a "
         "steamship.\n\n"
         "Brunel's ship was launched on Tuesday, 19 July 1843, and on 10 February 1697/8 [O.S.] "
         "nothing happened at all.\n\n"
         "Yesterday the museum marked the 150th anniversary of his death.\n\n"
         "## References\n\n"
         "Rolt, L. T. C. (1957). A biography of the engineer.\n";
}

// The date corpora: texts written for the date rules, with people, ages and conflicts.
std::vector<std::string> date_corpus_texts() {
  std::vector<fs::path> files;
  for (const char* family : {"date", "heldout-date"}) {
    const fs::path dir = fs::path(HISTLINT_SOURCE_DIR) / "tests" / "corpus" / family;
    for (const auto& entry : fs::directory_iterator(dir)) {
      const auto ext = entry.path().extension();
      if (ext == ".md" || ext == ".txt") files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  std::vector<std::string> texts;
  for (const auto& file : files) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    texts.push_back(text.str());
  }
  return texts;
}

}  // namespace

TEST_CASE("date findings after edits through the cache equal a from-scratch analysis") {
  // Edits that change what crosses paragraphs: a birth year, a paragraph split that moves a
  // person's introduction away from their pronouns, and a merge that joins them again.
  const RuleRegistry registry = date_registry();
  const std::vector<std::string> texts = date_corpus_texts();
  REQUIRE(texts.size() > 10);
  for (const std::string& original : texts) {
    std::string text = original;
    ParagraphCache cache;
    findings_of(text, registry, &cache);
    const auto check = [&](const char* step) {
      INFO(step, ", text:\n", text);
      REQUIRE(findings_of(text, registry, &cache) == findings_of(text, registry, nullptr));
    };
    if (const size_t year = text.find("18"); year != std::string::npos) {
      text[year + 1] = '9';
      check("a year changed");
    }
    if (const size_t stop = text.find(". ", text.size() / 3); stop != std::string::npos) {
      text.replace(stop + 1, 1, "\n\n");
      check("a paragraph split");
      text.replace(stop + 1, 2, " ");
      check("the split undone");
    }
    if (const size_t gap = text.find("\n\n"); gap != std::string::npos) {
      text.replace(gap, 2, " ");
      check("two paragraphs merged");
    }
    text.insert(0, "He died at the age of 12 in 1950.\n\n");
    check("a paragraph added before the rest");
  }
}

TEST_CASE("date facts placed from cached blocks equal the facts of the whole document") {
  const std::string text = history();
  const Document doc(text, Language::Markdown);
  const Options options;
  const Analysis analysis(doc, options, bundled_knowledge_base(), "history.md");
  analysis.use_block_store(std::make_shared<BlockFactStore>());
  const std::string placed = describe(analysis.facts<DateFacts>());
  CHECK(placed == describe(DateFacts::extract(doc)));
  CHECK(placed.find("r1") != std::string::npos);  // the reference section's date is marked
}

TEST_CASE("an edit re-extracts the date and people facts of the edited paragraph only") {
  const RuleRegistry registry = date_registry();
  std::string text = history();
  ParagraphCache cache;
  findings_of(text, registry, &cache);
  const size_t first = cache.block_facts().computed();
  CHECK(first > 0);

  // Same text again: every block's facts are reused.
  findings_of(text, registry, &cache);
  CHECK(cache.block_facts().computed() == first);

  // One paragraph changed: its date facts and its name words are extracted again, nothing else.
  text.insert(text.find("became chief"), "soon ");
  const std::string edited = findings_of(text, registry, &cache);
  CHECK(cache.block_facts().computed() == first + 2);
  CHECK(edited == findings_of(text, registry, nullptr));

  // An age that contradicts the birth date stated in the paragraph before: the document step
  // links it to the person from that paragraph's cached facts.
  text.insert(text.find("In 1833") + 7, ", at the age of 45,");
  const std::string contradicted = findings_of(text, registry, &cache);
  CHECK(cache.block_facts().computed() == first + 4);
  CHECK(contradicted.find("date/age-mismatch") != std::string::npos);
  CHECK(contradicted == findings_of(text, registry, nullptr));
}

TEST_CASE("a block that moves into a reference section is extracted again") {
  const RuleRegistry registry = date_registry();
  std::string text = "Charles Darwin sailed in 1831.\n\nHe returned in 1836.\n";
  ParagraphCache cache;
  findings_of(text, registry, &cache);
  const size_t first = cache.block_facts().computed();
  text.insert(text.find("He returned"), "## Sources\n\n");
  findings_of(text, registry, &cache);
  // The heading is new, and the paragraph under it, unchanged in text, is now in references.
  CHECK(cache.block_facts().computed() == first + 4);
}

TEST_CASE("an analysis hashes each block once, however many fact types and rules read it") {
  const std::string text = history();
  const Document doc(text, Language::Markdown);
  const Options options;
  const Analysis analysis(doc, options, bundled_knowledge_base(), "history.md");
  CHECK(analysis.blocks_hashed() == 0);
  ParagraphCache cache;
  // Every rule: paragraph-scope rules through the cache, date, people and source block facts.
  run_rules(analysis, RuleRegistry::builtin(), &cache);
  CHECK(cache.block_facts().computed() > doc.blocks().size());  // several fact types per block
  CHECK(analysis.blocks_hashed() == doc.blocks().size());
}

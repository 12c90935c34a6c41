// The paragraph cache: findings reused across edits must equal a from-scratch analysis, and an
// edit in one paragraph rescans only that paragraph.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "rules/engine.h"
#include "rules/kb/knowledge_base.h"
#include "server/kb_files.h"

using namespace histlint;
namespace fs = std::filesystem;

namespace {

// The built-in paragraph-scope rules, with document-scope rules beside them so that the cached
// findings are merged with findings computed whole, and so that the citations placed from
// per-block facts (read by the two source rules) are checked too.
RuleRegistry sampled_registry() {
  RuleRegistry registry;
  for (const RuleDef& rule : RuleRegistry::builtin().rules()) {
    if (rule.info.scope == RuleScope::Paragraph || rule.info.id == "garble/spam" ||
        rule.info.id == "source/missing-footnote" || rule.info.id == "source/unsourced-quotation") {
      registry.add(rule);
    }
  }
  return registry;
}

std::string describe(const std::vector<Finding>& findings) {
  std::ostringstream out;
  for (const Finding& f : findings) {
    out << f.rule << " " << static_cast<int>(f.severity) << " " << f.span.offset << "+"
        << f.span.length << " " << f.message;
    for (const Fix& fix : f.fixes) {
      out << " | " << fix.title;
      for (const TextEdit& edit : fix.edits) {
        out << " " << edit.span.offset << "+" << edit.span.length << "=" << edit.replacement;
      }
    }
    for (const Related& r : f.related) out << " @" << r.path << ":" << r.span.offset;
    out << "\n";
  }
  return out.str();
}

std::string findings_of(const std::string& text, const RuleRegistry& registry,
                        ParagraphCache* cache, const Options& options = {}) {
  const Document doc(text, Language::Markdown);
  const Analysis analysis(doc, options, bundled_knowledge_base(), "history.md");
  return describe(run_rules(analysis, registry, cache));
}

std::string read(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The project's corpora, and the shared seeds and real texts when they are there.
std::vector<std::string> corpus_texts() {
  std::vector<fs::path> roots = {fs::path(HISTLINT_SOURCE_DIR) / "tests" / "corpus"};
  for (const char* shared : {"seeds", "realtext"}) {
    const fs::path dir = fs::path(HISTLINT_SHARED_DIR) / shared;
    if (fs::is_directory(dir)) roots.push_back(dir);
  }
  std::vector<fs::path> files;
  for (const auto& root : roots) {
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
      const auto ext = entry.path().extension();
      if (entry.is_regular_file() && (ext == ".md" || ext == ".txt")) files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  std::vector<std::string> texts;
  for (const auto& file : files) texts.push_back(read(file));
  return texts;
}

bool is_continuation(const std::string& text, size_t at) {
  return at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80;
}

// Moves a byte offset back to the start of the character it is in.
size_t char_start(const std::string& text, size_t at) {
  while (at > 0 && is_continuation(text, at)) --at;
  return at;
}

size_t char_end(const std::string& text, size_t at) {
  while (is_continuation(text, at)) ++at;
  return at;
}

// Random edits of the kinds typing makes, kept valid UTF-8.
class Editor {
 public:
  explicit Editor(unsigned seed) : random_(seed) {}

  size_t below(size_t n) { return n == 0 ? 0 : random_() % n; }

  void edit(std::string& text) {
    static const char* const kInserts[] = {"tbe ",
                                           "Ã©",
                                           "é",
                                           "—",
                                           "\n\n",
                                           "Trotsky ",
                                           "1937",
                                           "revo- lution ",
                                           "â€™",
                                           "\xEF\xBF\xBD",
                                           "ﬁ",
                                           "\n",
                                           "# ",
                                           "- ",
                                           "> ",
                                           "tlie ",
                                           "<!-- histlint-disable-next-line garble -->\n",
                                           "BUY NOW!!! call 504-528-1944 ",
                                           "𝔄"};
    const size_t at = char_start(text, below(text.size() + 1));
    switch (below(5)) {
      case 0:  // type something
        text.insert(at, kInserts[below(std::size(kInserts))]);
        break;
      case 1: {  // delete a stretch
        const size_t end = char_end(text, std::min(text.size(), at + 1 + below(40)));
        text.erase(at, end - at);
        break;
      }
      case 2: {  // split a paragraph at a space
        const size_t space = text.find(' ', at);
        if (space != std::string::npos) text.replace(space, 1, "\n\n");
        break;
      }
      case 3: {  // merge two paragraphs
        const size_t gap = text.find("\n\n", at);
        if (gap != std::string::npos) text.replace(gap, 2, " ");
        break;
      }
      default: {  // replace a multi-byte character (an edit that starts inside one)
        size_t inside = at;
        while (inside < text.size() && static_cast<unsigned char>(text[inside]) < 0x80) ++inside;
        if (inside >= text.size()) inside = at;
        const size_t start = char_start(text, std::min(inside + 1, text.size()));
        const size_t end = char_end(text, std::min(text.size(), start + 1));
        text.replace(start, end - start, kInserts[1 + below(2)]);
      }
    }
  }

 private:
  std::mt19937 random_;
};

}  // namespace

TEST_CASE("per block, paragraph-scope rules find what they find over the whole document") {
  // The scope audit, checked on every corpus text: a rule wrongly declared paragraph scope
  // finds something else when it sees one block at a time.
  const RuleRegistry registry = sampled_registry();
  for (const std::string& text : corpus_texts()) {
    ParagraphCache cache;
    CHECK(findings_of(text, registry, &cache) == findings_of(text, registry, nullptr));
  }
}

TEST_CASE("findings after random edit sequences equal a from-scratch analysis") {
  const RuleRegistry registry = sampled_registry();
  const std::vector<std::string> texts = corpus_texts();
  REQUIRE(!texts.empty());
  Editor editor(20240611);
  constexpr int kSequences = 1000;
  for (int sequence = 0; sequence < kSequences; ++sequence) {
    // A window of a corpus text, a few paragraphs long, so that the test stays fast.
    const std::string& source = texts[editor.below(texts.size())];
    const size_t from = char_start(source, editor.below(source.size()));
    const size_t paragraph = source.rfind("\n\n", from);
    const size_t begin = paragraph == std::string::npos ? 0 : paragraph + 2;
    const size_t end = char_end(source, std::min(source.size(), begin + 600 + editor.below(1400)));
    std::string text = source.substr(begin, end - begin);
    ParagraphCache cache;
    findings_of(text, registry, &cache);
    const size_t edits = 1 + editor.below(6);
    for (size_t e = 0; e < edits; ++e) {
      editor.edit(text);
      findings_of(text, registry, &cache);
    }
    INFO("sequence ", sequence, ", final text:\n", text);
    REQUIRE(findings_of(text, registry, &cache) == findings_of(text, registry, nullptr));
  }
}

TEST_CASE("an edit in one paragraph rescans only that paragraph") {
  const RuleRegistry registry = sampled_registry();
  std::string text = "# Title\n\n";
  for (int i = 0; i < 8; ++i) {
    text += "Paragraph " + std::to_string(i) + ": tbe Bolsheviks tlien seized power.\n\n";
  }
  const size_t blocks = Document(text, Language::Markdown).blocks().size();
  REQUIRE(blocks == 9);
  ParagraphCache cache;
  findings_of(text, registry, &cache);
  CHECK(cache.blocks_scanned() == blocks);
  CHECK(cache.blocks_reused() == 0);

  text.insert(text.find("Paragraph 4") + 10, "four");
  findings_of(text, registry, &cache);
  CHECK(cache.blocks_scanned() == blocks + 1);
  CHECK(cache.blocks_reused() == blocks - 1);

  SUBCASE("other options rescan every block") {
    Options options;
    options.rules.push_back({"garble/ocr-noise", "error"});
    findings_of(text, registry, &cache, options);
    CHECK(cache.blocks_scanned() == 2 * blocks + 1);
  }
  SUBCASE("a paragraph split rescans the two halves") {
    text.replace(text.find(": tbe", text.find("Paragraph 6")), 1, "\n\n");
    findings_of(text, registry, &cache);
    CHECK(cache.blocks_scanned() == blocks + 3);
  }
}

TEST_CASE("an edit recomputes the shared OCR facts of the edited paragraph only") {
  // ocr-noise per block and spun-text over the whole document read the same per-block facts.
  RuleRegistry registry;
  for (const RuleDef& rule : RuleRegistry::builtin().rules()) {
    if (rule.info.id == "garble/ocr-noise" || rule.info.id == "garble/spun-text") {
      registry.add(rule);
    }
  }
  std::string text;
  for (int i = 0; i < 6; ++i) {
    text += "Section " + std::to_string(i) + " says tbe harvest faild in tlie north.\n\n";
  }
  const size_t prose_blocks = Document(text, Language::Markdown).blocks().size();
  ParagraphCache cache;
  const std::string first = findings_of(text, registry, &cache);
  CHECK(cache.block_facts().computed() == prose_blocks);

  text.insert(text.find("Section 3") + 9, "b");
  const std::string edited = findings_of(text, registry, &cache);
  CHECK(cache.block_facts().computed() == prose_blocks + 1);
  CHECK(edited == findings_of(text, registry, nullptr));
  CHECK(first != edited);
}

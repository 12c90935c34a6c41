#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <vector>

#include "rules/analysis.h"
#include "rules/extract/citation_quotes.h"
#include "rules/extract/citations.h"
#include "rules/kb/knowledge_base.h"
#include "rules/text/document.h"

using namespace histlint;

namespace {

struct Extracted {
  std::string text;
  CitationFacts facts;

  // The citations found, joined with " | " so that a failure shows them.
  std::string cited() const {
    std::string out;
    for (const auto& c : facts.citations) {
      if (!out.empty()) out += " | ";
      out += text.substr(c.span.offset, c.span.length);
    }
    return out;
  }
  std::vector<CitationKind> kinds() const {
    std::vector<CitationKind> out;
    for (const auto& c : facts.citations) out.push_back(c.kind);
    return out;
  }
  // Whether a citation supports the first occurrence of `claim`.
  bool supports(const std::string& claim) const {
    const size_t at = text.find(claim);
    REQUIRE(at != std::string::npos);
    return facts.supports({at, claim.size()});
  }
};

Extracted extract(const std::string& text, Language language = Language::Markdown,
                  CitationScope scope = CitationScope::Sentence) {
  const Document doc(text, language);
  Options options;
  options.citation_scope = scope;
  const KnowledgeBase kb;
  const Analysis analysis(doc, options, kb);
  return {text, CitationFacts::extract(analysis)};
}

}  // namespace

TEST_CASE("footnote references and definitions") {
  const auto e = extract(
      "He arrived in 1937.[^1] She stayed.[^Note-2]\n\n[^1]: Deutscher, p. 20.\n[^unused]:\n");
  CHECK(e.cited() == "[^1] | [^Note-2]");
  REQUIRE(e.facts.footnote_references.size() == 2);
  CHECK(e.facts.footnote_references[1].label == "note-2");
  REQUIRE(e.facts.footnote_definitions.size() == 2);
  CHECK(e.facts.footnote_definitions[0].label == "1");
  CHECK_FALSE(e.facts.footnote_definitions[0].empty);
  CHECK(e.facts.footnote_definitions[1].label == "unused");
  CHECK(e.facts.footnote_definitions[1].empty);
  CHECK(e.facts.next_footnote_number() == 2);
}

TEST_CASE("numeric references in every bracket form") {
  const auto e = extract(
      "One.[1] Two [1, p. 3]. Three[12]–[14]. Four.[2][3] Five [4–6]. Six [7: 45]. A note[a]. "
      "Seven families [8].");
  CHECK(e.cited() == "[1] | [1, p. 3] | [12] | [14] | [2] | [3] | [4–6] | [7: 45] | [a] | [8]");
  for (auto kind : e.kinds()) CHECK(kind == CitationKind::Numeric);
}

TEST_CASE("brackets that are not citations") {
  const auto e = extract(
      "He said [sic] that [the party] would win.\n\n- [x] done\n\nA year [1917] alone, a "
      "[link](#top) aside, a lettered [b] apart.");
  // Only the link counts: "[sic]", "[the party]", the task box, "[1917]" and a letter standing
  // apart are not references.
  CHECK(e.cited() == "[link](#top)");
}

TEST_CASE("superscripts and markup references") {
  const auto e = extract(
      "Trotsky arrived.¹² The area was 5 km² in all. It fell.<sup>3</sup> The 1<sup>st</sup> "
      "army. A claim.<ref>Deutscher 1954</ref> Another.{{sfn|Service|2009|p=12}}");
  CHECK(e.cited() == "¹² | <sup>3</sup> | <ref>Deutscher 1954</ref> | {{sfn|Service|2009|p=12}}");
}

TEST_CASE("author-year references in parentheses and brackets") {
  const auto e = extract(
      "A (Deutscher 1954, p. 20). B (Service 2009). C (Broué 1988: 51). D [Carr 1950, p. 17]. "
      "E (ibid.). F (Ibid., p. 4). G (p. 20). H (pp. 112–19). I (Carr and Davies 1969). "
      "J (see van Ree 2002; Service 2009). K (Deutscher, p. 20). L (Carr et al. 1969a).");
  INFO(e.cited());
  CHECK(e.facts.citations.size() == 12);
  for (auto kind : e.kinds()) CHECK(kind == CitationKind::AuthorYear);
}

TEST_CASE("a work with volume and page, the older way") {
  const auto e = extract(
      "A (Memoires de Mirabeau, v. 307.). B (in Histoire Parlementaire, ii. 103). "
      "C (see Lipsius, i. 4). D (Carlyle, Vol. III. 12). E (the Estates, June 5).");
  CHECK(e.cited() ==
        "(Memoires de Mirabeau, v. 307.) | (in Histoire Parlementaire, ii. 103) | "
        "(see Lipsius, i. 4) | (Carlyle, Vol. III. 12)");
}

TEST_CASE("a work named in underscores after in his") {
  const auto e = extract("The mason, in his _Survey of the Wards_, tells us the hall stood.");
  CHECK(e.cited() == "in his _S");
}

TEST_CASE("narrative author-year, but not dates in parentheses") {
  const auto e = extract(
      "Deutscher (1954) disagrees. Carr’s (1950, p. 17) view. He was removed from power (1927). "
      "The Civil War (1918) ended. He died (August 1940). Trotsky (1879–1940) wrote. Leon Trotsky "
      "(second right) and Lenin (aged 60).");
  CHECK(e.cited() == "Deutscher (1954) | Carr’s (1950, p. 17)");
}

TEST_CASE("links, reference links, autolinks, bare URLs and DOIs") {
  const auto e = extract(
      "See [the report](https://example.org/r.pdf \"Report\"). See [Carr][carr] and [Deutscher]. "
      "Also <https://example.org/a> and www.example.org/b and doi:10.1000/xyz123. "
      "![a photo](photo.jpg)\n\n[carr]: https://example.org/carr\n[deutscher]: "
      "https://example.org/d\n");
  CHECK(e.cited() ==
        "[the report](https://example.org/r.pdf \"Report\") | [Carr][carr] | [Deutscher] | "
        "<https://example.org/a> | www.example.org/b | doi:10.1000/xyz123");
}

TEST_CASE("plain text: bare URLs count, Markdown links do not exist") {
  const auto e = extract("It was reported at https://example.org/x in full.", Language::PlainText);
  CHECK(e.cited() == "https://example.org/x");
}

TEST_CASE("attributions to a named work or source") {
  const auto e = extract(
      "Trotsky wrote in *The Revolution Betrayed* that it was so. According to the Dewey "
      "Commission report, he was innocent. According to his memoirs, he left at once. In his "
      "autobiography, he says more. He wrote in December 1931 that fascism was near. According "
      "to some historians, it was fated.");
  CHECK(e.kinds() == std::vector<CitationKind>{CitationKind::Attribution, CitationKind::Attribution,
                                               CitationKind::Attribution,
                                               CitationKind::Attribution});
  CHECK(e.supports("it was so"));
  CHECK(e.supports("he was innocent"));
  CHECK_FALSE(e.supports("fascism was near"));
  CHECK_FALSE(e.supports("it was fated"));
}

TEST_CASE("attributions: what was recorded, then the work it was recorded in") {
  const auto e = extract(
      "She wrote to Pellow, who records the visit in his journal, that it was so. She noted it "
      "in her journal that he was innocent. He described the battle in the valley where it was "
      "fated.");
  CHECK(e.kinds() ==
        std::vector<CitationKind>{CitationKind::Attribution, CitationKind::Attribution});
  CHECK(e.supports("it was so"));
  CHECK(e.supports("he was innocent"));
  CHECK_FALSE(e.supports("it was fated"));
}

TEST_CASE("a citation supports the text before it, back to the previous citation") {
  const auto e = extract(
      "He commanded 5 million men. He faced 14 armies.[1] He jailed 300 people.\n\nA new "
      "paragraph with 40 dead.");
  CHECK(e.supports("5 million men"));
  CHECK(e.supports("14 armies"));
  CHECK_FALSE(e.supports("300 people"));
  CHECK_FALSE(e.supports("40 dead"));
}

TEST_CASE("paragraph scope: one citation covers its whole paragraph") {
  const auto e = extract("He faced 14 armies.[1] He jailed 300 people.\n\nAnother 40 dead.",
                         Language::Markdown, CitationScope::Paragraph);
  CHECK(e.supports("14 armies"));
  CHECK(e.supports("300 people"));
  CHECK_FALSE(e.supports("40 dead"));
}

TEST_CASE("a Source line supports the section above it") {
  const auto e = extract(
      "Intro with 12 claims.\n\n## Life\n\nHe had 20 jails.\n\nAnd 30 escapes.\n\nSource: "
      "Wikipedia\n\nAfter it, 40 more.\n",
      Language::Markdown);
  CHECK_FALSE(e.supports("12 claims"));
  CHECK(e.supports("20 jails"));
  CHECK(e.supports("30 escapes"));
  CHECK_FALSE(e.supports("40 more"));
  REQUIRE(e.kinds().size() == 1);
  CHECK(e.kinds()[0] == CitationKind::SourceLine);
}

TEST_CASE("plain text Source line under a title-like line") {
  const auto e = extract("Leon Trotsky\n\nHe led 5 million fighters.\n\nSource: Wikipedia\n",
                         Language::PlainText);
  CHECK(e.supports("5 million fighters"));
}

TEST_CASE("an attribution line supports the quotation above it") {
  const auto md = extract(
      "> Life is beautiful. Let the future generations cleanse it of all evil.\n>\n> — Leon "
      "Trotsky, *Testament*\n\n> Another quotation with no attribution at all.\n");
  CHECK(md.supports("Life is beautiful"));
  CHECK_FALSE(md.supports("Another quotation"));
  const auto plain = extract(
      "“Ideas that enter the mind under fire remain there securely and for ever.”\n\n— Trotsky\n",
      Language::PlainText);
  CHECK(plain.supports("Ideas that enter"));
  const auto trailing =
      extract("We believe both sides meant well, at the present time. – Prole Center\n",
              Language::PlainText);
  CHECK(trailing.supports("both sides"));
}

TEST_CASE("[citation needed] answers only the claim it follows") {
  const auto e = extract("He had 12 sons. He had 40 horses.[citation needed] He had 30 dogs.");
  CHECK_FALSE(e.supports("12 sons"));
  CHECK(e.supports("40 horses"));
  CHECK_FALSE(e.supports("30 dogs"));
}

TEST_CASE("citations inside code are ignored") {
  const auto e = extract("```\nA claim [1] in code.\n```\n\nText with `[2]` in code.\n");
  CHECK(e.cited() == "");
}

TEST_CASE("quotations: curly, straight, single, guillemets; apostrophes are not quotes") {
  const std::string text =
      "He said “we shall win the war”, then ‘Trotsky’s army’ and \"a plain quote\" and «en "
      "français» and the ’80s.";
  const Document doc(text, Language::PlainText);
  const Options options;
  const KnowledgeBase kb;
  const Analysis analysis(doc, options, kb);
  const auto& q = analysis.facts<QuotationFacts>().quotations;
  std::vector<std::string> quoted;
  for (const auto& x : q) quoted.push_back(text.substr(x.inner.offset, x.inner.length));
  CHECK(quoted == std::vector<std::string>{"we shall win the war", "Trotsky’s army",
                                           "a plain quote", "en français"});
  CHECK(q[0].words == 5);
  CHECK_FALSE(q[0].ends_sentence);
  CHECK(analysis.facts<QuotationFacts>().contains(text.find("shall")));
  CHECK_FALSE(analysis.facts<QuotationFacts>().contains(text.find("then")));
}

TEST_CASE("hard-wrapped Markdown: citations and links may continue on the next line") {
  const auto e = extract(
      "It counted 50,000 marchers (see Whitley and Dorn 1990; Marsh\n1974, pp. 60–63). See [the "
      "Board's\nreport](https://example.org/r).");
  CHECK(e.cited() ==
        "(see Whitley and Dorn 1990; Marsh\n1974, pp. 60–63) | [the "
        "Board's\nreport](https://example.org/r)");
}

TEST_CASE("a footnote reference without a note supports nothing") {
  const auto e = extract("He had 40 horses.[^9] He had 30 dogs.[^1]\n\n[^1]: A source.\n");
  CHECK(e.supports("40 horses"));  // [^1] after it still covers it
  const auto alone = extract("He had 40 horses.[^9]\n\nOther text.[^1]\n\n[^1]: A source.\n");
  CHECK_FALSE(alone.supports("40 horses"));
}

namespace {

// Every field of the citation facts, so that a cached extraction can be compared with a fresh one.
std::string describe(const CitationFacts& facts) {
  std::string out;
  for (const auto& c : facts.citations) {
    out += std::to_string(static_cast<int>(c.kind)) + " " + std::to_string(c.span.offset) + "+" +
           std::to_string(c.span.length) + " b" + std::to_string(c.block) + "\n";
  }
  for (const auto& r : facts.footnote_references) {
    out += "ref " + r.label + " " + std::to_string(r.span.offset) + "\n";
  }
  for (const auto& d : facts.footnote_definitions) {
    out +=
        "def " + d.label + " " + std::to_string(d.marker.offset) + (d.empty ? " empty" : "") + "\n";
  }
  for (const auto& s : facts.covered) {
    out += "covered " + std::to_string(s.offset) + "+" + std::to_string(s.length) + "\n";
  }
  return out + "next " + std::to_string(facts.next_footnote_number()) + "\n";
}

}  // namespace

TEST_CASE("an edit rescans the citations of the edited paragraph only") {
  std::string text = "# Notes\n\n";
  for (int i = 0; i < 6; ++i) {
    text += "Paragraph " + std::to_string(i) + " cites a source.[^" + std::to_string(i) +
            "] According to Deutscher (1954) it was so [" + std::to_string(i + 1) + "].\n\n";
  }
  for (int i = 0; i < 6; ++i) text += "[^" + std::to_string(i) + "]: A note.\n\n";
  const Options options;
  const KnowledgeBase kb;
  const auto store = std::make_shared<BlockFactStore>();
  const auto scan = [&](const std::string& version) {
    const Document doc(version, Language::Markdown);
    const Analysis analysis(doc, options, kb);
    store->begin_run();
    analysis.use_block_store(store);
    const std::string cached = describe(analysis.facts<CitationFacts>());
    store->end_run();
    const Analysis fresh(doc, options, kb);
    CHECK(cached == describe(fresh.facts<CitationFacts>()));
  };
  scan(text);
  // The heading starts the text, so it is scanned afresh each time; every other block is kept.
  const size_t blocks = Document(text, Language::Markdown).blocks().size();
  CHECK(store->computed() == blocks - 1);

  text.insert(text.find("Paragraph 3") + 10, "three");
  scan(text);
  CHECK(store->computed() == blocks);

  // A link reference definition makes reference links citations: nothing is taken from the
  // store while the document has one.
  text += "[deutscher]: https://example.org/deutscher\n";
  text.insert(text.find("Paragraph 4"), "See [the biography][deutscher]. ");
  scan(text);
  CHECK(store->computed() == blocks);
}

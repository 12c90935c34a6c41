#include "rules/extract/citations.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <initializer_list>
#include <string>

#include "rules/analysis.h"
#include "rules/extract/citation_matching.h"
#include "rules/text/utf8.h"

namespace histlint {

using citation_matching::for_each_match;
using citation_matching::Groups;
using citation_matching::span_in;
using citation_matching::view;

std::string_view citation_kind_name(CitationKind kind) {
  switch (kind) {
    case CitationKind::FootnoteReference:
      return "footnote reference";
    case CitationKind::Numeric:
      return "numeric reference";
    case CitationKind::Superscript:
      return "superscript reference";
    case CitationKind::AuthorYear:
      return "author-year reference";
    case CitationKind::Link:
      return "link";
    case CitationKind::Attribution:
      return "attribution";
    case CitationKind::SourceLine:
      return "source line";
    case CitationKind::AttributionLine:
      return "attribution line";
    case CitationKind::CitationNeeded:
      return "citation-needed tag";
  }
  return "citation";
}

namespace {

// Pieces of the author-year grammar, spelled once and assembled into the patterns below.
constexpr std::string_view kName =
    R"((?:\p{Lu}\.\s?)*(?:(?:van der|van den|van|von|de la|de|del|della|di|da|du|le|la|ter|)"
    R"(ten|al-|el-|ibn|bin|d['’])\s?)?\p{Lu}[\p{L}'’\-]*)";
constexpr std::string_view kYear =
    R"((?:(?:1[0-9]|20)\d\d[a-z]?(?:\s*/\s*(?:1[0-9]|20)\d\d[a-z]?)?|n\.\s?d\.|forthcoming|)"
    R"(in press))";
constexpr std::string_view kLocation =
    R"((?:(?:pp?|vols?|ch|chap|fig|nn?|no|sec|para|col|ff?|bk|pt)\.?\s*)?[0-9ivxlcIVXLC]+[a-z]?)"
    R"((?:\s*[–—-]\s*[0-9ivxlc]+)?(?:\s*,\s*(?:(?:pp?|nn?)\.?\s*)?[0-9ivxlc]+)"
    R"((?:\s*[–—-]\s*[0-9ivxlc]+)?)*)";
// Work nouns: "wrote in his memoirs", "according to her diary".
constexpr std::string_view kWorks =
    R"((?:book|memoirs?|autobiography|diary|diaries|biography|article|essay|study|history|)"
    R"(letters?|pamphlet|speech|report|testament|introduction|preface|foreword|afterword|)"
    R"(notebooks?|journal|column|editorial|review|interview|thesis|dissertation|monograph|)"
    R"(chronicle|minutes|testimony|account|obituary|lecture|manifesto|reply|polemic|papers|)"
    R"(recollections?|dispatch|telegram|cable|broadcast|survey|census|register|records|archives?|)"
    R"(ledgers?|returns|yearbook|gazette|transcript))";
constexpr std::string_view kAttributionVerbs =
    R"((?:wrote|writes|written|argued|argues|noted|notes|observed|observes|recalled|recalls|)"
    R"(stated|states|explained|explains|claimed|claims|said|says|remarked|remarks|described|)"
    R"(describes|recorded|records|reported|reports|recounted|recounts|insisted|insists|)"
    R"(suggested|suggests|quoted|cited|published|printed|reprinted|reproduced|declared|declares|)"
    R"(concluded|concludes|documented|documents))";

std::string join(std::initializer_list<std::string_view> parts) {
  std::string out;
  for (auto p : parts) out += p;
  return out;
}

// "Deutscher", "Carr and Davies", "Carr, Davies and Smith", "van Ree", "Carr et al.". Unbounded
// repetition keeps the compiled program small; the callers bound the text to one bracket.
std::string author_names() {
  return join(
      {"(?:", kName, R"((?:(?:\s*,\s*|\s+(?:and|&)\s+|\s+))", kName, R"()*(?:\s+et\s+al\.?)?))"});
}

const re2::RE2& footnote_reference_pattern() {
  static const re2::RE2 re(R"(\[\^([^\]\s]+)\])");
  return re;
}

const re2::RE2& numeric_pattern() {
  static const re2::RE2 re(
      join({R"(\[\s*(?:(?:note|nb|n\.|fn\.?)\s*)?\d{1,3}[a-z]?(?:\s*[,;–—-]\s*\d{1,3}[a-z]?)*)",
            R"((?:\s*[,:]\s*)", kLocation, R"()?\s*\]|\[[a-h]\])"}));
  return re;
}

const re2::RE2& citation_needed_pattern() {
  static const re2::RE2 re(
      R"((?i)\[\s*(?:citation needed|citation required|source needed|source\?|by whom\?|who\?|)"
      R"(according to whom\?|verification needed|better source needed|page needed)\s*\]|)"
      R"(\{\{\s*(?:citation needed|cn|fact|by whom|who|page needed)\s*(?:\|[^{}]*)?\}\})");
  return re;
}

const re2::RE2& bracket_group_pattern() {
  // Scanned one block at a time, so a group may wrap onto the next line but never cross a
  // paragraph.
  static const re2::RE2 re(R"([(\[]([^()\[\]]{2,200})[)\]])");
  return re;
}

const re2::RE2& ibid_pattern() {
  static const re2::RE2 re(
      R"((?i)^\s*(?:ibid|ibidem|op\.\s*cit|loc\.\s*cit)\.?(?:\s*,?\s*(?:(?:pp?|vol|ch)\.\s*)?)"
      R"([0-9ivxlc]+(?:\s*[–—-]\s*[0-9ivxlc]+)?)?\.?\s*$)");
  return re;
}

const re2::RE2& page_only_pattern() {
  static const re2::RE2 re(
      R"((?i)^\s*(?:(?:see|cf\.)\s+)?pp?\.\s*[0-9ivxlc]+(?:\s*[–—-]\s*[0-9ivxlc]+)?)"
      R"((?:\s*,\s*[0-9ivxlc]+(?:\s*[–—-]\s*[0-9ivxlc]+)?)*\.?\s*$)");
  return re;
}

const re2::RE2& author_year_pattern() {
  static const re2::RE2 re(
      join({R"(^\s*(?:(?i:see also|see|cf\.|e\.g\.,?|quoted in|cited in|as cited in)\s+)?()",
            author_names(), R"(),?\s+)", kYear, R"((?:\s*[,:]\s*)", kLocation,
            R"()?\s*\.?\s*(?:;[\s\S]*)?$)"}));
  return re;
}

const re2::RE2& author_page_pattern() {
  static const re2::RE2 re(
      join({R"(^\s*(?:(?i:see|cf\.)\s+)?()", author_names(),
            R"(),\s*(?:[^,;]{1,80},\s*)?(?:pp?|ch|chap|vol)\.\s*[0-9ivxlcIVXLC]+)"}));
  return re;
}

const re2::RE2& year_only_pattern() {
  static const re2::RE2 re(join({R"(^\s*)", kYear, R"((?:\s*[,:]\s*)", kLocation, R"()?\s*$)"}));
  return re;
}

// The name just before a narrative citation "Deutscher (1954)", "Carr et al. (1969)".
const re2::RE2& narrative_author_pattern() {
  static const re2::RE2 re(R"((\p{Lu}[\p{L}'’\-]+)(?:\s+et\s+al\.|['’]s)?\s*$)");
  return re;
}

const re2::RE2& superscript_pattern() {
  static const re2::RE2 re(
      R"(([^\s\x{B9}\x{B2}\x{B3}\x{2070}\x{2074}-\x{2079}])((?:[\x{B9}\x{B2}\x{B3}\x{2070}\x{2074}-\x{2079}])"
      R"()+(?:[,\x{207B}–-][\x{B9}\x{B2}\x{B3}\x{2070}\x{2074}-\x{2079}]+)*))");
  return re;
}

const re2::RE2& markup_reference_pattern() {
  static const re2::RE2 re(
      R"((?is)<sup\b[^>]*>\s*([^<]{1,24}?)\s*</sup>|<ref\b[^>]*/>|<ref\b[^>]*>.*?</ref>|)"
      R"(\{\{\s*(?:cite|citation|sfn|sfnp|harvnb|harvtxt|harv|rp|efn)\b[^{}]*\}\})");
  return re;
}

const re2::RE2& inline_link_pattern() {
  static const re2::RE2 re(R"((!?)\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\(\s*<?[^)\s>]+>?)"
                           R"((?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*\))");
  return re;
}

const re2::RE2& reference_link_pattern() {
  static const re2::RE2 re(R"((!?)\[((?:[^\[\]]|\[[^\[\]]*\])+)\](?:\[([^\[\]]*)\])?)");
  return re;
}

const re2::RE2& url_pattern() {
  // A URL or DOI never ends with the sentence's punctuation.
  static const re2::RE2 re(
      R"((?i)<(?:https?|ftp)://[^>\s]+>|\b(?:https?://|www\.)[^\s<>()\[\]"“”]*[^\s<>()\[\]"“”.,;:!?’']|)"
      R"(\bdoi:\s*10\.\d{4,9}/\S*[^\s.,;:!?)’'"”])");
  return re;
}

const re2::RE2& link_definition_pattern() {
  static const re2::RE2 re(R"(^\s{0,3}\[([^\]]+)\]:)");
  return re;
}

const re2::RE2& according_to_pattern() {
  static const re2::RE2 re(
      join({R"((?i:\baccording\s+to)\s+(?:(?i:the|a|an)\s+)?([“"‘]|\p{Lu}[\p{L}'’\-]*)|)",
            R"((?i:\baccording\s+to\s+(?:the|his|her|their|its)\s+(?:own\s+|official\s+|)",
            R"(published\s+|original\s+|\d{4}\s+)?)", kWorks, R"(\b))"}));
  return re;
}

const re2::RE2& wrote_in_pattern() {
  static const re2::RE2 re(
      join({R"((?i:\b)", kAttributionVerbs, R"(\s+(?:in\s+full\s+)?(?:in|by))\s+(?:(?i:the)\s+)?)",
            R"(([“"‘]|\p{Lu}[\p{L}'’\-]*)|(?i:\b)", kAttributionVerbs,
            R"(\s+in\s+(?:his|her|their|its|the|a|an)\s+(?:[\p{L}\-]+\s+){0,3}?)", kWorks,
            R"(\b))"}),
      citation_matching::large_pattern_options());
  return re;
}

// "In his memoirs, Trotsky …", "In *My Life* Trotsky …", "In “The Class Nature …”, he …".
const re2::RE2& in_work_pattern() {
  static const re2::RE2 re(join({R"(\bIn\s+(?:(?:his|her|their)\s+(?:[\p{L}\-]+\s+){0,2}?)", kWorks,
                                 R"(\b|[*_]+\p{Lu}|[“"]\p{Lu}))"}));
  return re;
}

const re2::RE2& source_line_pattern() {
  static const re2::RE2 re(
      R"((?im)^[ \t>*_]*(?:(?:data\s+)?sources?|quelle|fuente)[*_]*[ \t]*:[*_]*[ \t]*\S.*$|)"
      R"(^[ \t>*_]*(?:adapted|excerpted|reproduced|taken|abridged)\s+from\s+\S.*$)");
  return re;
}

const re2::RE2& dash_line_pattern() {
  static const re2::RE2 re(R"((?m)^[ \t>]*(?:—|–|―|--)[ \t]*\p{Lu}.*$)");
  return re;
}

const re2::RE2& trailing_dash_attribution_pattern() {
  static const re2::RE2 re(R"([.!?…”"’)][ \t]+((?:—|–|―)[ \t]*\p{Lu}[^\n.!?]{0,80}))");
  return re;
}

// A capitalised word that opens a phrase rather than naming an author or a work.
bool is_function_word(std::string_view word) {
  static constexpr std::array<std::string_view, 30> kWords = {
      "in",     "on",    "at",  "by",  "since", "from", "after",   "before",      "until", "till",
      "during", "circa", "ca",  "c",   "born",  "died", "founded", "established", "est",   "ad",
      "bc",     "ce",    "bce", "the", "a",     "an",   "of",      "and",         "early", "late"};
  std::string lower;
  for (char c : word) {
    if (c != '.') lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return std::find(kWords.begin(), kWords.end(), lower) != kWords.end();
}

// Capitalised words that name an event or an institution, not an author: "the Civil War (1918)".
bool is_event_word(std::string_view word) {
  static constexpr std::array<std::string_view, 40> kWords = {
      "War",        "Wars",     "Revolution",  "Treaty",       "Pact",      "Congress",
      "Conference", "Party",    "Army",        "Trial",        "Trials",    "Act",
      "Commission", "Uprising", "Rebellion",   "Crisis",       "Plan",      "Strike",
      "Purge",      "Famine",   "Declaration", "Constitution", "Agreement", "Accords",
      "Offensive",  "Battle",   "Campaign",    "Election",     "Elections", "Olympics",
      "Exhibition", "Council",  "Assembly",    "Decree",       "Commune",   "Mutiny",
      "Massacre",   "Coup",     "Putsch",      "International"};
  return std::find(kWords.begin(), kWords.end(), word) != kWords.end();
}

// Every capitalised word of an author list names a person: no month, no "In", no "War".
bool plausible_authors(std::string_view names) {
  size_t pos = 0;
  while (pos < names.size()) {
    while (pos < names.size() && (names[pos] == ' ' || names[pos] == ',' || names[pos] == '&')) {
      ++pos;
    }
    size_t end = pos;
    while (end < names.size() && names[end] != ' ' && names[end] != ',') ++end;
    const std::string_view word = names.substr(pos, end - pos);
    if (word == "and" || word == "et" || word == "al." || word == "al") {
      pos = end;
      continue;
    }
    if (citation_matching::is_time_name(word) || is_function_word(word) || is_event_word(word)) {
      return false;
    }
    pos = end;
  }
  return true;
}

std::string fold_label(std::string_view label) {
  std::string out;
  bool space = false;
  for (char c : label) {
    if (c == ' ' || c == '\t' || c == '\n') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

bool is_marker_kind(CitationKind kind) {
  return kind == CitationKind::FootnoteReference || kind == CitationKind::Numeric ||
         kind == CitationKind::Superscript || kind == CitationKind::AuthorYear ||
         kind == CitationKind::Link;
}

class CitationScanner {
 public:
  explicit CitationScanner(const Analysis& analysis)
      : doc_(analysis.doc()),
        text_(doc_.text()),
        prose_(doc_.prose()),
        scope_(analysis.options().citation_scope),
        markdown_(doc_.language() == Language::Markdown) {}

  CitationFacts run() {
    collect_link_labels();
    collect_quote_groups();
    const auto& blocks = doc_.blocks();
    for (uint32_t i = 0; i < blocks.size(); ++i) {
      if (blocks[i].is_prose()) scan_block(i);
    }
    std::sort(facts_.citations.begin(), facts_.citations.end(),
              [](const Citation& a, const Citation& b) {
                if (a.span.offset != b.span.offset) return a.span.offset < b.span.offset;
                return a.span.length > b.span.length;
              });
    drop_nested_citations();
    compute_coverage();
    return std::move(facts_);
  }

 private:
  void add(CitationKind kind, Span span, uint32_t block) {
    if (span.length > 0 && !in_code(span.offset)) facts_.citations.push_back({kind, span, block});
  }

  bool in_code(size_t offset) const {
    return std::any_of(code_spans_.begin(), code_spans_.end(), [&](const Span& code) {
      return offset >= code.offset && offset < code.end();
    });
  }

  // Inline code (`…`) of one block: what it holds is text about markup, not a citation.
  void collect_code_spans(size_t begin, size_t end) {
    code_spans_.clear();
    if (!markdown_) return;
    size_t pos = text_.find('`', begin);
    while (pos < end) {
      size_t run = pos;
      while (run < end && text_[run] == '`') ++run;
      const std::string_view fence = text_.substr(pos, run - pos);
      size_t close = text_.find(fence, run);
      while (close < end && close + fence.size() < end && text_[close + fence.size()] == '`') {
        close = text_.find(fence, close + fence.size() + 1);
      }
      if (close >= end) {
        pos = text_.find('`', run);
        continue;
      }
      code_spans_.push_back({pos, close + fence.size() - pos});
      pos = text_.find('`', close + fence.size());
    }
  }

  void collect_link_labels() {
    if (!markdown_) return;
    for (const auto& b : doc_.blocks()) {
      if (b.kind != BlockKind::LinkDefinition) continue;
      Groups g;
      if (link_definition_pattern().Match(doc_.slice(b.span), 0, b.span.length,
                                          re2::RE2::ANCHOR_START, g.data(), 2)) {
        link_labels_.push_back(fold_label(view(g[1])));
      }
    }
  }

  // Block-quote paragraphs separated only by ">" lines form one quotation: a citation under it
  // covers all of it. A blank line starts another quotation.
  bool same_quotation(uint32_t a, uint32_t b) const {
    const auto& blocks = doc_.blocks();
    if (blocks[a].kind != BlockKind::BlockQuote || blocks[b].kind != BlockKind::BlockQuote) {
      return false;
    }
    const std::string_view between =
        text_.substr(blocks[a].span.end(), blocks[b].span.offset - blocks[a].span.end());
    size_t line_start = between.find('\n');
    while (line_start != std::string_view::npos) {
      const size_t next = between.find('\n', line_start + 1);
      const std::string_view line =
          between.substr(line_start + 1,
                         (next == std::string_view::npos ? between.size() : next) - line_start - 1);
      if (line.find('>') == std::string_view::npos && next != std::string_view::npos) return false;
      line_start = next;
    }
    return true;
  }

  void collect_quote_groups() {
    const auto& blocks = doc_.blocks();
    unit_first_.resize(blocks.size());
    unit_last_.resize(blocks.size());
    for (uint32_t i = 0; i < blocks.size(); ++i) {
      unit_first_[i] = i > 0 && same_quotation(i - 1, i) ? unit_first_[i - 1] : i;
    }
    for (uint32_t i = static_cast<uint32_t>(blocks.size()); i-- > 0;) {
      unit_last_[i] = i + 1 < blocks.size() && same_quotation(i, i + 1) ? unit_last_[i + 1] : i;
    }
  }

  Span unit_span(uint32_t block) const {
    const auto& blocks = doc_.blocks();
    const size_t begin = blocks[unit_first_[block]].span.offset;
    return {begin, blocks[unit_last_[block]].span.end() - begin};
  }

  void scan_block(uint32_t index) {
    const Block& b = doc_.blocks()[index];
    const size_t begin = b.span.offset;
    const size_t end = b.span.end();
    collect_code_spans(begin, end);
    scan_footnotes(index, begin, end);
    scan_brackets(index, begin, end);
    scan_superscripts(index, begin, end);
    for_each_match(markup_reference_pattern(), text_, begin, end, [&](const Groups& g) {
      // <sup> holds a note number or mark, not an ordinal suffix ("1<sup>st</sup>").
      const std::string_view inner = view(g[1]);
      if (g[1].data() != nullptr && inner.find_first_of("0123456789*") == std::string_view::npos &&
          inner.find("†") == std::string_view::npos && inner.find("‡") == std::string_view::npos) {
        return;
      }
      add(CitationKind::Superscript, span_in(text_, g[0]), index);
    });
    for_each_match(citation_needed_pattern(), text_, begin, end, [&](const Groups& g) {
      add(CitationKind::CitationNeeded, span_in(text_, g[0]), index);
    });
    if (markdown_) scan_links(index, begin, end);
    for_each_match(url_pattern(), text_, begin, end,
                   [&](const Groups& g) { add(CitationKind::Link, span_in(text_, g[0]), index); });
    scan_attributions(index, begin, end);
    scan_lines(index, begin, end);
  }

  void scan_footnotes(uint32_t index, size_t begin, size_t end) {
    const Block& b = doc_.blocks()[index];
    size_t definition_marker = std::string_view::npos;
    if (b.kind == BlockKind::FootnoteDefinition) {
      definition_marker = text_.find("[^", begin);
      const size_t close = text_.find("]:", definition_marker);
      if (definition_marker < end && close < end) {
        FootnoteDefinition def;
        def.label = fold_label(text_.substr(definition_marker + 2, close - definition_marker - 2));
        def.marker = {definition_marker, close + 2 - definition_marker};
        def.block = b.span;
        const std::string_view rest = text_.substr(close + 2, end - close - 2);
        def.empty = rest.find_first_not_of(" \t\r\n") == std::string_view::npos;
        facts_.footnote_definitions.push_back(std::move(def));
      }
    }
    for_each_match(footnote_reference_pattern(), text_, begin, end, [&](const Groups& g) {
      const Span span = span_in(text_, g[0]);
      if (span.offset == definition_marker || in_code(span.offset)) return;
      facts_.footnote_references.push_back({fold_label(view(g[1])), span});
      add(CitationKind::FootnoteReference, span, index);
    });
  }

  void scan_brackets(uint32_t index, size_t begin, size_t end) {
    for_each_match(numeric_pattern(), text_, begin, end, [&](const Groups& g) {
      const Span span = span_in(text_, g[0]);
      // A lettered note hangs on the word before it ("leader[a]"); "- [x]" is a task box.
      if (span.length == 3 &&
          (span.offset == 0 || std::isspace(static_cast<unsigned char>(text_[span.offset - 1])))) {
        return;
      }
      // "[1](…)" is a link and "[1]:" a definition; the link scanner and the parser see those.
      if (span.end() < text_.size() && (text_[span.end()] == '(' || text_[span.end()] == ':')) {
        return;
      }
      add(CitationKind::Numeric, span, index);
    });
    for_each_match(bracket_group_pattern(), text_, begin, end, [&](const Groups& g) {
      const std::string_view inner = view(g[1]);
      const Span span = span_in(text_, g[0]);
      Groups names;
      if (ibid_pattern().Match(inner, 0, inner.size(), re2::RE2::UNANCHORED, nullptr, 0) ||
          page_only_pattern().Match(inner, 0, inner.size(), re2::RE2::UNANCHORED, nullptr, 0)) {
        add(CitationKind::AuthorYear, span, index);
      } else if ((author_year_pattern().Match(inner, 0, inner.size(), re2::RE2::UNANCHORED,
                                              names.data(), 2) ||
                  author_page_pattern().Match(inner, 0, inner.size(), re2::RE2::UNANCHORED,
                                              names.data(), 2)) &&
                 plausible_authors(view(names[1]))) {
        add(CitationKind::AuthorYear, span, index);
      } else if (text_[span.offset] == '(' &&
                 year_only_pattern().Match(inner, 0, inner.size(), re2::RE2::UNANCHORED, nullptr,
                                           0)) {
        // Narrative form: "Deutscher (1954) argues", but not "the Civil War (1918–20)".
        const size_t look = span.offset > begin + 60 ? span.offset - 60 : begin;
        const std::string_view before = text_.substr(look, span.offset - look);
        Groups author;
        if (narrative_author_pattern().Match(before, 0, before.size(), re2::RE2::UNANCHORED,
                                             author.data(), 2) &&
            plausible_authors(view(author[1]))) {
          add(CitationKind::AuthorYear,
              {span_in(text_, author[1]).offset, span.end() - span_in(text_, author[1]).offset},
              index);
        }
      }
    });
  }

  void scan_superscripts(uint32_t index, size_t begin, size_t end) {
    for_each_match(superscript_pattern(), text_, begin, end, [&](const Groups& g) {
      const Span marks = span_in(text_, g[2]);
      const std::string_view digits = view(g[2]);
      if (digits == "\u00B2" || digits == "\u00B3") {
        // "km²", "m³": a unit's power, not a note.
        size_t word_begin = marks.offset;
        while (word_begin > begin &&
               std::isalpha(static_cast<unsigned char>(text_[word_begin - 1])))
          --word_begin;
        static constexpr std::array<std::string_view, 10> kUnits = {"m",  "km", "cm", "mm", "ft",
                                                                    "in", "mi", "yd", "sq", "dm"};
        const std::string_view word = text_.substr(word_begin, marks.offset - word_begin);
        if (std::find(kUnits.begin(), kUnits.end(), word) != kUnits.end()) return;
      }
      add(CitationKind::Superscript, marks, index);
    });
  }

  void scan_links(uint32_t index, size_t begin, size_t end) {
    for_each_match(inline_link_pattern(), text_, begin, end, [&](const Groups& g) {
      if (!view(g[1]).empty()) return;  // an image is an illustration, not a source
      add(CitationKind::Link, span_in(text_, g[0]), index);
    });
    if (link_labels_.empty()) return;
    for_each_match(reference_link_pattern(), text_, begin, end, [&](const Groups& g) {
      if (!view(g[1]).empty()) return;
      const Span span = span_in(text_, g[0]);
      if (span.end() < text_.size() && (text_[span.end()] == '(' || text_[span.end()] == ':')) {
        return;
      }
      const std::string label = fold_label(view(g[3]).empty() ? view(g[2]) : view(g[3]));
      if (std::find(link_labels_.begin(), link_labels_.end(), label) != link_labels_.end()) {
        add(CitationKind::Link, span, index);
      }
    });
  }

  void scan_attributions(uint32_t index, size_t begin, size_t end) {
    auto named = [&](const Groups& g) {
      // A title or a name follows, not a month ("wrote in December") or "I".
      const std::string_view word = view(g[1]);
      if (g[1].data() == nullptr) return true;
      if (word == "I" || citation_matching::is_time_name(word)) return false;
      return true;
    };
    for_each_match(according_to_pattern(), prose_, begin, end, [&](const Groups& g) {
      if (named(g)) add(CitationKind::Attribution, span_in(prose_, g[0]), index);
    });
    for_each_match(wrote_in_pattern(), prose_, begin, end, [&](const Groups& g) {
      if (named(g)) add(CitationKind::Attribution, span_in(prose_, g[0]), index);
    });
    for_each_match(in_work_pattern(), text_, begin, end, [&](const Groups& g) {
      add(CitationKind::Attribution, span_in(text_, g[0]), index);
    });
  }

  void scan_lines(uint32_t index, size_t begin, size_t end) {
    for_each_match(source_line_pattern(), text_, begin, end, [&](const Groups& g) {
      add(CitationKind::SourceLine, span_in(text_, g[0]), index);
    });
    for_each_match(dash_line_pattern(), text_, begin, end, [&](const Groups& g) {
      add(CitationKind::AttributionLine, span_in(text_, g[0]), index);
    });
    // "… at the present time. – Prole Center" closing a paragraph.
    size_t trimmed_end = end;
    while (trimmed_end > begin && std::isspace(static_cast<unsigned char>(text_[trimmed_end - 1])))
      --trimmed_end;
    const size_t look = trimmed_end > begin + 100 ? trimmed_end - 100 : begin;
    for_each_match(trailing_dash_attribution_pattern(), text_, look, trimmed_end,
                   [&](const Groups& g) {
                     // The attribution ends the paragraph: nothing but the name after the dash.
                     const Span span = span_in(text_, g[1]);
                     if (span.end() == trimmed_end) {
                       add(CitationKind::AttributionLine, span, index);
                     }
                   });
  }

  // A URL inside a Markdown link, or "[1]" inside <sup>[1]</sup>, is one citation, not two.
  void drop_nested_citations() {
    std::vector<Citation> kept;
    size_t reach = 0;
    for (const auto& c : facts_.citations) {
      if (!kept.empty() && c.span.end() <= reach && c.kind != CitationKind::CitationNeeded) {
        continue;
      }
      reach = std::max(reach, c.span.end());
      kept.push_back(c);
    }
    facts_.citations = std::move(kept);
  }

  // The end of the sentence holding `offset`, or of its block when no sentence holds it.
  Span sentence_around(size_t offset, uint32_t block) const {
    if (const Sentence* s = doc_.sentence_at(offset)) return s->span;
    return doc_.blocks()[block].span;
  }

  // The nearest prose block after `block` (skipping nothing else), or blocks().size().
  uint32_t next_prose_block(uint32_t block) const {
    const auto& blocks = doc_.blocks();
    for (uint32_t i = block + 1; i < blocks.size(); ++i) {
      if (blocks[i].kind == BlockKind::Html) continue;  // a comment between intro and quotation
      return blocks[i].is_prose() ? i : static_cast<uint32_t>(blocks.size());
    }
    return static_cast<uint32_t>(blocks.size());
  }

  bool starts_block(const Citation& c) const {
    const Block& b = doc_.blocks()[c.block];
    const std::string_view before = text_.substr(b.span.offset, c.span.offset - b.span.offset);
    return before.find_first_not_of(" \t>*_") == std::string_view::npos;
  }

  void cover(size_t begin, size_t end) {
    if (end > begin) facts_.covered.push_back({begin, end - begin});
  }

  // A footnote reference supports a claim only when its note exists (an empty note, just added
  // by a quick fix, counts: the writer is filling it in).
  bool defined(const Citation& c) const {
    if (c.kind != CitationKind::FootnoteReference) return true;
    const std::string label = fold_label(text_.substr(c.span.offset + 2, c.span.length - 3));
    return std::any_of(facts_.footnote_definitions.begin(), facts_.footnote_definitions.end(),
                       [&](const FootnoteDefinition& d) { return d.label == label; });
  }

  void compute_coverage() {
    const auto& blocks = doc_.blocks();
    for (const auto& c : facts_.citations) {
      if (!defined(c)) continue;
      const Span unit = unit_span(c.block);
      if (is_marker_kind(c.kind)) {
        cover(unit.offset, scope_ == CitationScope::Paragraph ? unit.end() : c.span.end());
        continue;
      }
      switch (c.kind) {
        case CitationKind::Attribution: {
          if (scope_ == CitationScope::Paragraph) {
            cover(unit.offset, unit.end());
            break;
          }
          // Like a note, it supports the text before it, and also the rest of its sentence
          // ("According to the minutes, the motion passed").
          const Span sentence = sentence_around(c.span.offset, c.block);
          cover(unit.offset, std::max(sentence.end(), c.span.end()));
          // "As Trotsky wrote in My Life:" introduces the quotation that follows.
          if (sentence.length > 0 && text_[sentence.end() - 1] == ':') {
            const uint32_t next = next_prose_block(c.block);
            if (next < blocks.size()) cover(sentence.offset, unit_span(next).end());
          }
          break;
        }
        case CitationKind::SourceLine: {
          if (!starts_block(c)) {
            cover(unit.offset, unit.end());
            break;
          }
          // A "Source:" line of its own supports the section above it.
          uint32_t first = c.block;
          while (first > 0) {
            const Block& prev = blocks[first - 1];
            if (prev.kind == BlockKind::Heading || prev.kind == BlockKind::ThematicBreak ||
                prev.kind == BlockKind::FrontMatter || has_source_line(first - 1)) {
              break;
            }
            --first;
          }
          cover(blocks[first].span.offset, unit.end());
          break;
        }
        case CitationKind::AttributionLine: {
          if (starts_block(c) && c.block > 0 && blocks[c.block].kind != BlockKind::BlockQuote) {
            // "— Trotsky, My Life" under a quotation: the paragraph or quote above it.
            uint32_t prev = c.block - 1;
            while (prev > 0 && blocks[prev].kind == BlockKind::Html) --prev;
            cover(unit_span(prev).offset, unit.end());
          } else {
            cover(unit.offset, unit.end());
          }
          break;
        }
        case CitationKind::CitationNeeded: {
          // The tag answers the one claim it follows: from its sentence's start to the tag.
          size_t before = c.span.offset;
          while (before > blocks[c.block].span.offset &&
                 std::isspace(static_cast<unsigned char>(text_[before - 1])))
            --before;
          const Span sentence =
              before > 0 ? sentence_around(before - 1, c.block) : Span{c.span.offset, 0};
          cover(std::min(sentence.offset, c.span.offset), c.span.end());
          break;
        }
        default:
          break;
      }
    }
    auto& ranges = facts_.covered;
    std::sort(ranges.begin(), ranges.end(),
              [](const Span& a, const Span& b) { return a.offset < b.offset; });
    std::vector<Span> merged;
    for (const auto& r : ranges) {
      if (!merged.empty() && r.offset <= merged.back().end()) {
        const size_t end = std::max(merged.back().end(), r.end());
        merged.back().length = end - merged.back().offset;
      } else {
        merged.push_back(r);
      }
    }
    ranges = std::move(merged);
  }

  bool has_source_line(uint32_t block) const {
    return std::any_of(facts_.citations.begin(), facts_.citations.end(), [&](const Citation& c) {
      return c.block == block && c.kind == CitationKind::SourceLine;
    });
  }

  const Document& doc_;
  std::string_view text_;
  std::string_view prose_;
  CitationScope scope_;
  bool markdown_;
  std::vector<std::string> link_labels_;
  std::vector<uint32_t> unit_first_;
  std::vector<uint32_t> unit_last_;
  std::vector<Span> code_spans_;  // of the block being scanned
  CitationFacts facts_;
};

}  // namespace

bool CitationFacts::supports(Span claim) const {
  const size_t begin = claim.offset;
  const size_t end = claim.offset + std::max<size_t>(claim.length, 1);
  auto it = std::upper_bound(covered.begin(), covered.end(), begin,
                             [](size_t offset, const Span& r) { return offset < r.offset; });
  if (it != covered.begin() && std::prev(it)->end() > begin) return true;
  return it != covered.end() && it->offset < end;
}

bool CitationFacts::inside_citation(size_t offset) const {
  auto it = std::upper_bound(citations.begin(), citations.end(), offset,
                             [](size_t o, const Citation& c) { return o < c.span.offset; });
  // Citations may nest only for [citation needed]; look back over a few neighbours.
  for (int step = 0; step < 3 && it != citations.begin(); ++step) {
    --it;
    if (offset < it->span.end()) return true;
  }
  return false;
}

int CitationFacts::next_footnote_number() const {
  int highest = 0;
  auto consider = [&](const std::string& label) {
    if (label.empty() || label.size() > 6) return;
    if (!std::all_of(label.begin(), label.end(), [](char c) { return c >= '0' && c <= '9'; }))
      return;
    highest = std::max(highest, std::stoi(label));
  };
  for (const auto& r : footnote_references) consider(r.label);
  for (const auto& d : footnote_definitions) consider(d.label);
  return highest + 1;
}

CitationFacts CitationFacts::extract(const Analysis& analysis) {
  return CitationScanner(analysis).run();
}

}  // namespace histlint

// source/likely-needs-citation: a sentence of encyclopedic prose of the kind editors cite — a
// dated event, a quotation, a sum, a claim credited to someone, an uncertain point —
// scored by a small logistic regression over explainable features of the sentence, read from the
// token layer. The weights come from data/citation_need_model.json (trained and cross-validated by
// bench/citation_need_cv.py); a finding needs both the score and one named piece of evidence.
#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <string>

#include "rules/source/claims.h"
#include "rules/source/source_rules.h"
#include "rules/text/tokens.h"

namespace histlint::source_rules {

namespace {

enum Feature : size_t {
  kYear,
  kDayDate,
  kMonthName,
  kMoneyOrPercent,
  kQuote,
  kShortQuote,
  kAttribution,
  kAttributionThat,
  kThat,
  kHedge,
  kModal,
  kContrast,
  kPossessiveName,
  kPronounStart,
  kColonEnd,
  kLifeDates,
  kDefinition,
  kListing,
  kPresent,
  kLength,
  kShort,
  kAccording,
  kNamedSaid,
  kCritic,
  kEvaluation,
  kSummary,
  kTemporal,
  kStartsDate,
  kFeatureCount
};

// The names data/citation_need_model.json gives the features, in the order of Feature.
constexpr std::array<std::string_view, kFeatureCount> kFeatureNames = {"year",
                                                                       "day_date",
                                                                       "month",
                                                                       "money_pct",
                                                                       "quote",
                                                                       "short_quote",
                                                                       "attribution",
                                                                       "attribution_that",
                                                                       "that",
                                                                       "hedge",
                                                                       "modal",
                                                                       "contrast",
                                                                       "possessive_name",
                                                                       "pronoun_start",
                                                                       "colon_end",
                                                                       "life_dates",
                                                                       "definition",
                                                                       "listing",
                                                                       "present",
                                                                       "length",
                                                                       "short",
                                                                       "according",
                                                                       "named_said",
                                                                       "critic",
                                                                       "evaluation",
                                                                       "summary",
                                                                       "temporal",
                                                                       "starts_date"};

// Copied from data/citation_need_model.json, in the order of Feature; the unit test checks that
// they agree.
constexpr std::array<double, kFeatureCount> kWeights = {
    -0.6697, 0.1551, 0.6109, 1.1468,  1.6451,  0.4372,  0.0649,  0.2812,  0.3883,  0.4542,
    0.3483,  0.3102, 0.3273, -0.6068, -2.7099, -0.6891, -0.3943, -0.3685, -0.4945, -0.0053,
    0.018,   0.6044, 0.6552, -0.396,  -0.5681, -0.3531, -0.4233, 0.303};
constexpr double kBias = 0.4687;
constexpr double kThreshold = -1.1623;

template <size_t N>
bool one_of(const std::array<std::string_view, N>& words, std::string_view w) {
  for (std::string_view x : words)
    if (x == w) return true;
  return false;
}

// Verbs that credit a statement to someone.
constexpr std::array<std::string_view, 57> kAttributionVerbs = {
    "said",       "says",       "wrote",      "writes",     "stated",     "states",
    "claimed",    "claims",     "argued",     "argues",     "suggested",  "suggests",
    "believed",   "believes",   "described",  "describes",  "noted",      "notes",
    "recalled",   "recalls",    "remarked",   "commented",  "observed",   "observes",
    "concluded",  "concludes",  "asserted",   "asserts",    "contended",  "contends",
    "considered", "regarded",   "called",     "calls",      "according",  "told",
    "reported",   "reports",    "explained",  "explains",   "estimated",  "estimates",
    "speculated", "speculates", "maintained", "maintains",  "insisted",   "insists",
    "thought",    "felt",       "praised",    "criticised", "criticized", "acknowledged",
    "admitted",   "announced",  "declared"};
// Hearsay adverbs: a claim some source has to settle.
constexpr std::array<std::string_view, 8> kHedges = {"apparently", "reportedly", "allegedly",
                                                     "rumoured",   "rumored",    "presumably",
                                                     "supposedly", "evidently"};
// Said of a fact after "is", "was" or "remains": "the place of his birth is unclear".
constexpr std::array<std::string_view, 4> kUnsettled = {"unclear", "unknown", "uncertain",
                                                        "disputed"};
// Modal words: also a narrative's ordinary "might" or "perhaps", so a feature, never evidence.
constexpr std::array<std::string_view, 10> kModals = {"may",     "might",    "seems",    "seemed",
                                                      "appears", "appeared", "possibly", "probably",
                                                      "likely",  "perhaps"};
constexpr std::array<std::string_view, 6> kContrasts = {"although", "however",      "but",
                                                        "despite",  "nevertheless", "though"};
constexpr std::array<std::string_view, 10> kPronouns = {"he",  "she",   "they", "it",    "his",
                                                        "her", "their", "this", "these", "its"};
constexpr std::array<std::string_view, 4> kListingWords = {"include", "includes", "including",
                                                           "included"};
// People whose judgement a text reports.
constexpr std::array<std::string_view, 17> kCritics = {
    "historian", "historians", "biographer", "biographers",    "critic",      "critics",
    "scholar",   "scholars",   "reviewer",   "reviewers",      "commentator", "commentators",
    "writer",    "author",     "journalist", "contemporaries", "observers"};
// Words of judgement: in encyclopedic statements they mark a lead's summary more than the body's
// cited detail, and the model weighs them so.
constexpr std::array<std::string_view, 26> kEvaluations = {
    "praised",     "acclaimed",   "criticised",    "criticized", "successful", "important",
    "influential", "significant", "controversial", "popular",    "notable",    "remarkable",
    "considered",  "regarded",    "reputation",    "famous",     "celebrated", "admired",
    "condemned",   "favourable",  "favorable",     "negative",   "positive",   "poor",
    "excellent",   "brilliant"};
// Words that sum up a life or a period, as a lead section does.
constexpr std::array<std::string_view, 17> kSummaryWords = {
    "career",       "lifetime",   "legacy",  "known",   "remembered", "throughout",
    "subsequently", "eventually", "later",   "also",    "widely",     "generally",
    "often",        "many",       "various", "several", "numerous"};
// Capitalised words that open a sentence and name no one: "The bishop said" is not a name.
constexpr std::array<std::string_view, 26> kNotNames = {
    "the",  "a",     "an",  "this", "that", "these", "those",  "it", "he",
    "she",  "they",  "his", "her",  "its",  "their", "in",     "on", "at",
    "when", "after", "but", "and",  "some", "many",  "others", "one"};
// The verbs of the named_said expression in read_features.
constexpr std::array<std::string_view, 12> kNamedClaimVerbs = {
    "said",      "stated",   "argued",    "suggested", "noted",     "claimed",
    "described", "recalled", "commented", "observed",  "concluded", "remarked"};
// Words that order events in a narrative, as an article's body tells them.
constexpr std::array<std::string_view, 7> kTemporalWords = {"after", "before",    "when", "during",
                                                            "until", "following", "while"};
constexpr std::array<std::string_view, 4> kPresentVerbs = {"is", "are", "has", "have"};
constexpr std::array<std::string_view, 3> kPastVerbs = {"was", "were", "had"};

bool is_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

bool is_year(std::string_view s) {
  return is_digits(s) && s.size() == 4 && (s[0] == '1' || (s[0] == '2' && s[1] == '0'));
}

// What one sentence shows: its features, and the words that are the evidence of each.
struct SentenceFeatures {
  std::array<double, kFeatureCount> value{};
  std::array<std::string, kFeatureCount> evidence;
  // The writer's own voice outside quotations ("we", "I"): an opinion no citation supports.
  bool first_person = false;
  // No function word at all: a caption, price list or heading run into the text, not prose.
  bool fragment = true;
  // A quotation of six words or more that no speech verb or colon before it credits to anyone:
  // credited ones are source/unsourced-quotation's to judge.
  bool uncredited_quote = false;

  void set(Feature f, std::string_view word = {}) {
    value[f] = 1;
    if (evidence[f].empty() && !word.empty()) evidence[f] = std::string(word);
  }
  double score() const {
    double z = kBias;
    for (size_t i = 0; i < kFeatureCount; ++i) z += kWeights[i] * value[i];
    return z;
  }
};

SentenceFeatures read_features(const Analysis& analysis, size_t block_index,
                               const Sentence& sentence) {
  const Document& doc = analysis.doc();
  const TokenLayer& layer = analysis.tokens();
  const Lexicon& lexicon = analysis.lexicon();
  const uint32_t block_start = static_cast<uint32_t>(doc.blocks()[block_index].span.offset);
  const uint32_t begin = static_cast<uint32_t>(sentence.span.offset) - block_start;
  const uint32_t end = static_cast<uint32_t>(sentence.span.end()) - block_start;

  // The sentence's tokens without spaces and line breaks; the block's tokens are in text order,
  // so a binary search finds the first, and a long block of many sentences stays linear.
  const std::span<const Token> block_tokens = layer.block(block_index);
  const auto first =
      std::lower_bound(block_tokens.begin(), block_tokens.end(), begin,
                       [](const Token& t, uint32_t offset) { return t.offset < offset; });
  std::vector<const Token*> toks;
  for (auto it = first; it != block_tokens.end() && it->end() <= end; ++it) {
    if (it->kind == TokenKind::Space || it->kind == TokenKind::LineBreak) continue;
    toks.push_back(&*it);
  }
  auto text = [&](const Token* t) { return layer.text(block_index, *t); };
  auto folded = [&](const Token* t) { return lexicon.folded(t->lexeme); };
  auto is_month = [&](const Token* t) {
    return t != nullptr && t->is_word() && t->has(token_flag::kCapitalised) &&
           lexicon.is(t->lexeme, kMonth);
  };

  SentenceFeatures f;
  // "in his diary", "in the preface to her book": the sentence names the work its quotation or
  // reported claim comes from.
  static const re2::RE2 named_work(
      R"((?i)\bin (?:his|her|their|the) (?:\w+ )?(?:diary|diaries|memoirs?|letters?|)"
      R"(autobiography|description|account|journal|chronicle|will|preface|introduction|book|)"
      R"(essay|article|review|history)\b)");
  const std::string_view sentence_text = doc.prose_slice(sentence.span);
  const bool names_work = re2::RE2::PartialMatch(
      re2::StringPiece(sentence_text.data(), sentence_text.size()), named_work);
  // The sentence with its quoted words blanked, for is_first_person.
  std::string unquoted(doc.prose_slice(sentence.span));
  size_t words = 0, quoted = 0, longest_quotation = 0;
  bool in_quotation = false, after_colon = false, after_article = false, lowercase_start = false;
  bool credited = false, uncredited = false;
  std::string_view previous_word;
  bool attribution = false, that = false, present = false, past = false;
  // Whether the regular expressions below can match at all: most sentences need none of them.
  bool named_verb = false, according_word = false;
  for (size_t i = 0; i < toks.size(); ++i) {
    const Token* t = toks[i];
    const std::string_view s = text(t);
    if (t->kind == TokenKind::Number && is_digits(s)) {
      if (is_year(s)) f.set(kYear);
      const int n = s.size() <= 2 ? std::stoi(std::string(s)) : 0;
      if (n >= 1 && n <= 31) {
        const Token* before = i > 0 ? toks[i - 1] : nullptr;
        if (before != nullptr && before->kind == TokenKind::Punctuation && text(before) == "." &&
            i > 1)
          before = toks[i - 2];
        const Token* after = i + 1 < toks.size() ? toks[i + 1] : nullptr;
        if (is_month(before) || is_month(after)) f.set(kDayDate);
      }
    }
    // Quotations opened and closed inside the sentence; a mark left open before it does not
    // count.
    if (t->kind == TokenKind::Punctuation) {
      if (!in_quotation && (s == "“" || s == "\"" || s == "«" || s == "„")) {
        in_quotation = true;
        quoted = 0;
        after_colon = i > 0 && text(toks[i - 1]) == ":";
        // A term the text names ("the “theory of socialism in one country”") is no claim.
        after_article = i > 0 && toks[i - 1]->is_word() &&
                        (folded(toks[i - 1]) == "the" || folded(toks[i - 1]) == "a" ||
                         folded(toks[i - 1]) == "an");
        lowercase_start = false;
      } else if (in_quotation && (s == "”" || s == "\"" || s == "»")) {
        in_quotation = false;
      }
    }
    if (t->kind == TokenKind::Punctuation && (s == "%" || s == "£" || s == "$" || s == "€")) {
      f.set(kMoneyOrPercent);
    }
    if (!t->is_word()) continue;
    ++words;
    if (in_quotation) {
      longest_quotation = std::max(longest_quotation, ++quoted);
      // Words woven into the writer's sentence start in lower case; a capitalised quotation is a
      // whole utterance or a title, which needs a speaker the text does not give.
      if (quoted == 1) lowercase_start = !t->has(token_flag::kCapitalised);
      if (quoted >= 6 && !credited && !after_colon && !after_article && lowercase_start)
        uncredited = true;
      unquoted.replace(t->offset - begin, t->length, t->length, ' ');
    }
    const std::string_view w = folded(t);
    const bool capitalised = t->has(token_flag::kCapitalised);
    if (lexicon.is(t->lexeme, kFunctionWord)) f.fragment = false;
    if (words == 1 && one_of(kPronouns, w)) f.set(kPronounStart);
    if (capitalised && w.size() > 3 && lexicon.is(t->lexeme, kMonth)) f.set(kMonthName);
    if (w == "percent" || (w == "per" && i + 1 < toks.size() && toks[i + 1]->is_word() &&
                           folded(toks[i + 1]) == "cent"))
      f.set(kMoneyOrPercent);
    if (one_of(kHedges, w) ||
        (one_of(kUnsettled, w) &&
         (previous_word == "is" || previous_word == "was" || previous_word == "remains")))
      f.set(kHedge, s);
    if (one_of(kModals, w) && !(w == "may" && capitalised)) f.set(kModal);
    if (capitalised && (s.ends_with("'s") || s.ends_with("’s"))) f.set(kPossessiveName, s);
    if (!in_quotation && (one_of(kAttributionVerbs, w) || w == "found")) credited = true;
    if (one_of(kAttributionVerbs, w)) {
      attribution = true;
      // "suggested that": the claim that follows is credited to someone. Not "he himself
      // acknowledged that": the subject's own account of himself, which his own work records.
      const Token* next = i + 1 < toks.size() ? toks[i + 1] : nullptr;
      const bool own_account =
          previous_word == "himself" || previous_word == "herself" || previous_word == "themselves";
      if (next != nullptr && next->is_word() && folded(next) == "that" && !names_work &&
          !own_account)
        f.set(kAttributionThat,
              doc.prose_slice({block_start + t->offset, next->end() - t->offset}));
    }
    if (w == "that" || w == "which") that = true;
    if (one_of(kContrasts, w)) f.set(kContrast, s);
    if (one_of(kListingWords, w)) f.set(kListing);
    if (one_of(kCritics, w)) f.set(kCritic);
    if (one_of(kEvaluations, w)) f.set(kEvaluation);
    if (one_of(kSummaryWords, w)) f.set(kSummary);
    if (one_of(kTemporalWords, w)) f.set(kTemporal);
    if (one_of(kNamedClaimVerbs, w)) named_verb = true;
    if (w == "according") according_word = true;
    if (one_of(kPresentVerbs, w)) present = true;
    if (one_of(kPastVerbs, w)) past = true;
    previous_word = w;
  }
  f.first_person = is_first_person(unquoted);
  // One quotation of six words or more, from a work the sentence does not name; a shorter one is
  // often a title or a phrase.
  const bool quote = longest_quotation >= 6 && !names_work;
  if (quote) f.set(kQuote);
  f.uncredited_quote = quote && uncredited;
  if (longest_quotation > 0 && !quote) f.set(kShortQuote);
  if (attribution) f.set(kAttribution);
  if (that) f.set(kThat);
  if (present && !past) f.set(kPresent);
  f.value[kLength] = static_cast<double>(std::min<size_t>(words, 60)) / 60.0;
  if (words < 10) f.set(kShort);

  const std::string_view prose = sentence_text;
  size_t last = prose.size();
  while (last > 0 && (prose[last - 1] == ' ' || prose[last - 1] == '\n')) --last;
  if (last > 0 && prose[last - 1] == ':') f.set(kColonEnd);
  // A biography's opening: "(born 4 May 1900)", "(1832 – 1898)".
  static const re2::RE2 life_dates(R"(\((?:born|c\.|né|née|[^()]*\d{3,4}\s*[–-]\s*[^()]*\d{3,4}))");
  // A definition, as a lead section opens: "X is a …", "The Y was the …".
  static const re2::RE2 definition(R"(^[^,]{0,80}\b(?:is|was|are|were) (?:an?|the) )");
  // "Smith said", "Fraser's biographer suggested": a claim credited to a named person; not a
  // position ("argued for") or a topic ("told of"). Not "wrote", "called", "thought" or "felt":
  // "Smith wrote a poem", "Smith called the ship", "Smith felt ill" author, name or narrate.
  static const re2::RE2 named_said(
      R"(\b([A-Z][a-z]+(?:'s|’s)? (?:\w+ )?(?:said|stated|argued|suggested|noted|claimed|)"
      R"(described|recalled|commented|observed|concluded|remarked))\b(?: (\w+))?)");
  static const re2::RE2 not_a_claim_after(R"(for|against|of|with|about|on)");
  // "according to Smith", but not the "according to the custom" of conformity, nor a record the
  // sentence names as its source ("according to the parish register").
  static const re2::RE2 according(R"((?i)\b(according to)((?: \w+){1,3}))");
  static const re2::RE2 conformity_or_record(
      R"((?i)\b(?:practice|customs?|laws?|rules?|terms|plan|usage|needs?|orders?|registers?|)"
      R"(records?|catalogue|catalog|chronology|census|minutes|inventory|deed|chronicle|diary|)"
      R"(diaries|letters?|ledger|gazette|charter|will)\b)");
  // "In 1904,", "On 3 May 1915": a sentence that opens on a date tells an event.
  static const re2::RE2 starts_date(
      R"(^(?:In|On|By|From|During|After|Before|Between)\b[^,]{0,30}\d{3,4})");
  const re2::StringPiece piece(prose.data(), prose.size());
  if (re2::RE2::PartialMatch(piece, life_dates)) f.set(kLifeDates);
  if (re2::RE2::PartialMatch(piece, definition)) f.set(kDefinition);
  if (re2::RE2::PartialMatch(piece, starts_date)) f.set(kStartsDate);
  std::string match, after;
  for (re2::StringPiece rest = named_verb ? piece : re2::StringPiece();
       re2::RE2::FindAndConsume(&rest, named_said, &match, &after);) {
    std::string first = match.substr(0, match.find_first_of(" '’"));
    for (char& c : first) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (one_of(kNotNames, first) || re2::RE2::FullMatch(after, not_a_claim_after)) continue;
    f.set(kNamedSaid, match);
    break;
  }
  std::string following;
  if (according_word && re2::RE2::PartialMatch(piece, according, &match, &following) &&
      !re2::RE2::PartialMatch(following, conformity_or_record))
    f.set(kAccording, match);
  return f;
}

// The evidence a message names, strongest first: the reasons editors give for a citation.
struct Evidence {
  Feature feature;
  std::string_view kind;
};
// A date alone is not one: the project's corpora count "began on 9 January 1911" as clean.
// Sums and percentages are source/unsourced-statistic's, which knows their figures of speech.
// A claim credited to a named person still needs the work where they made it.
constexpr std::array<Evidence, 4> kEvidence = {{
    {kAttributionThat, "a claim credited to someone"},
    {kNamedSaid, "a claim credited to someone"},
    {kAccording, "a claim credited to someone"},
    {kHedge, "an uncertain point"},
}};

// "a dated event (“6 August”) and a hedged claim (“probably”)", or nothing when the sentence
// shows none of the kinds.
std::optional<std::string> describe_evidence(const SentenceFeatures& f) {
  std::string out;
  int named = 0;
  if (f.uncredited_quote) {
    out = "a quotation";
    ++named;
  }
  std::string_view previous_kind;
  for (const Evidence& e : kEvidence) {
    // Each kind once: the first of the features that show it is its evidence.
    if (f.value[e.feature] == 0 || named == 2 || e.kind == previous_kind) continue;
    previous_kind = e.kind;
    if (named++ > 0) out += " and ";
    out += e.kind;
    if (!f.evidence[e.feature].empty()) out += " (“" + excerpt(f.evidence[e.feature], 40) + "”)";
  }
  if (named == 0) return std::nullopt;
  return out;
}

// The sentences of one block that the model reports, before the document's citations,
// quotations and questions are consulted: the part of the work an edit elsewhere leaves alone.
struct CitationNeedBlockFacts {
  struct Candidate {
    size_t offset;  // the sentence's, block-relative
    std::string message;
  };
  std::vector<Candidate> candidates;

  static CitationNeedBlockFacts extract_block(const Analysis& analysis, const Block& block) {
    CitationNeedBlockFacts facts;
    const Document& doc = analysis.doc();
    const size_t index = static_cast<size_t>(&block - doc.blocks().data());
    for (const Sentence* s = doc.block_sentences_begin(block); s != doc.block_sentences_end(block);
         ++s) {
      const SentenceFeatures f = read_features(analysis, index, *s);
      if (f.first_person || f.fragment || f.score() < kThreshold) continue;
      const std::optional<std::string> evidence = describe_evidence(f);
      if (!evidence) continue;
      facts.candidates.push_back(
          {s->span.offset - block.span.offset,
           "This sentence states " + *evidence +
               " without a citation, the kind of claim encyclopedic text cites."});
    }
    return facts;
  }
};

void check(const Analysis& analysis, std::vector<Finding>& out) {
  for (const Block& block : analysis.doc().blocks()) {
    if (!is_checked_block(block)) continue;
    OneClaimPerSentence claims(analysis, out);
    // Held here: the range of a range-for would outlive a temporary pointer to the facts.
    const auto facts = analysis.block_facts<CitationNeedBlockFacts>(block);
    for (const auto& candidate : facts->candidates) {
      const size_t offset = block.span.offset + candidate.offset;
      // A lead's summary: the body, which cites, carries the source.
      if (in_cited_lead(analysis, offset)) continue;
      const Sentence* s = claims.open_sentence(offset);
      if (s == nullptr) continue;
      claims.report(*s, s->span, Severity::Information, candidate.message);
    }
  }
}

}  // namespace

CitationNeedModel citation_need_model() {
  return {kFeatureNames, kWeights, kBias, kThreshold};
}

const RuleDef& likely_needs_citation() {
  static const RuleDef rule{
      {"source/likely-needs-citation",
       "A sentence of the kind editors cite (a dated event, a quotation, an attribution), with "
       "no citation.",
       "Scores each sentence of secondary prose with a small logistic regression over features "
       "an editor would weigh — a quotation, a claim credited to someone (\"suggested that\", "
       "\"according to Smith\", \"Smith argued\"), hearsay (\"reportedly\") or a fact the text "
       "calls unsettled (\"is unclear\"), a figure, a date, a sentence opening on a date — "
       "against the signs of a lead summary (a definition such as \"X (born 1900) is a …\", "
       "summing-up and evaluative words) and of a sentence introducing a quotation or list (a "
       "closing colon). The weights were trained on Wikipedia Featured-Article statements "
       "(data/citation_need_model.json, bench/citation_need_cv.py). A sentence is reported only "
       "when it scores high and shows a claim credited to someone, an uncertain point, or words "
       "quoted into the sentence with no speaker; never in a primary source, in the writer's own "
       "voice, when a citation supports it, when it names the record it comes from (\"according "
       "to the parish register\"), or in the lead of an article whose body cites. Information "
       "severity.",
       "The colonel reportedly ordered the retreat before dawn.", Severity::Information, true},
      &check};
  return rule;
}

}  // namespace histlint::source_rules

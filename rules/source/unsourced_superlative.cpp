// source/unsourced-superlative: rankings ("the biggest betrayal since 1914", "the first woman to
// …", "unrivalled") that no citation supports.
#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <string>

#include "rules/extract/citation_matching.h"
#include "rules/source/claims.h"
#include "rules/source/source_rules.h"

namespace histlint::source_rules {

namespace {

using citation_matching::for_each_match;
using citation_matching::Groups;
using citation_matching::join;
using citation_matching::span_in;
using citation_matching::view;

constexpr std::string_view kSuperlative =
    R"((?:biggest|largest|greatest|best|worst|highest|lowest|oldest|earliest|longest|shortest|)"
    R"(richest|poorest|strongest|weakest|deadliest|bloodiest|smallest|fastest|finest|youngest|)"
    R"(wealthiest|mightiest|heaviest|widest|deepest|tallest|cruell?est|fiercest|bravest|)"
    R"(brightest|wisest|noblest|gravest|harshest|boldest|costliest|fullest|)"
    R"((?:most|least)\s+[\p{L}\-]+))";

// What a ranking is measured against: "since 1914", "in history", "of all time", "ever".
constexpr std::string_view kScope =
    R"((?:since\s+(?:\d{3,4}|the\s+\p{L}+|\p{Lu}\p{L}+)|ever\b|in\s+(?:the\s+)?(?:(?:recorded|human|)"
    R"(modern|world|living|\p{Lu}[\p{L}\-]*)\s+)?history|of\s+all\s+time|in\s+the\s+world|)"
    R"(on\s+(?:earth|record|the\s+planet)|in\s+living\s+memory|of\s+(?:the|his|her|its|their)\s+)"
    R"((?:[\p{L}\d\-]+\s+)?(?:century|age|era|generation|time|times|day|lifetime)\b|to\s+date|)"
    R"(of\s+any\s+\p{L}+|of\s+the\s+(?:war|revolution|conflict|campaign|purges|period)\b|)"
    R"(in\s+(?:Europe|Asia|Africa|America|the\s+(?:country|nation|region|empire|movement))\b|)"
    // A named place or body, capitalised whatever the surrounding case flag: "in Yorkshire".
    R"(in\s+(?-i:\p{Lu}[\p{L}\-]+)\b))";

constexpr std::string_view kWorks =
    R"((?:study|studies|account|accounts|analysis|biography|biographies|history|histories|)"
    R"(treatment|survey|work|works|book|books|edition|collection|source|sources|critique|)"
    R"(examination|investigation|description|portrait|overview|treatise|monograph|synthesis|)"
    R"(exposition|refutation|indictment)\b)";

const citation_matching::ScreenedPattern& superlative_pattern() {
  static const citation_matching::ScreenedPattern re(
      join(
          {// "the biggest betrayal since 1914"
           R"((?i:\bthe\s+(?:single\s+|very\s+)?)", kSuperlative,
           R"((?:[\s-]ever)?\s+(?:[\p{L}\-]+\s+){0,3}?)", kScope, ")",
           // "the most comprehensive study", "the best biography"
           R"(|(?i:\bthe\s+(?:single\s+|very\s+)?(?:(?:most|least)\s+[\p{L}\-]+|best|finest|fullest|)",
           R"(definitive|greatest|earliest)\s+(?:[\p{L}\-]+\s+)?)", kWorks, ")",
           // "he was the most influential Marxist" — as a predicate; "the most popular papers sold"
           // only describes.
           R"(|(?i:\b(?:is|was|are|were|be|been|became|becomes|remains|remained|as)\s+)",
           R"((?:(?:one|among)\s+of\s+)?the\s+(?:single\s+)?most\s+(?:important|influential|significant|famous|)",
           R"(celebrated|prominent|successful|powerful|popular|respected|admired|hated|feared|brilliant|)",
           R"(gifted|talented|original|consequential|notorious|infamous|widely[\s-]read|widely[\s-]cited|)",
           R"(controversial|decisive|prolific)\s+([\p{L}\-]+)))",
           // "the first woman to", "the only member of the Politburo to"
           R"(|(?i:\bthe\s+(?:first|only|last)\s+((?:[\p{L}\-]+\s+){0,4}?)(?:ever\s+)?to\s+)(\p{Ll}+))",
           // "the last veteran of the war", "the last surviving speaker of Manx"
           R"(|(?i:\bthe\s+last\s+(?:surviving\s+|living\s+|known\s+)?(?:veteran|survivor|speaker|)",
           R"(witness|descendant)\s+of\b))",
           // "more castles per square mile than any other country", "is unique in being"
           R"(|(?i:\b(?:more|fewer|less|better|worse)\s+(?:[\p{L}\-]+\s+){0,6}?than\s+any\s+other\b))",
           R"(|(?i:\b(?:is|was|are|were|remains|remained)\s+(?:truly\s+|perhaps\s+|quite\s+)?unique\s+)",
           R"((?:in|among)\b))",
           // absolutes
           R"(|(?i:\b(?:unrivall?ed|unparall?ell?ed|unequall?ed|unmatched|unsurpassed|unprecedented|)",
           R"(second\s+to\s+none|without\s+(?:equal|parallel|precedent)|matchless|peerless)\b))"}),
      citation_matching::large_pattern_options());
  return re;
}

// Nouns too general to rank anyone: "the only way to", "the most important thing".
bool is_generic(std::string_view words) {
  // Times too: "the last week to demand entrance" means the week before.
  static constexpr std::array<std::string_view, 35> kGeneric = {
      "week",  "month",  "year",   "day",         "night",       "hour",   "season",
      "way",   "ways",   "thing",  "things",      "time",        "times",  "step",
      "place", "option", "choice", "chance",      "opportunity", "reason", "solution",
      "means", "method", "answer", "question",    "problem",     "task",   "duty",
      "job",   "goal",   "hope",   "alternative", "course",      "part",   "point"};
  size_t pos = 0;
  while (pos < words.size()) {
    while (pos < words.size() && words[pos] == ' ') ++pos;
    size_t end = words.find(' ', pos);
    if (end == std::string_view::npos) end = words.size();
    const std::string w = lower_ascii(words.substr(pos, end - pos));
    if (std::find(kGeneric.begin(), kGeneric.end(), w) != kGeneric.end()) return true;
    pos = end;
  }
  return false;
}

// "the last of the children to be rescued" places one in a sequence the text tells; "the first
// object of Charles was to obtain" ranks aims, its "to" belonging to the verb.
bool is_sequence_or_aim(std::string_view words) {
  static const re2::RE2 re(R"((?i)^of\s|\b(?:is|was|are|were|has|had)\b)");
  return re2::RE2::PartialMatch(re2::StringPiece(words.data(), words.size()), re);
}

bool is_function_word(std::string_view w) {
  static constexpr std::array<std::string_view, 14> kWords = {
      "the",  "a",    "an",    "his",   "her", "their", "its",
      "this", "that", "these", "those", "be",  "my",    "our"};
  // "to be elected" still ranks; the others start a noun phrase ("the first train to the city").
  return w != "be" && std::find(kWords.begin(), kWords.end(), w) != kWords.end();
}

void check(const Analysis& analysis, std::vector<Finding>& out) {
  const Document& doc = analysis.doc();
  const std::string& prose = doc.prose();
  for (const auto& block : doc.blocks()) {
    if (!is_checked_block(block)) continue;
    OneClaimPerSentence claims(analysis, out);
    for_each_match(
        superlative_pattern(), prose, block.span.offset, block.span.end(), [&](const Groups& g) {
          Span span = span_in(prose, g[0]);
          if (g[1].data() != nullptr) {
            // Underline the superlative, not the verb before it: "was [the most influential …]".
            const size_t the = std::string_view(prose).substr(span.offset, span.length).find("the");
            if (the != std::string_view::npos) span = {span.offset + the, span.length - the};
          }
          if (g[1].data() != nullptr && is_generic(view(g[1]))) return;
          if (g[2].data() != nullptr && (is_generic(view(g[2])) || is_sequence_or_aim(view(g[2]))))
            return;
          if (g[3].data() != nullptr && is_function_word(view(g[3]))) return;
          // A lead's summary: the body, which cites, carries the source.
          if (in_cited_lead(analysis, span.offset)) return;
          const Sentence* sentence = claims.open_sentence(span.offset);
          if (sentence == nullptr) return;
          // "We pledge ourselves to the greatest task": the writer's own judgement.
          const Span lead{sentence->span.offset, span.offset - sentence->span.offset};
          if (is_first_person(doc.prose_slice(lead))) return;
          claims.report(
              *sentence, span, Severity::Information,
              "superlative without a source: “" + excerpt(doc.prose_slice(span), 60) + "”");
        });
  }
}

}  // namespace

const RuleDef& unsourced_superlative() {
  static const RuleDef rule{
      {"source/unsourced-superlative", "A superlative or absolute claim with no citation.",
       "A ranking — \"the biggest betrayal since 1914\", \"the most comprehensive study\", \"the "
       "first woman to …\", \"unprecedented\" — is a claim about everything it is compared with, "
       "and reviewers ask for its source. The rule flags superlatives measured against a scope "
       "(since, ever, in history, of all time, of its century), superlative judgements of a work, "
       "\"the first/only … to\" and absolutes when no citation supports them. Superlatives in "
       "quotations, in the writer's own voice (\"we\", \"I\") and possessive descriptions (\"his "
       "most vocal opponent\") are not flagged, nor is the lead of an article whose body cites.",
       "It was the biggest betrayal since 1914.", Severity::Information, true},
      &check};
  return rule;
}

}  // namespace histlint::source_rules

// source/weasel-words: opinions credited to unnamed people ("some critics say", "it is believed")
// with no citation to say who.
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

constexpr std::string_view kVagueGroup =
    R"((?:some|many|most|several|various|numerous|certain|countless|a\s+few|a\s+number\s+of))";

constexpr std::string_view kPeople =
    R"((?:people|persons|scholars|historians|critics|experts|observers|commentators|writers|)"
    R"(authors|researchers|analysts|sources|authorities|academics|economists|officials|)"
    R"(biographers|sociologists|theorists|contemporaries|witnesses|accounts|reports|specialists|)"
    R"(journalists|politicians|supporters|opponents|admirers|detractors|marxists|trotskyists|)"
    R"(stalinists|socialists|conservatives|liberals|leftists|believers|readers|veterans|)"
    R"(engineers|doctors|physicians|scientists|lawyers|diplomats|officers|generals|locals|)"
    R"(residents|villagers|survivors|eyewitnesses|insiders|economists|theologians))";

// Authorities whose unnamed opinion lends a claim weight even without "some" or "many":
// "Historians argue that …", "Engineers still regard …", "Research has shown …".
constexpr std::string_view kAuthorities =
    R"((?:historians|scholars|experts|critics|observers|commentators|analysts|economists|)"
    R"(researchers|engineers|doctors|physicians|scientists|specialists|academics|officials))";
constexpr std::string_view kAuthorityVerbs =
    R"((?:say|said|state|stated|claim|claimed|argue|argued|believe|believed|think|thought|)"
    R"(suggest|suggested|contend|contended|maintain|maintained|assert|asserted|agree|agreed|)"
    R"(insist|insisted|note|noted|regard|regarded|consider|considered|blame|blamed|doubt|)"
    R"(doubted|warn|warned|declare|declared|estimate|estimated))";
constexpr std::string_view kResearch = R"((?:research|studies|scholarship|evidence|surveys|polls))";
constexpr std::string_view kResearchVerbs =
    R"((?:shown|show|shows|proven|proved|demonstrated|demonstrate|demonstrates|found|find|)"
    R"(finds|indicate|indicates|indicated|suggest|suggests|suggested))";

constexpr std::string_view kOpinionVerbs =
    R"((?:say|said|says|state|stated|claim|claimed|argue|argued|believe|believed|think|thought|)"
    R"(suggest|suggested|contend|contended|maintain|maintained|assert|asserted|declare|declared|)"
    R"(feel|felt|consider|considered|hold|held|insist|insisted|note|noted|allege|alleged|agree|)"
    R"(agreed|report|reported|speculate|speculated|point\s+out|pointed\s+out|describe|described|)"
    R"(regard|regarded|view|viewed|charge|charged|accuse|accused|see|saw|doubt|doubted))";

// Group 1 is the weasel phrase; group 2, when present, the word before a bare plural subject.
const citation_matching::ScreenedPattern& weasel_pattern() {
  static const citation_matching::ScreenedPattern re(
      join(
          {"(?i)(",
           // "some critics of Trotsky say", "many historians have argued"
           R"(\b)", kVagueGroup, R"(\s+(?:[\p{L}\-]+\s+){0,2}?)", kPeople,
           R"((?:\s+of\s+[\p{L}’'\-]+(?:\s+[\p{L}’'\-]+)?)?\s+(?:have\s+|has\s+|had\s+|would\s+|)",
           R"(might\s+|may\s+)?(?:also\s+|long\s+|even\s+)?)", kOpinionVerbs, R"(\b)",
           // "according to some historians"
           R"(|\baccording\s+to\s+(?:some|many|most|several|various|certain|unnamed|anonymous|)",
           R"(unspecified|(?:some|many)\s+(?:of\s+)?(?:the\s+)?[\p{L}\-]+)\b(?:\s+[\p{L}\-]+)?)",
           // "it is believed that", "it has been suggested that", "it is said to have"
           R"(|\bit\s+(?:is|was|has\s+been|had\s+been|can\s+be|could\s+be|may\s+be|might\s+be|)",
           R"(must\s+be)\s+(?:(?:often|widely|generally|commonly|frequently|sometimes|usually|now|still|)",
           R"(also|long|popularly|traditionally|increasingly|universally|almost\s+universally)\s+)?)",
           R"((?:said|believed|thought|claimed|argued|reported|suggested|rumou?red|alleged|held|)",
           R"(accepted|acknowledged|considered|felt|estimated|calculated|reckoned|computed|feared|)",
           R"(assumed|supposed|)",
           R"(maintained|asserted|speculated|recogni[sz]ed|known)\s+(?:that\b|to\s+(?-i:\p{Ll}+)))",
           // "is considered by some to be", "was thought by many"
           R"(|\b(?:is|are|was|were|has\s+been|have\s+been|had\s+been)\s+(?:\p{Ll}+ly\s+)?)",
           R"((?:considered|regarded|seen|viewed|thought|believed|described|held|called)\s+by\s+)",
           R"((?:some|many|most|several|others|certain|a\s+few)\b)",
           // "has led some scholars to consider", "prompted many historians to conclude"
           R"(|\b(?:led|leads|lead|prompted|prompts|caused|causes|persuaded)\s+)", kVagueGroup,
           R"(\s+(?:[\p{L}\-]+\s+)?)", kPeople,
           R"(\s+to\s+(?:consider|believe|conclude|suggest|argue|speculate|think|suspect|propose|)",
           R"(regard|see|view|doubt)\b)",
           // "some say", "many believe", "others have argued"
           R"(|\b(?:some|many|others|most)\s+(?:would\s+|might\s+|may\s+|could\s+|have\s+|had\s+)?)",
           R"((?:say|said|claim|claimed|believe|believed|argue|argued|think|thought|feel|felt|)",
           R"(contend|contended|maintain|maintained|insist|insisted|suggest|suggested|blame|)",
           R"(blamed|doubt|doubted)\b)",
           // "is widely regarded as", "was often described"
           R"(|\b(?:is|are|was|were|has\s+been|have\s+been|had\s+been)\s+)",
           R"((?:(?:often|widely|generally|commonly|frequently|sometimes|universally|almost|usually|)",
           R"(popularly|traditionally|increasingly|long)\s+)+(?:regarded|considered|seen|viewed|)",
           R"(described|believed|thought|held|acknowledged|accepted|recogni[sz]ed|credited|called|)",
           R"(referred\s+to|said|cited|reported|claimed|praised|acclaimed|critici[sz]ed|condemned|)",
           R"(denounced|dismissed|celebrated|hailed|depicted|portrayed|remembered|blamed)\b)",
           // "a widely held view", "there is a broad consensus that"
           R"(|\b(?:widely|commonly|generally|popularly)\s+(?:believed|held|thought|accepted)\b)",
           R"(|\bthere\s+(?:is|was|has\s+been)\s+(?:a\s+)?(?:(?:broad|general|growing|wide|)",
           R"(widespread|scholarly|academic)\s+)?(?:consensus|agreement)\s+(?:that|among)\b)", ")",
           // "research has shown", "historians argue": a bare plural subject
           R"(|(?:(?m:^)\s*|[.;:!?]\s+|,\s+|\b(?:and|but|that|as|while|although|though|whereas|because)\s+)()",
           R"((?:([\p{L}\-]+)\s+)?(?:)", kAuthorities,
           R"(\s+(?:(?:at|of|in)\s+the\s+(?:time|day|period|era)\s+)?(?:have\s+|has\s+|had\s+)?)",
           R"((?:\p{Ll}+ly\s+|still\s+|also\s+|now\s+|often\s+|long\s+)?)", kAuthorityVerbs, "|",
           kResearch, R"(\s+(?:have\s+|has\s+)?(?:\p{Ll}+ly\s+|also\s+|now\s+)?)", kResearchVerbs,
           R"()\b))"}),
      citation_matching::large_pattern_options());
  return re;
}

// "the critics argued", "Stalin’s critics said": someone already named or identified.
bool names_the_subject(std::string_view word) {
  static constexpr std::array<std::string_view, 16> kDeterminers = {
      "the",  "these", "those", "his",   "her",  "their", "its",   "our",
      "such", "both",  "two",   "three", "this", "that",  "whose", "my"};
  if (word.empty()) return false;
  const std::string w = lower_ascii(word);
  if (std::find(kDeterminers.begin(), kDeterminers.end(), w) != kDeterminers.end()) return true;
  // A possessive name: "Trotsky’s critics".
  return w.size() > 2 && (w.ends_with("’s") || w.ends_with("'s"));
}

// "Historians still argue about what the zemstvo achieved" describes a debate; it does not credit
// anyone with a claim.
bool describes_a_debate(std::string_view rest) {
  static const re2::RE2 re(R"(^\s+(?:about|over|whether|among|amongst|with|against)\b)");
  return re2::RE2::PartialMatch(re2::StringPiece(rest.data(), rest.size()), re);
}

// "universally denounced by the North American Left": the agent is named after all.
bool agent_named_after(std::string_view rest) {
  static const re2::RE2 re(R"(^[^.;!?]{0,40}?\bby\s+(?:the\s+)?\p{Lu})");
  return re2::RE2::PartialMatch(re2::StringPiece(rest.data(), rest.size()), re);
}

// "sometimes called his “fee”": the text reports what something was called, not an opinion.
bool names_a_term(std::string_view phrase, std::string_view rest) {
  static const re2::RE2 term(R"(^\s+(?:(?:his|her|its|their|the|a|an)\s+)?["“‘'])");
  return phrase.ends_with("called") &&
         re2::RE2::PartialMatch(re2::StringPiece(rest.data(), rest.size()), term);
}

void check(const Analysis& analysis, std::vector<Finding>& out) {
  const Document& doc = analysis.doc();
  const std::string& prose = doc.prose();
  for (const auto& block : doc.blocks()) {
    if (!is_checked_block(block)) continue;
    OneClaimPerSentence claims(analysis, out);
    for_each_match(
        weasel_pattern(), prose, block.span.offset, block.span.end(), [&](const Groups& g) {
          const bool bare_subject = g[1].data() == nullptr;
          const Span span = span_in(prose, bare_subject ? g[2] : g[1]);
          if (bare_subject && names_the_subject(view(g[3]))) return;
          const std::string_view rest =
              std::string_view(prose).substr(span.end(), block.span.end() - span.end());
          if (agent_named_after(rest) || describes_a_debate(rest) || names_a_term(view(g[1]), rest))
            return;
          // A lead's summary: the body, which cites, carries the source.
          if (in_cited_lead(analysis, span.offset)) return;
          const Sentence* sentence = claims.open_sentence(span.offset);
          if (sentence == nullptr) return;
          claims.report(*sentence, span, Severity::Warning,
                        "unattributed opinion without a source: “" +
                            excerpt(doc.prose_slice(span), 60) + "” does not say who");
        });
  }
}

}  // namespace

const RuleDef& weasel_words() {
  static const RuleDef rule{
      {"source/weasel-words", "An opinion credited to unnamed people, with no citation.",
       "Phrases such as \"some critics say\", \"many historians believe\", \"it is believed "
       "that\", \"research has shown\" or \"is widely regarded as\" lend a claim authority "
       "without saying whose it is (Wikipedia's \"weasel words\"). Name the people and cite "
       "them. The rule matches patterns, not a fixed phrase list, and stays quiet when a citation "
       "follows in the paragraph or the agent is named (\"denounced by the Comintern\"), and in "
       "the lead of an article whose body cites (the body carries the source).",
       "This was not, as some critics of Trotsky say, a weakness of his personality.",
       Severity::Warning, true},
      &check};
  return rule;
}

}  // namespace histlint::source_rules

// What a configuration file, front matter or the editor can change about an analysis.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace histlint {

enum class CitationScope { Sentence, Paragraph };

// What kind of text a document is. A primary source (newspaper page, letter, diary, government
// notice, court record, transcript) is itself the source and is not asked for citations.
// Unknown: the source/ rules recognise primary sources from the text itself.
enum class Genre { Unknown, Secondary, Primary };

// "primary", "secondary" or "auto", or a kind of primary source ("newspaper", "letter", "diary",
// "notice", "court record", "transcript"), as written in configuration or front matter.
inline std::optional<Genre> parse_genre(std::string_view name) {
  for (std::string_view kind :
       {"primary", "newspaper", "letter", "diary", "notice", "court record", "transcript"}) {
    if (name == kind) return Genre::Primary;
  }
  if (name == "secondary") return Genre::Secondary;
  if (name == "auto") return Genre::Unknown;
  return std::nullopt;
}

struct CivilDate {
  int year = 0;
  int month = 0;  // 1..12, 0 when unknown
  int day = 0;    // 1..31, 0 when unknown
};

struct Options {
  // Selector -> "off" or a severity name. Selectors: a rule id ("date/age-mismatch"), a family
  // ("date", "date/*") or "*". The most specific selector wins.
  std::vector<std::pair<std::string, std::string>> rules;
  // Rule thresholds, keyed "rule-id.name", e.g. "garble/spun-text.threshold".
  std::map<std::string, double, std::less<>> thresholds;
  // The date "N years ago" is measured from; front matter `date:` overrides it per file.
  std::optional<CivilDate> document_date;
  CitationScope citation_scope = CitationScope::Sentence;
  // Front matter `genre:` overrides it per file.
  Genre genre = Genre::Unknown;
  // Report `<!-- histlint-disable … -->` comments that silence nothing (histlint/unused-disable).
  bool report_unused_disables = false;

  double threshold(std::string_view key, double fallback) const {
    auto it = thresholds.find(key);
    return it == thresholds.end() ? fallback : it->second;
  }
};

}  // namespace histlint

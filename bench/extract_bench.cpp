// `histlint extract` throughput: the anchored TIMEX3 readings (dates, relative and news-style
// expressions counted from the document date) on a generated text of MEGABYTES megabytes.
// Usage: extract_bench [MEGABYTES]   (default 4). Prints figures; nothing is asserted.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "rules/extract/dates.h"
#include "rules/extract/dates_anchored.h"
#include "rules/text/document.h"

using namespace histlint;

namespace {

// Every kind of expression the extractor anchors, plus plain prose around them.
constexpr const char* kParagraph =
    "The convoy left port on 3 May 1770 and the next morning met a gale. Two days later the "
    "masts were repaired; a week before the landing the water ran short. On 14 June the coast "
    "came in sight, and the following year the settlement was founded. That summer was dry. "
    "Yesterday the council said its third-quarter figures beat the year-earlier quarter; last "
    "year it lost money, and on Friday it will report again. Prices are now higher than in "
    "recent years, and earlier this month they rose. The 1930s, the 20th century, the spring "
    "of 1917, 1697/8, 1788-87 and 44 BC are periods; 273 times and 1,500 soldiers are not.\n\n";

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  const double megabytes = argc > 1 ? std::atof(argv[1]) : 4.0;
  const size_t target = static_cast<size_t>(megabytes * 1024 * 1024);
  std::string text;
  text.reserve(target + 1024);
  while (text.size() < target) text += kParagraph;
  const Document doc(text, Language::Markdown);
  const double mb = static_cast<double>(text.size()) / (1024 * 1024);

  auto start = std::chrono::steady_clock::now();
  const DateFacts facts = DateFacts::extract(doc);
  const double extract_seconds = seconds_since(start);

  start = std::chrono::steady_clock::now();
  const AnchoredDates anchored = AnchoredDates::extract(facts, CivilDate{1990, 8, 15});
  const double anchor_seconds = seconds_since(start);

  std::printf("text: %.1f MB, %zu date readings\n", mb, anchored.dates.size());
  std::printf("date extraction: %.2f s, %.1f MB/s\n", extract_seconds, mb / extract_seconds);
  std::printf("anchoring (TIMEX3 values): %.3f s, %.1f MB/s\n", anchor_seconds,
              mb / anchor_seconds);
  std::printf("extract total: %.1f MB/s\n", mb / (extract_seconds + anchor_seconds));
  return 0;
}

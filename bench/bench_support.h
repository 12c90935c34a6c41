// What the benchmarks share: generated documents and latency summaries.
#pragma once

#include <algorithm>
#include <span>
#include <string>
#include <vector>

namespace histlint::bench {

// About `bytes` of Markdown: `paragraphs` in turn, with a chapter heading every twelve.
inline std::string generated_history(size_t bytes, std::span<const char* const> paragraphs) {
  std::string text = "# A generated history\n\n";
  for (size_t i = 0; text.size() < bytes; ++i) {
    if (i % 12 == 0) text += "## Chapter " + std::to_string(i / 12 + 1) + "\n\n";
    text += paragraphs[i % paragraphs.size()];
    text += "\n\n";
  }
  return text;
}

struct Stats {
  double median = 0, p99 = 0, max = 0;
};

inline Stats summarise(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  Stats s;
  if (v.empty()) return s;
  s.median = v[v.size() / 2];
  s.p99 = v[std::min(v.size() - 1, v.size() * 99 / 100)];
  s.max = v.back();
  return s;
}

}  // namespace histlint::bench

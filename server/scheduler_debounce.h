// How long the server waits after an edit before analysing, like clangd's DebouncePolicy: short
// for documents that analyse quickly, longer for those whose analyses take long, so that fast
// typing in a big document does not start analyses that the next keystroke throws away.
#pragma once

#include <chrono>
#include <vector>

namespace histlint {

class DebouncePolicy {
 public:
  using Milliseconds = std::chrono::milliseconds;

  // Adaptive, with the default bounds.
  DebouncePolicy() = default;
  // Always `fixed` (the --debounce option, tests). Implicit: a delay is a fixed policy.
  DebouncePolicy(Milliseconds fixed) : min_(fixed), max_(fixed) {}  // NOLINT(google-explicit-*)
  // `ratio` times the typical analysis time, within [min, max].
  DebouncePolicy(Milliseconds min, Milliseconds max, double ratio)
      : min_(min), max_(max), ratio_(ratio) {}

  // The delay for a document whose recent analyses took `recent`: the ratio times their
  // median, within the bounds; the minimum when there are none yet.
  Milliseconds compute(const std::vector<std::chrono::microseconds>& recent) const;
  Milliseconds min() const { return min_; }

  // How many recent analysis times are worth keeping per document.
  static constexpr size_t kHistory = 5;

 private:
  Milliseconds min_{50};
  Milliseconds max_{500};
  double ratio_ = 1.0;
};

}  // namespace histlint

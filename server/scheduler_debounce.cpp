#include "server/scheduler_debounce.h"

#include <algorithm>

namespace histlint {

DebouncePolicy::Milliseconds DebouncePolicy::compute(
    const std::vector<std::chrono::microseconds>& recent) const {
  if (recent.empty() || min_ == max_) return min_;
  // The median, so that one unusual analysis (the first, with nothing cached) does not decide.
  std::vector<std::chrono::microseconds> sorted = recent;
  const auto middle = sorted.begin() + static_cast<std::ptrdiff_t>(sorted.size() / 2);
  std::nth_element(sorted.begin(), middle, sorted.end());
  const auto estimate = std::chrono::duration_cast<Milliseconds>(middle->count() * ratio_ *
                                                                 std::chrono::microseconds(1));
  return std::clamp(estimate, min_, max_);
}

}  // namespace histlint

#include "server/scheduler.h"

#include <algorithm>
#include <exception>
#include <string>

#include "server/log.h"

namespace histlint {

Scheduler::Scheduler(unsigned workers, std::chrono::milliseconds debounce) : debounce_(debounce) {
  for (unsigned i = 0; i < std::max(1u, workers); ++i) threads_.emplace_back([this] { work(); });
}

Scheduler::~Scheduler() {
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
    pending_.clear();
    for (auto& [key, superseded] : running_) *superseded = true;
  }
  wake_.notify_all();
  for (auto& thread : threads_) thread.join();
}

void Scheduler::schedule(const std::string& key, Task task, bool immediate) {
  schedule_after(key, std::move(task), immediate ? Clock::duration::zero() : debounce());
}

void Scheduler::schedule_after(const std::string& key, Task task, Clock::duration delay) {
  {
    const std::lock_guard lock(mutex_);
    pending_[key] = Pending{std::move(task), Clock::now() + delay};
    supersede_running(key);
  }
  wake_.notify_all();
}

void Scheduler::expedite(const std::string& key) {
  {
    const std::lock_guard lock(mutex_);
    const auto it = pending_.find(key);
    if (it == pending_.end()) return;
    it->second.due = Clock::now();
  }
  wake_.notify_all();
}

void Scheduler::cancel(const std::string& key) {
  const std::lock_guard lock(mutex_);
  pending_.erase(key);
  supersede_running(key);
}

void Scheduler::supersede_running(const std::string& key) {
  if (const auto it = running_.find(key); it != running_.end()) *it->second = true;
}

void Scheduler::set_debounce(std::chrono::milliseconds debounce) {
  const std::lock_guard lock(mutex_);
  debounce_ = debounce;
}

std::chrono::milliseconds Scheduler::debounce() const {
  const std::lock_guard lock(mutex_);
  return debounce_;
}

bool Scheduler::busy() const {
  const std::lock_guard lock(mutex_);
  return !running_.empty();
}

void Scheduler::work() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    // The earliest task whose document is not being analysed already.
    auto next = pending_.end();
    for (auto it = pending_.begin(); it != pending_.end(); ++it) {
      if (running_.count(it->first)) continue;
      if (next == pending_.end() || it->second.due < next->second.due) next = it;
    }
    if (next == pending_.end()) {
      wake_.wait(lock);
      continue;
    }
    // A copy: wait_until reads its deadline after waking, when the entry may be gone.
    const Clock::time_point due = next->second.due;
    if (due > Clock::now()) {
      wake_.wait_until(lock, due);
      continue;
    }
    const std::string key = next->first;
    Task task = std::move(next->second.task);
    pending_.erase(next);
    const auto superseded = std::make_shared<std::atomic<bool>>(false);
    running_[key] = superseded;
    lock.unlock();
    try {
      task(*superseded);
    } catch (const std::exception& e) {
      log::error("analysis of " + key + " failed: " + e.what());
    }
    lock.lock();
    running_.erase(key);
    wake_.notify_all();  // a task for this key may have been waiting
  }
}

}  // namespace histlint

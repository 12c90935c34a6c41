// Runs analyses on worker threads: debounced per document, one at a time per document, newest
// request wins. Results for outdated versions are the caller's to drop (it knows the versions).
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace histlint {

class Scheduler {
 public:
  using Task = std::function<void()>;
  using Clock = std::chrono::steady_clock;

  Scheduler(unsigned workers, std::chrono::milliseconds debounce);
  // Drops pending tasks and waits for running ones.
  ~Scheduler();
  Scheduler(const Scheduler&) = delete;
  Scheduler& operator=(const Scheduler&) = delete;

  // Queues `task` under `key` to run after the debounce delay (at once when `immediate`),
  // replacing a task still pending under the same key. A task never runs while another with the
  // same key is running.
  void schedule(const std::string& key, Task task, bool immediate = false);
  // Runs the task pending under `key` without waiting for the rest of its delay.
  void expedite(const std::string& key);
  // Drops the task pending under `key`, if any.
  void cancel(const std::string& key);
  void set_debounce(std::chrono::milliseconds debounce);
  std::chrono::milliseconds debounce() const;
  // True while a task is running.
  bool busy() const;

 private:
  struct Pending {
    Task task;
    Clock::time_point due;
  };
  void work();

  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::map<std::string, Pending> pending_;
  std::set<std::string> running_;
  std::chrono::milliseconds debounce_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace histlint

// Runs analyses on worker threads: debounced per document, one at a time per document, newest
// request wins. A running task is told when it is superseded (a newer task for its document, or
// the document cancelled) so it can stop early; results for outdated versions are the caller's to
// drop (it knows the versions).
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace histlint {

class Scheduler {
 public:
  // `superseded` turns true while the task runs when its result is no longer wanted.
  using Task = std::function<void(const std::atomic<bool>& superseded)>;
  using Clock = std::chrono::steady_clock;

  Scheduler(unsigned workers, std::chrono::milliseconds debounce);
  // Drops pending tasks and waits for running ones.
  ~Scheduler();
  Scheduler(const Scheduler&) = delete;
  Scheduler& operator=(const Scheduler&) = delete;

  // Queues `task` under `key` to run after the debounce delay (at once when `immediate`),
  // replacing a task still pending under the same key and superseding one running. A task never
  // runs while another with the same key is running.
  void schedule(const std::string& key, Task task, bool immediate = false);
  // The same, after `delay` instead of the debounce delay.
  void schedule_after(const std::string& key, Task task, Clock::duration delay);
  // Runs the task pending under `key` without waiting for the rest of its delay.
  void expedite(const std::string& key);
  // Drops the task pending under `key`, if any, and supersedes the one running.
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
  // Tells the task running under `key`, if any, that its result is no longer wanted.
  void supersede_running(const std::string& key);

  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::map<std::string, Pending> pending_;
  std::map<std::string, std::shared_ptr<std::atomic<bool>>> running_;  // key -> superseded
  std::chrono::milliseconds debounce_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace histlint

// WorkerThreads: idle threads waiting for work, and a latch per run.
#include "core/worker_threads.h"

#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace digestif {

/// What the threads share: work handed to idle threads, one slot per thread.
struct WorkerThreads::Shared {
  /// One run: what its calls share.
  struct Run {
    const std::function<void(std::size_t)>& work;
    std::size_t left;              // calls on other threads not returned yet
    std::exception_ptr failure{};  // the first exception of one of them
  };
  struct Slot {
    Run* run = nullptr;  // null: idle
    std::size_t index = 0;
  };
  std::mutex mutex;
  std::condition_variable handed;  // work was handed to a slot
  std::condition_variable done;    // a run's `left` went down
  std::vector<Slot*> idle;

  void serve(Slot* slot) {
    std::unique_lock lock(mutex);
    while (true) {
      handed.wait(lock, [&] { return slot->run != nullptr; });
      Run& run = *slot->run;
      std::exception_ptr failure;
      lock.unlock();
      try {
        run.work(slot->index);
      } catch (...) {
        failure = std::current_exception();
      }
      lock.lock();
      if (failure && !run.failure) run.failure = failure;
      slot->run = nullptr;
      if (--run.left == 0) done.notify_all();
      idle.push_back(slot);
    }
  }
};

WorkerThreads& WorkerThreads::shared() {
  static WorkerThreads* threads = [] {
    auto* made = new WorkerThreads();
    made->shared_ = new Shared();
    return made;
  }();
  return *threads;
}

void WorkerThreads::run(std::size_t count, const std::function<void(std::size_t)>& work) {
  if (count == 0) return;
  if (count == 1) return work(0);  // no other thread, nor its lock (a forked child has neither)
  Shared::Run run{work, count - 1};
  {
    std::lock_guard lock(shared_->mutex);
    for (std::size_t index = 1; index < count; ++index) {
      Shared::Slot* slot = nullptr;
      if (!shared_->idle.empty()) {
        slot = shared_->idle.back();
        shared_->idle.pop_back();
      } else {
        slot = new Shared::Slot();  // lives with its thread, as long as the process
        std::thread([shared = shared_, slot] { shared->serve(slot); }).detach();
      }
      *slot = {&run, index};
    }
  }
  shared_->handed.notify_all();
  std::exception_ptr failure;
  try {
    work(0);
  } catch (...) {
    failure = std::current_exception();
  }
  std::unique_lock lock(shared_->mutex);
  shared_->done.wait(lock, [&] { return run.left == 0; });
  if (!failure) failure = run.failure;
  if (failure) std::rethrow_exception(failure);
}

}  // namespace digestif

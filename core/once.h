// Once: work done once however many threads ask for it, with no system call when none waits.
#pragma once

#include <atomic>
#include <cstdint>
#include <thread>

namespace digestif {

/// Like std::once_flag with std::call_once, without its cost: glibc's call_once wakes waiters
/// with a futex system call every time it runs, even when none waits, and a build reads a
/// member of each of 10,000 restored documents (16,000 system calls in a tag edit). Here the
/// first caller runs the work while any other waits, yielding; when the work throws, the next
/// caller runs it again.
class Once {
 public:
  template <typename Work>
  void call(Work&& work) {
    std::uint8_t state = kNotRun;
    while (!state_.compare_exchange_weak(state, kRunning, std::memory_order_acquire,
                                         std::memory_order_acquire)) {
      if (state == kDone) return;
      if (state == kRunning) std::this_thread::yield();
      state = kNotRun;
    }
    try {
      work();
    } catch (...) {
      state_.store(kNotRun, std::memory_order_release);
      throw;
    }
    state_.store(kDone, std::memory_order_release);
  }
  bool done() const { return state_.load(std::memory_order_acquire) == kDone; }

 private:
  static constexpr std::uint8_t kNotRun = 0, kRunning = 1, kDone = 2;
  std::atomic<std::uint8_t> state_{kNotRun};
};

}  // namespace digestif

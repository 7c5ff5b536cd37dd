// WorkerThreads: threads kept for the life of the process, so that builds and parallel loops do
// not start and end threads of their own (a thread's end costs its allocator's heap).
#pragma once

#include <cstddef>
#include <functional>

namespace digestif {

class WorkerThreads {
 public:
  /// The threads of the process, made as they are first needed and never ended.
  static WorkerThreads& shared();

  /// Runs work(0), ..., work(count - 1) at once, work(0) on the calling thread and each other
  /// on a thread of its own (an idle one, else a new one), and returns when all have returned;
  /// then rethrows the exception of one that threw, if any.
  void run(std::size_t count, const std::function<void(std::size_t)>& work);

  WorkerThreads(const WorkerThreads&) = delete;
  WorkerThreads& operator=(const WorkerThreads&) = delete;

 private:
  WorkerThreads() = default;
  struct Shared;
  Shared* shared_ = nullptr;  // never freed: its threads may outlive static destruction
};

}  // namespace digestif

// Tests of core/worker_threads: every call of a run at once, threads reused across runs,
// exceptions handed to the caller.
#include "core/worker_threads.h"

#include <atomic>
#include <boost/test/unit_test.hpp>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>
#include <vector>

namespace digestif {
namespace {

/// The thread each call of a run of `count` ran on; every call waits (up to 10 s) until all
/// have started, so the run fails the check below unless they run at once.
std::vector<std::thread::id> threads_of_a_run(std::size_t count, bool& all_at_once) {
  std::vector<std::thread::id> ids(count);
  std::mutex mutex;
  std::condition_variable started;
  std::size_t waiting = 0;
  all_at_once = true;
  WorkerThreads::shared().run(count, [&](std::size_t index) {
    ids[index] = std::this_thread::get_id();
    std::unique_lock lock(mutex);
    ++waiting;
    started.notify_all();
    if (!started.wait_for(lock, std::chrono::seconds(10), [&] { return waiting == count; }))
      all_at_once = false;
  });
  return ids;
}

BOOST_AUTO_TEST_SUITE(worker_threads)

BOOST_AUTO_TEST_CASE(every_call_of_a_run_runs_at_once_the_first_on_the_caller) {
  bool all_at_once = false;
  std::vector<std::thread::id> ids = threads_of_a_run(5, all_at_once);
  BOOST_TEST(all_at_once);
  BOOST_TEST((ids[0] == std::this_thread::get_id()));
  BOOST_TEST(std::set<std::thread::id>(ids.begin(), ids.end()).size() == 5u);
}

BOOST_AUTO_TEST_CASE(a_later_run_takes_the_threads_of_an_earlier_one) {
  bool all_at_once = false;
  std::vector<std::thread::id> first = threads_of_a_run(3, all_at_once);
  std::vector<std::thread::id> second = threads_of_a_run(3, all_at_once);
  BOOST_TEST(all_at_once);
  std::set<std::thread::id> earlier(first.begin(), first.end());
  for (std::thread::id id : second) BOOST_TEST(earlier.count(id) == 1u);
}

BOOST_AUTO_TEST_CASE(an_exception_of_any_call_reaches_the_caller_after_all_returned) {
  for (std::size_t thrower : {0u, 2u}) {
    std::atomic<int> returned = 0;
    BOOST_CHECK_THROW(
        WorkerThreads::shared().run(3,
                                    [&](std::size_t index) {
                                      if (index == thrower) throw std::runtime_error("call failed");
                                      std::this_thread::sleep_for(std::chrono::milliseconds(50));
                                      ++returned;
                                    }),
        std::runtime_error);
    BOOST_TEST(returned.load() == 2);
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace digestif

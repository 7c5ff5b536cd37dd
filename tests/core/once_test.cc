// Tests of core/once: the work runs once however many threads ask at the same time, and again
// after it threw.
#include "core/once.h"

#include <atomic>
#include <boost/test/unit_test.hpp>
#include <chrono>
#include <stdexcept>
#include <thread>
#include <vector>

namespace digestif {
namespace {

BOOST_AUTO_TEST_SUITE(once)

BOOST_AUTO_TEST_CASE(many_threads_asking_at_once_run_the_work_once_and_all_see_it_done) {
  for (int round = 0; round < 50; ++round) {
    Once once;
    std::atomic<int> runs{0}, seen{0};
    int value = 0;
    std::atomic<bool> go{false};
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t)
      threads.emplace_back([&] {
        while (!go) std::this_thread::yield();
        once.call([&] {
          ++runs;
          std::this_thread::sleep_for(std::chrono::microseconds(200));  // others arrive meanwhile
          value = 42;
        });
        if (value == 42) ++seen;  // the work is visible to every caller once call() returns
      });
    go = true;
    for (std::thread& thread : threads) thread.join();
    BOOST_TEST(runs == 1);
    BOOST_TEST(seen == 8);
    BOOST_TEST(once.done());
  }
}

BOOST_AUTO_TEST_CASE(work_that_throws_runs_again_on_the_next_call) {
  Once once;
  int runs = 0;
  BOOST_CHECK_THROW(once.call([&] {
    ++runs;
    throw std::runtime_error("damaged");
  }),
                    std::runtime_error);
  BOOST_TEST(!once.done());
  once.call([&] { ++runs; });
  once.call([&] { ++runs; });
  BOOST_TEST(runs == 2);
  BOOST_TEST(once.done());
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace digestif

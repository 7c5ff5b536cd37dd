// Tests of core/builder: dependency order, failures and skips, spawned tasks and parallelism.
#include "core/builder.h"

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <boost/test/unit_test.hpp>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "core/build_graph.h"
#include "core/diagnostic.h"
#include "core/diagnostic_sink.h"

namespace digestif {
namespace {

/// The names of the tasks that ran, in the order they started.
class Recorder {
 public:
  std::function<void(TaskSpawner&)> record(std::string name) {
    return [this, name](TaskSpawner&) { add(name); };
  }
  void add(const std::string& name) {
    std::lock_guard lock(mutex_);
    order_.push_back(name);
  }
  std::vector<std::string> order() const {
    std::lock_guard lock(mutex_);
    return order_;
  }
  bool ran(const std::string& name) const {
    auto all = order();
    return std::find(all.begin(), all.end(), name) != all.end();
  }
  /// Position of `name` in the order; fails the test when it did not run.
  std::size_t position(const std::string& name) const {
    auto all = order();
    auto it = std::find(all.begin(), all.end(), name);
    BOOST_REQUIRE_MESSAGE(it != all.end(), name + " did not run");
    return static_cast<std::size_t>(it - all.begin());
  }

 private:
  mutable std::mutex mutex_;
  std::vector<std::string> order_;
};

/// A rendezvous for `count` tasks that gives up after a timeout, so a serial builder cannot hang.
class Rendezvous {
 public:
  explicit Rendezvous(int count) : count_(count) {}
  /// True when all `count` arrived within the timeout.
  bool arrive_and_wait(std::chrono::milliseconds timeout) {
    std::unique_lock lock(mutex_);
    ++arrived_;
    all_.notify_all();
    return all_.wait_for(lock, timeout, [&] { return arrived_ >= count_; });
  }

 private:
  std::mutex mutex_;
  std::condition_variable all_;
  int count_;
  int arrived_ = 0;
};

const unsigned kThreadCounts[] = {1, 4};

}  // namespace

BOOST_AUTO_TEST_SUITE(builder)

BOOST_AUTO_TEST_CASE(tasks_run_after_what_they_require_and_wait_for,
                     *boost::unit_test::timeout(10)) {
  for (unsigned threads : kThreadCounts) {
    BOOST_TEST_CONTEXT("threads: " << threads) {
      Recorder recorder;
      BuildGraph graph;
      TaskId parse_a = graph.add({"parse a", recorder.record("parse a")});
      TaskId parse_b = graph.add({"parse b", recorder.record("parse b")});
      TaskId index = graph.add({"index", recorder.record("index"), {parse_a, parse_b}});
      TaskId tags = graph.add({"tags", recorder.record("tags"), {index}});
      TaskId pages = graph.add({"pages", recorder.record("pages"), {index}, {tags}});
      graph.add({"write", recorder.record("write"), {}, {pages, tags}});

      DiagnosticSink sink;
      BuildStats stats = Builder(sink, threads).run(graph);
      BOOST_TEST(stats.succeeded == 6u);
      BOOST_TEST(stats.failed == 0u);
      BOOST_TEST(stats.skipped == 0u);
      BOOST_TEST(sink.errors() == 0);
      BOOST_TEST(recorder.order().size() == 6u);
      BOOST_TEST(recorder.position("parse a") < recorder.position("index"));
      BOOST_TEST(recorder.position("parse b") < recorder.position("index"));
      BOOST_TEST(recorder.position("index") < recorder.position("tags"));
      BOOST_TEST(recorder.position("tags") < recorder.position("pages"));
      BOOST_TEST(recorder.position("pages") < recorder.position("write"));
    }
  }
}

BOOST_AUTO_TEST_CASE(long_chains_keep_their_order, *boost::unit_test::timeout(10)) {
  for (unsigned threads : kThreadCounts) {
    BOOST_TEST_CONTEXT("threads: " << threads) {
      Recorder recorder;
      BuildGraph graph;
      TaskId previous = graph.add({"0", recorder.record("0")});
      for (int i = 1; i < 50; ++i)
        previous = graph.add({std::to_string(i), recorder.record(std::to_string(i)), {previous}});
      DiagnosticSink sink;
      Builder(sink, threads).run(graph);
      std::vector<std::string> expected;
      for (int i = 0; i < 50; ++i) expected.push_back(std::to_string(i));
      BOOST_TEST(recorder.order() == expected, boost::test_tools::per_element());
    }
  }
}

BOOST_AUTO_TEST_CASE(failing_task_is_reported_and_only_what_requires_it_is_skipped,
                     *boost::unit_test::timeout(10)) {
  for (unsigned threads : kThreadCounts) {
    BOOST_TEST_CONTEXT("threads: " << threads) {
      Recorder recorder;
      BuildGraph graph;
      TaskId ok = graph.add({"ok", recorder.record("ok")});
      TaskId bad = graph.add({"parse content/bad.md", [&](TaskSpawner&) {
                                recorder.add("bad");
                                throw Error("content/bad.md", 7, "date is invalid");
                              }});
      TaskId render = graph.add({"render bad", recorder.record("render bad"), {bad}});
      graph.add({"write bad", recorder.record("write bad"), {render}});
      graph.add({"index", recorder.record("index"), {ok}, {bad}});
      graph.add({"cleanup", recorder.record("cleanup"), {}, {render}});

      DiagnosticSink sink;
      BuildStats stats = Builder(sink, threads).run(graph);
      BOOST_TEST(stats.failed == 1u);
      BOOST_TEST(stats.skipped == 2u);
      BOOST_TEST(stats.succeeded == 3u);
      BOOST_TEST(recorder.ran("bad"));
      BOOST_TEST(!recorder.ran("render bad"));
      BOOST_TEST(!recorder.ran("write bad"));
      BOOST_TEST(recorder.ran("index"));
      BOOST_TEST(recorder.ran("cleanup"));
      BOOST_TEST(recorder.position("bad") < recorder.position("index"));

      BOOST_REQUIRE(sink.errors() == 1);
      Diagnostic error = sink.all().at(0);
      BOOST_TEST(error.file == "content/bad.md");
      BOOST_TEST(error.line == 7);
      BOOST_TEST(error.message == "date is invalid");
    }
  }
}

BOOST_AUTO_TEST_CASE(other_exceptions_are_reported_with_the_task_name,
                     *boost::unit_test::timeout(10)) {
  for (unsigned threads : kThreadCounts) {
    BOOST_TEST_CONTEXT("threads: " << threads) {
      Recorder recorder;
      BuildGraph graph;
      TaskId bad = graph.add(
          {"render feed", [](TaskSpawner&) -> void { throw std::runtime_error("disk on fire"); }});
      graph.add({"after it", recorder.record("after it"), {}, {bad}});
      DiagnosticSink sink;
      BuildStats stats = Builder(sink, threads).run(graph);
      BOOST_TEST(stats.failed == 1u);
      BOOST_TEST(recorder.ran("after it"));
      BOOST_REQUIRE(sink.errors() == 1);
      std::string message = sink.all().at(0).message;
      BOOST_TEST(message.find("render feed") != std::string::npos);
      BOOST_TEST(message.find("disk on fire") != std::string::npos);
    }
  }
}

BOOST_AUTO_TEST_CASE(exceptions_of_any_type_fail_only_their_task, *boost::unit_test::timeout(10)) {
  // The contract: the builder catches "Error (and any exception)" at the task boundary, even one
  // not derived from std::exception. The build runs in a child process so that a regression
  // (std::terminate from a worker thread) cannot take the test runner down with it.
  pid_t child = ::fork();
  BOOST_REQUIRE(child >= 0);
  if (child == 0) {
    std::set_terminate([] { ::_exit(3); });  // not Boost's signal handlers: leave the child now
    std::atomic<bool> after_ran{false};
    BuildGraph graph;
    TaskId bad = graph.add({"odd", [](TaskSpawner&) -> void { throw 42; }});
    graph.add({"after it", [&](TaskSpawner&) { after_ran = true; }, {}, {bad}});
    DiagnosticSink sink;
    BuildStats stats = Builder(sink, 1).run(graph);
    bool ok = stats.failed == 1u && sink.errors() == 1 && after_ran;
    ::_exit(ok ? 0 : 1);
  }
  int status = 0;
  BOOST_REQUIRE(::waitpid(child, &status, 0) == child);
  BOOST_REQUIRE(WIFEXITED(status));
  BOOST_TEST(WEXITSTATUS(status) != 3, "std::terminate: the exception escaped the worker");
  BOOST_TEST(WEXITSTATUS(status) == 0);
}

BOOST_AUTO_TEST_CASE(urgent_tasks_run_before_the_others_ready, *boost::unit_test::timeout(10)) {
  Recorder recorder;
  BuildGraph graph;
  TaskId first = graph.add({"first", recorder.record("first")});
  graph.add({"later", recorder.record("later")});
  graph.add({"later too", recorder.record("later too")});
  Task urgent{"urgent", recorder.record("urgent")};
  urgent.urgent = true;
  graph.add(std::move(urgent));
  Task released{"released", recorder.record("released"), {first}};
  released.urgent = true;  // ready once "first" ran: before the two others, ready before it
  graph.add(std::move(released));
  DiagnosticSink sink;
  Builder(sink, 1).run(graph);
  BOOST_TEST(recorder.order() ==
                 (std::vector<std::string>{"urgent", "first", "released", "later", "later too"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(spawned_tasks_run, *boost::unit_test::timeout(10)) {
  for (unsigned threads : kThreadCounts) {
    BOOST_TEST_CONTEXT("threads: " << threads) {
      Recorder recorder;
      BuildGraph graph;
      TaskId plan =
          graph.add({"plan", [&](TaskSpawner& spawner) {
                       recorder.add("plan");
                       for (int i = 0; i < 5; ++i) {
                         std::string name = "page " + std::to_string(i);
                         spawner.spawn({name, recorder.record(name)});
                       }
                       spawner.spawn({"nested", [&](TaskSpawner& inner) {
                                        recorder.add("nested");
                                        inner.spawn({"grandchild", recorder.record("grandchild")});
                                      }});
                     }});
      graph.add({"other", recorder.record("other"), {plan}});
      DiagnosticSink sink;
      BuildStats stats = Builder(sink, threads).run(graph);
      BOOST_TEST(stats.succeeded == 9u);
      BOOST_TEST(sink.errors() == 0);
      for (int i = 0; i < 5; ++i) BOOST_TEST(recorder.ran("page " + std::to_string(i)));
      BOOST_TEST(recorder.ran("grandchild"));
      BOOST_TEST(recorder.position("plan") < recorder.position("page 0"));
      BOOST_TEST(recorder.position("nested") < recorder.position("grandchild"));
    }
  }
}

BOOST_AUTO_TEST_CASE(spawned_task_requiring_a_failed_task_is_skipped,
                     *boost::unit_test::timeout(10)) {
  for (unsigned threads : kThreadCounts) {
    BOOST_TEST_CONTEXT("threads: " << threads) {
      Recorder recorder;
      BuildGraph graph;
      TaskId bad = graph.add({"bad", [](TaskSpawner&) -> void { throw Error("x", 1, "no"); }});
      TaskId good = graph.add({"good", recorder.record("good")});
      graph.add({"planner",
                 [&, bad, good](TaskSpawner& spawner) {
                   spawner.spawn({"needs bad", recorder.record("needs bad"), {bad}});
                   spawner.spawn({"needs good", recorder.record("needs good"), {good}});
                   spawner.spawn({"after bad", recorder.record("after bad"), {}, {bad}});
                 },
                 {},
                 {bad, good}});
      DiagnosticSink sink;
      BuildStats stats = Builder(sink, threads).run(graph);
      BOOST_TEST(!recorder.ran("needs bad"));
      BOOST_TEST(recorder.ran("needs good"));
      BOOST_TEST(recorder.ran("after bad"));
      BOOST_TEST(stats.skipped == 1u);
      BOOST_TEST(stats.failed == 1u);
    }
  }
}

BOOST_AUTO_TEST_CASE(spawned_task_waits_for_a_task_not_finished, *boost::unit_test::timeout(10)) {
  for (unsigned threads : kThreadCounts) {
    BOOST_TEST_CONTEXT("threads: " << threads) {
      Recorder recorder;
      BuildGraph graph;
      TaskId slow = graph.add({"slow", [&](TaskSpawner&) {
                                 std::this_thread::sleep_for(std::chrono::milliseconds(50));
                                 recorder.add("slow");
                               }});
      TaskId bad = graph.add({"bad", [&](TaskSpawner&) -> void {
                                std::this_thread::sleep_for(std::chrono::milliseconds(50));
                                throw Error("x", 1, "no");
                              }});
      graph.add({"planner", [&, slow, bad](TaskSpawner& spawner) {
                   spawner.spawn({"after slow", recorder.record("after slow"), {}, {slow}});
                   spawner.spawn({"needs bad", recorder.record("needs bad"), {bad}});
                 }});
      DiagnosticSink sink;
      BuildStats stats = Builder(sink, threads).run(graph);
      BOOST_TEST(recorder.ran("after slow"));
      BOOST_TEST(recorder.position("slow") < recorder.position("after slow"));
      BOOST_TEST(!recorder.ran("needs bad"));
      BOOST_TEST(stats.skipped == 1u);
    }
  }
}

BOOST_AUTO_TEST_CASE(independent_tasks_run_at_the_same_time, *boost::unit_test::timeout(10)) {
  Rendezvous rendezvous(3);
  std::mutex mutex;
  int met = 0;
  BuildGraph graph;
  for (int i = 0; i < 3; ++i)
    graph.add({"parallel " + std::to_string(i), [&](TaskSpawner&) {
                 bool all_there = rendezvous.arrive_and_wait(std::chrono::seconds(3));
                 std::lock_guard lock(mutex);
                 met += all_there ? 1 : 0;
               }});
  DiagnosticSink sink;
  BuildStats stats = Builder(sink, 4).run(graph);
  BOOST_TEST(stats.succeeded == 3u);
  BOOST_TEST(met == 3, "only " << met << " of 3 independent tasks ran at the same time");
}

BOOST_AUTO_TEST_CASE(empty_graph_finishes, *boost::unit_test::timeout(10)) {
  for (unsigned threads : kThreadCounts) {
    BuildGraph graph;
    DiagnosticSink sink;
    BuildStats stats = Builder(sink, threads).run(graph);
    BOOST_TEST(stats.succeeded == 0u);
  }
}

BOOST_AUTO_TEST_CASE(graph_refuses_edges_to_later_tasks) {
  BuildGraph graph;
  graph.add({"first", [](TaskSpawner&) {}});
  BOOST_CHECK_THROW(graph.add({"bad", [](TaskSpawner&) {}, {5}}), std::logic_error);
  BOOST_CHECK_THROW(graph.add({"bad", [](TaskSpawner&) {}, {}, {1}}), std::logic_error);
  BOOST_TEST(graph.tasks().size() == 1u);
}

BOOST_AUTO_TEST_CASE(default_thread_count_is_at_least_one) {
  BOOST_TEST(default_thread_count() >= 1u);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace digestif

// Builder: a ready queue, worker threads and dependency counting.
#include "core/builder.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

#include "core/worker_threads.h"

namespace digestif {
namespace {

enum class Outcome { pending, succeeded, failed, skipped };

struct TaskState {
  Task task;
  std::size_t waiting = 0;  // unfinished dependencies
  bool doomed = false;      // a required task failed
  Outcome outcome = Outcome::pending;
  std::vector<std::pair<std::size_t, bool>> dependents = {};  // (task, required), when spawned
  TaskTime* time = nullptr;                                   // of its kind
};

class Run : public TaskSpawner {
 public:
  Run(DiagnosticSink& sink, BuildGraph& graph) : sink_(sink) {
    index_edges(graph.tasks());
    for (Task& task : graph.tasks()) add(std::move(task));
  }

  void spawn(Task task) override {
    std::lock_guard lock(mutex_);
    add(std::move(task));
    wake_.notify_all();
  }

  void work() {
    std::unique_lock lock(mutex_);
    while (true) {
      wake_.wait(lock, [&] { return ready() != 0 || finished_ == states_.size(); });
      if (ready() == 0) return;
      std::deque<std::size_t>& queue = urgent_.empty() ? ready_ : urgent_;
      std::size_t id = queue.front();
      queue.pop_front();
      TaskState& state = states_[id];
      Outcome outcome = Outcome::skipped;
      if (!state.doomed) {
        lock.unlock();
        auto start = std::chrono::steady_clock::now();
        outcome = execute(state.task);
        std::chrono::duration<double> spent = std::chrono::steady_clock::now() - start;
        lock.lock();
        ++state.time->tasks;
        state.time->seconds += spent.count();
      }
      finish(id, outcome);
    }
  }

  BuildStats stats() const {
    BuildStats stats;
    stats.times = {times_.begin(), times_.end()};
    for (const TaskState& state : states_) {
      if (state.outcome == Outcome::succeeded) ++stats.succeeded;
      if (state.outcome == Outcome::failed) ++stats.failed;
      if (state.outcome == Outcome::skipped) ++stats.skipped;
    }
    return stats;
  }

 private:
  /// The graph's edges, each task's dependents in one array (a vector per task, grown edge by
  /// edge, cost more than the rest of a build that keeps every page).
  void index_edges(const std::deque<Task>& tasks) {
    first_dependent_.assign(tasks.size() + 1, 0);
    for (const Task& task : tasks)
      for (const auto* deps : {&task.requires_, &task.after})
        for (TaskId dep : *deps) ++first_dependent_[dep + 1];
    for (std::size_t id = 1; id < first_dependent_.size(); ++id)
      first_dependent_[id] += first_dependent_[id - 1];
    edges_.resize(first_dependent_.back());
    std::vector<std::size_t> next(first_dependent_.begin(), first_dependent_.end() - 1);
    for (std::size_t id = 0; id < tasks.size(); ++id) {
      for (TaskId dep : tasks[id].requires_) edges_[next[dep]++] = {id, true};
      for (TaskId dep : tasks[id].after) edges_[next[dep]++] = {id, false};
    }
  }

  void add(Task task) {
    std::size_t id = states_.size();
    states_.push_back(TaskState{std::move(task)});
    TaskState& state = states_.back();
    std::string_view name = state.task.name;
    std::string_view kind = name.substr(0, name.find(' '));
    auto time = times_.find(kind);
    if (time == times_.end()) time = times_.emplace(kind, TaskTime()).first;
    state.time = &time->second;
    bool indexed = id + 1 < first_dependent_.size();  // a task of the graph: see index_edges()
    auto link = [&](TaskId dep, bool required) {
      if (indexed) {
        ++state.waiting;  // nothing has run yet
        return;
      }
      TaskState& before = states_[dep];
      if (before.outcome == Outcome::pending) {
        before.dependents.emplace_back(id, required);
        ++state.waiting;
      } else if (required && before.outcome != Outcome::succeeded) {
        state.doomed = true;
      }
    };
    for (TaskId dep : state.task.requires_) link(dep, true);
    for (TaskId dep : state.task.after) link(dep, false);
    if (state.waiting == 0) queue_of(state).push_back(id);
  }

  std::deque<std::size_t>& queue_of(const TaskState& state) {
    return state.task.urgent ? urgent_ : ready_;
  }
  std::size_t ready() const { return urgent_.size() + ready_.size(); }

  Outcome execute(Task& task) {
    try {
      task.run(*this);
      return Outcome::succeeded;
    } catch (const Error& error) {
      sink_.report(error.diagnostic());
    } catch (const std::exception& error) {
      sink_.report(Diagnostic{Severity::error, "", 0, task.name + ": " + error.what()});
    } catch (...) {
      sink_.report(
          Diagnostic{Severity::error, "", 0, task.name + ": failed with an unknown exception"});
    }
    return Outcome::failed;
  }

  void finish(std::size_t id, Outcome outcome) {
    // states_ is a deque: references stay valid while spawn() appends.
    states_[id].outcome = outcome;
    ++finished_;
    std::size_t was_ready = ready();
    auto release = [&](std::size_t dependent, bool required) {
      TaskState& next = states_[dependent];
      if (required && outcome != Outcome::succeeded) next.doomed = true;
      if (--next.waiting == 0) queue_of(next).push_front(dependent);  // before what was spawned
    };
    if (id + 1 < first_dependent_.size())
      for (std::size_t edge = first_dependent_[id]; edge < first_dependent_[id + 1]; ++edge)
        release(edges_[edge].first, edges_[edge].second);
    for (auto [dependent, required] : states_[id].dependents) release(dependent, required);
    // Workers wait only for new tasks, or for the end.
    if (ready() > was_ready || finished_ == states_.size()) wake_.notify_all();
  }

  DiagnosticSink& sink_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<TaskState> states_;
  std::vector<std::size_t> first_dependent_;         // graph task -> its first edge in edges_
  std::vector<std::pair<std::size_t, bool>> edges_;  // (dependent, required)
  std::deque<std::size_t> urgent_, ready_;           // tasks ready to run: the urgent ones first
  std::size_t finished_ = 0;
  std::map<std::string, TaskTime, std::less<>> times_;  // nodes stay where they are
};

}  // namespace

Builder::Builder(DiagnosticSink& sink, unsigned threads) : sink_(sink), threads_(threads) {}

BuildStats Builder::run(BuildGraph& graph) {
  Run run(sink_, graph);
  WorkerThreads::shared().run(std::max(threads_, 1u), [&run](std::size_t) { run.work(); });
  return run.stats();
}

unsigned default_thread_count() {
  unsigned count = std::thread::hardware_concurrency();
  return count == 0 ? 1 : count;
}

}  // namespace digestif

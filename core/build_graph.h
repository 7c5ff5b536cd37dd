// BuildGraph: the tasks of one build and the data dependencies between them.
#pragma once

#include <cstddef>
#include <deque>
#include <functional>
#include <string>
#include <vector>

namespace digestif {

using TaskId = std::size_t;
class TaskSpawner;

/// One unit of work. It starts when every task in `requires` succeeded and every task in
/// `after` finished (whatever the outcome); it is skipped when a required task failed.
struct Task {
  std::string name;  ///< shown in diagnostics: "parse content/x.md"
  std::function<void(TaskSpawner&)> run;
  std::vector<TaskId> requires_ = {};
  std::vector<TaskId> after = {};
  /// Runs before the other ready tasks: for a task that most of the build waits for (the
  /// site's analyses), so it does not wait behind work that could run beside it.
  bool urgent = false;
};

/// Lets a running task add tasks (e.g. one per planned page); they may wait for tasks not yet
/// finished.
class TaskSpawner {
 public:
  virtual ~TaskSpawner() = default;
  virtual void spawn(Task task) = 0;
};

/// A DAG of tasks: tasks may only depend on tasks added before them, so it has no cycle.
class BuildGraph {
 public:
  TaskId add(Task task);
  const std::deque<Task>& tasks() const { return tasks_; }
  std::deque<Task>& tasks() { return tasks_; }

 private:
  // A deque: 800,000 tasks at 50,000 documents grow in small blocks, not by copying one array
  // of 90 MB (mapped outside the allocator's huge pages, so faulted 4 KiB at a time).
  std::deque<Task> tasks_;
};

}  // namespace digestif

// BuildGraph: the tasks of one build and the data dependencies between them.
#pragma once

#include <cstddef>
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
  const std::vector<Task>& tasks() const { return tasks_; }
  std::vector<Task>& tasks() { return tasks_; }

 private:
  std::vector<Task> tasks_;
};

}  // namespace digestif

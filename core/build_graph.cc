// BuildGraph: adding tasks, checking that edges point backwards.
#include "core/build_graph.h"

#include <stdexcept>

namespace digestif {

TaskId BuildGraph::add(Task task) {
  TaskId id = tasks_.size();
  for (TaskId dep : task.requires_)
    if (dep >= id) throw std::logic_error("task " + task.name + " requires a later task");
  for (TaskId dep : task.after)
    if (dep >= id) throw std::logic_error("task " + task.name + " waits for a later task");
  tasks_.push_back(std::move(task));
  return id;
}

}  // namespace digestif

// Builder: runs a BuildGraph on a pool of threads, each task as soon as its inputs are ready.
#pragma once

#include <map>
#include <string>

#include "core/build_graph.h"
#include "core/diagnostic_sink.h"

namespace digestif {

/// The time spent in the tasks of one kind (the first word of their names: "parse", "pages").
struct TaskTime {
  std::size_t tasks = 0;
  double seconds = 0;
};

struct BuildStats {
  std::size_t succeeded = 0;
  std::size_t failed = 0;
  std::size_t skipped = 0;
  std::map<std::string, TaskTime> times;  ///< kind of task -> time spent running them
};

/// Catches Error (and any exception) at the task boundary, reports it, skips only the tasks that
/// require the failed one, and goes on with the rest.
class Builder {
 public:
  Builder(DiagnosticSink& sink, unsigned threads);
  BuildStats run(BuildGraph& graph);

 private:
  DiagnosticSink& sink_;
  unsigned threads_;
};

/// The number of worker threads to use: the machine's hardware threads, at least 1.
unsigned default_thread_count();

}  // namespace digestif

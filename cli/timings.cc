// --timings: how long a build's phases and each kind of task took, for build and serve.
#include "cli/timings.h"

#include <algorithm>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

namespace digestif::cli {

void print_timings(const BuildSummary& summary, unsigned threads) {
  for (const auto& [phase, seconds] : summary.phases)
    std::printf("timings: %-28s %8.3f s wall\n", phase.c_str(), seconds);
  std::vector<std::pair<std::string, TaskTime>> kinds(summary.tasks.times.begin(),
                                                      summary.tasks.times.end());
  std::sort(kinds.begin(), kinds.end(),
            [](const auto& a, const auto& b) { return a.second.seconds > b.second.seconds; });
  std::printf("timings: busy time per kind of task, on %u threads:\n", threads);
  for (const auto& [kind, time] : kinds)
    std::printf("timings: %-28s %8.3f s in %zu tasks\n", kind.c_str(), time.seconds, time.tasks);
}

}  // namespace digestif::cli

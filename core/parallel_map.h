// in_parallel: one result per index, computed on all cores (a site analyzer runs as one task).
#pragma once

#include <algorithm>
#include <cstddef>
#include <functional>
#include <thread>
#include <vector>

#include "core/worker_threads.h"

namespace digestif {

/// {make(0), ..., make(count - 1)}, in order; `make` must be safe to call from several threads
/// for different indexes. The threads take interleaved indexes so uneven items spread out; each
/// thread gets at least `grain` items (small items are not worth a thread).
template <typename Result>
std::vector<Result> in_parallel(std::size_t count, const std::function<Result(std::size_t)>& make,
                                std::size_t grain = 64) {
  std::vector<Result> results(count);
  std::size_t workers = std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 16);
  workers = std::min(workers, std::max<std::size_t>(count / std::max<std::size_t>(grain, 1), 1));
  WorkerThreads::shared().run(workers, [&](std::size_t w) {
    for (std::size_t i = w; i < count; i += workers) results[i] = make(i);
  });
  return results;
}

}  // namespace digestif

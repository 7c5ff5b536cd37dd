// Allocator tuning: transparent huge pages for mimalloc, and no decommit for serve (see
// allocator_tuning.h).
#include "cli/allocator_tuning.h"

#include <cstdint>
#include <cstdlib>

#ifdef DIGESTIF_MIMALLOC
#include <mimalloc.h>
#include <sys/mman.h>
#endif

namespace digestif::cli {
namespace {

#ifdef DIGESTIF_MIMALLOC
/// mimalloc 2 maps memory in segments of 32 MiB, each aligned to its size.
constexpr std::uintptr_t kSegmentSize = std::uintptr_t{32} << 20;

/// The main thread's first segment was mapped before main() (by the libraries' static
/// initializers), so the option set now does not reach it: it is advised here. Were segments
/// of another size, the advice would cover part of one, or miss: only the gain would be lost.
void advise_first_segment() {
  void* probe = mi_malloc(1);
  auto start = reinterpret_cast<std::uintptr_t>(probe) & ~(kSegmentSize - 1);
  ::madvise(reinterpret_cast<void*>(start), kSegmentSize, MADV_HUGEPAGE);
  mi_free(probe);
}
#endif

}  // namespace

void tune_allocator() {
#ifdef DIGESTIF_MIMALLOC
  if (std::getenv("MIMALLOC_LARGE_OS_PAGES") != nullptr) return;
  mi_option_enable(mi_option_large_os_pages);
  advise_first_segment();
  // A worker thread's first segment would otherwise be mapped lazily, in small pages.
  if (std::getenv("MIMALLOC_EAGER_COMMIT_DELAY") == nullptr)
    mi_option_set(mi_option_eager_commit_delay, 0);
#endif
}

void keep_freed_memory() {
#ifdef DIGESTIF_MIMALLOC
  if (std::getenv("MIMALLOC_ALLOW_DECOMMIT") == nullptr)
    mi_option_disable(mi_option_allow_decommit);
#endif
}

}  // namespace digestif::cli

// Allocator tuning: transparent huge pages for mimalloc, and no decommit for serve (see
// allocator_tuning.h).
#include "cli/allocator_tuning.h"

#include <cstdlib>

#ifdef DIGESTIF_MIMALLOC
#include <mimalloc.h>
#endif

namespace digestif::cli {

void tune_allocator() {
#ifdef DIGESTIF_MIMALLOC
  if (std::getenv("MIMALLOC_LARGE_OS_PAGES") == nullptr) mi_option_enable(mi_option_large_os_pages);
#endif
}

void keep_freed_memory() {
#ifdef DIGESTIF_MIMALLOC
  if (std::getenv("MIMALLOC_ALLOW_DECOMMIT") == nullptr)
    mi_option_disable(mi_option_allow_decommit);
#endif
}

}  // namespace digestif::cli

// Allocator tuning: transparent huge pages for mimalloc (see allocator_tuning.h).
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

}  // namespace digestif::cli

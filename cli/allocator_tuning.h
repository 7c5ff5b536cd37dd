// Allocator tuning: how the executable asks mimalloc for memory.
#pragma once

namespace digestif::cli {

/// Lets mimalloc back its segments with transparent huge pages (madvise), unless the user set
/// MIMALLOC_LARGE_OS_PAGES. A build fills hundreds of megabytes with fresh strings and maps, and
/// on a virtual machine a 4 KiB page fault costs microseconds: one fault per 2 MiB instead of 512
/// made a cold build of 10,000 digests about 10% faster and a one-edit build 35% faster, for
/// about 4% more peak memory (docs/performance.md). Does nothing without mimalloc (sanitized
/// builds) or where the kernel has transparent huge pages disabled.
void tune_allocator();

}  // namespace digestif::cli

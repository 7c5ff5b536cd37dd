// Allocator tuning: how the executable asks mimalloc for memory.
#pragma once

namespace digestif::cli {

/// Lets mimalloc back its segments with transparent huge pages (madvise), unless the user set
/// MIMALLOC_LARGE_OS_PAGES. A build fills hundreds of megabytes with fresh strings and maps, and
/// on a virtual machine a 4 KiB page fault costs microseconds: one fault per 2 MiB instead of 512.
/// Setting the option in main() alone left out the memory a build fills first (the main thread's
/// first segment, mapped before main, and each worker thread's first): covering them too made a
/// build with nothing to do at 10,000 digests take 0.12 s instead of 0.22 s, and one after a text
/// edit 0.52-0.62 s instead of 0.58-0.89 s, for about the same peak memory
/// (docs/performance.md). Does nothing without mimalloc (sanitized builds) or where the kernel has
/// transparent huge pages disabled.
void tune_allocator();

/// For a process that builds again and again (`digestif serve`): memory a build frees stays
/// committed for the next one, unless the user set MIMALLOC_ALLOW_DECOMMIT. By default mimalloc
/// gives freed memory back to the kernel after 25 ms, so every rebuild faulted its pages in
/// again; keeping them made a text edit at 10,000 digests about 20% faster inside serve, whose
/// memory stays at the size of its largest build.
void keep_freed_memory();

}  // namespace digestif::cli

// --timings: how long a build's phases and each kind of task took, for build and serve.
#pragma once

#include "core/site_build.h"

namespace digestif::cli {

/// Wall time per phase, then busy time per kind of task, slowest first. Tasks run on several
/// threads at once, so their times add up to more than the wall time.
void print_timings(const BuildSummary& summary, unsigned threads);

}  // namespace digestif::cli

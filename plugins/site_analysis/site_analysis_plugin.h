// site_analysis plugin: emotion labels, document statistics, related documents and the
// site-wide thread catalog.
#pragma once

#include "core/plugin.h"

namespace digestif::plugins::site_analysis {

/// Needs digest_analysis (document.threads). No options.
Plugin plugin();

}  // namespace digestif::plugins::site_analysis

// digest_analysis plugin: the ranked threads of each digest, as data.
#pragma once

#include "core/plugin.h"

namespace digestif::plugins::digest_analysis {

Plugin plugin();

}  // namespace digestif::plugins::digest_analysis

// review_format plugin: yearly reviews saved as Reddit post dumps.
#pragma once

#include "core/plugin.h"

namespace digestif::plugins::review_format {

Plugin plugin();

}  // namespace digestif::plugins::review_format

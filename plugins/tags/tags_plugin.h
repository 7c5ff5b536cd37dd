// tags plugin: normalizes tags across the site.
#pragma once

#include "core/plugin.h"

namespace digestif::plugins::tags {

Plugin plugin();

}  // namespace digestif::plugins::tags

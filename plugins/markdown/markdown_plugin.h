// markdown plugin: renders markdown bodies (and markdown fragments in data) to HTML.
#pragma once

#include "core/plugin.h"

namespace digestif::plugins::markdown {

Plugin plugin();

}  // namespace digestif::plugins::markdown

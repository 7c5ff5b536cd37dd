// charts plugin: SVG charts of scores, emotions and flairs, for the trends and tag pages.
#pragma once

#include "core/plugin.h"

namespace digestif::plugins::charts {

Plugin plugin();

}  // namespace digestif::plugins::charts

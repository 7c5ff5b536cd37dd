// reddit_source plugin: Reddit posts by URL, read as yearly reviews.
#pragma once

#include "core/plugin.h"

namespace digestif::plugins::reddit_source {

Plugin plugin();

}  // namespace digestif::plugins::reddit_source

// feeds plugin: RSS, Atom and JSON feeds of the site and of each tag.
#pragma once

#include "core/plugin.h"

namespace digestif::plugins::feeds {

/// The "feeds" plugin: adds the FeedsRenderer.
Plugin plugin();

}  // namespace digestif::plugins::feeds

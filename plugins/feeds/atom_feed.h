// Atom 1.0 feed writer.
#pragma once

#include <string>

#include "plugins/feeds/feed_items.h"

namespace digestif::plugins::feeds {

/// `feed` as an Atom 1.0 document.
std::string write_atom(const Feed& feed);

}  // namespace digestif::plugins::feeds

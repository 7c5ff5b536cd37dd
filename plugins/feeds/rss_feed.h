// RSS 2.0 feed writer.
#pragma once

#include <string>

#include "plugins/feeds/feed_items.h"

namespace digestif::plugins::feeds {

/// `feed` as an RSS 2.0 document (with the atom, content and, when needed, dc namespaces).
std::string write_rss(const Feed& feed);

}  // namespace digestif::plugins::feeds

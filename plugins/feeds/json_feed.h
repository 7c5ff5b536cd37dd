// JSON Feed 1.1 writer.
#pragma once

#include <string>

#include "plugins/feeds/feed_items.h"

namespace digestif::plugins::feeds {

/// The version URL every JSON Feed 1.1 document starts with.
inline constexpr const char* kJsonFeedVersion = "https://jsonfeed.org/version/1.1";

/// `feed` as a JSON Feed 1.1 document, keys in a fixed order, indented, ending with a newline.
std::string write_json_feed(const Feed& feed);

}  // namespace digestif::plugins::feeds

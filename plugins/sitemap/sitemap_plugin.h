// sitemap plugin: sitemap.xml for search engines.
#pragma once

#include "core/plugin.h"

namespace digestif::plugins::sitemap {

/// The "sitemap" plugin: adds the SitemapRenderer.
Plugin plugin();

}  // namespace digestif::plugins::sitemap

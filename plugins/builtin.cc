// The one list of built-in plugins (as cmark-gfm's core-extensions.c).
#include "plugins/builtin.h"

#include "plugins/charts/charts_plugin.h"
#include "plugins/digest_analysis/digest_analysis_plugin.h"
#include "plugins/digest_format/digest_format_plugin.h"
#include "plugins/feeds/feeds_plugin.h"
#include "plugins/filesystem_source/filesystem_source_plugin.h"
#include "plugins/http_source/http_source_plugin.h"
#include "plugins/markdown/markdown_plugin.h"
#include "plugins/pages/pages_plugin.h"
#include "plugins/reddit_source/reddit_source_plugin.h"
#include "plugins/review_format/review_format_plugin.h"
#include "plugins/site_analysis/site_analysis_plugin.h"
#include "plugins/sitemap/sitemap_plugin.h"
#include "plugins/tags/tags_plugin.h"
#include "plugins/theme_static/theme_static_plugin.h"

namespace digestif::plugins {

void register_builtin_plugins(PluginRegistry& registry) {
  registry.add(filesystem_source::plugin());
  registry.add(http_source::plugin());
  registry.add(reddit_source::plugin());
  registry.add(review_format::plugin());
  registry.add(digest_format::plugin());
  registry.add(digest_analysis::plugin());
  registry.add(markdown::plugin());
  registry.add(tags::plugin());
  registry.add(site_analysis::plugin());
  registry.add(charts::plugin());
  registry.add(pages::plugin());
  registry.add(feeds::plugin());
  registry.add(sitemap::plugin());
  registry.add(theme_static::plugin());
}

}  // namespace digestif::plugins

// sitemap plugin registration.
#include "plugins/sitemap/sitemap_plugin.h"

#include "plugins/sitemap/sitemap_renderer.h"

namespace digestif::plugins::sitemap {

Plugin plugin() {
  return {"sitemap", "writes sitemap.xml listing the home page, documents, tags and archive",
          [](PluginSetup& setup) {
            setup.context().check_options({});
            setup.add(std::make_unique<SitemapRenderer>(setup.context()));
          }};
}

}  // namespace digestif::plugins::sitemap

// feeds plugin registration.
#include "plugins/feeds/feeds_plugin.h"

#include "plugins/feeds/feeds_renderer.h"

namespace digestif::plugins::feeds {

Plugin plugin() {
  return {"feeds", "writes RSS 2.0, Atom 1.0 and JSON Feed 1.1 feeds of the site and each tag",
          [](PluginSetup& setup) {
            setup.context().check_options({});
            setup.add(std::make_unique<FeedsRenderer>(setup.context()));
          }};
}

}  // namespace digestif::plugins::feeds

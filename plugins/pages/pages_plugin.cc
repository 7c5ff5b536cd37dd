// pages plugin registration: loads and checks the theme once per build.
#include "plugins/pages/pages_plugin.h"

#include "plugins/pages/pages_renderer.h"

namespace digestif::plugins::pages {

Plugin plugin() {
  return {"pages", "renders HTML pages with the theme's Mustache templates",
          [](PluginSetup& setup) {
            setup.context().check_options({});
            auto theme = std::make_shared<const Theme>(setup.context().config().theme_dir());
            setup.add(std::make_unique<PagesRenderer>(theme));
          }};
}

}  // namespace digestif::plugins::pages

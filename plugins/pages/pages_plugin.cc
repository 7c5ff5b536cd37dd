// pages plugin registration: loads and checks the theme once per build.
#include "plugins/pages/pages_plugin.h"

#include "plugins/pages/document_pages.h"
#include "plugins/pages/site_pages.h"

namespace digestif::plugins::pages {

Plugin plugin() {
  return {"pages", "renders HTML pages with the theme's Mustache templates",
          [](PluginSetup& setup) {
            setup.context().check_options({});
            auto theme = std::make_shared<const Theme>(setup.context().config().theme_dir());
            setup.add(std::make_unique<DocumentPagesRenderer>(theme));
            setup.add(std::make_unique<SitePagesRenderer>(theme));
          }};
}

}  // namespace digestif::plugins::pages

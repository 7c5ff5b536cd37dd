// theme_static plugin registration.
#include "plugins/theme_static/theme_static_plugin.h"

#include "plugins/theme_static/theme_static_renderer.h"

namespace digestif::plugins::theme_static {

Plugin plugin() {
  return {"theme_static", "copies the theme's static files (CSS, images) into the site",
          [](PluginSetup& setup) {
            setup.context().check_options({});
            setup.add(std::make_unique<ThemeStaticRenderer>(setup.context().config().theme_dir() /
                                                            "static"));
          }};
}

}  // namespace digestif::plugins::theme_static

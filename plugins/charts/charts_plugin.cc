// charts plugin registration.
#include "plugins/charts/charts_plugin.h"

#include "plugins/charts/charts_analyzer.h"

namespace digestif::plugins::charts {

Plugin plugin() {
  return {"charts",
          "draws SVG charts of top scores, emotion mix and flairs for the site and each tag "
          "(scores and emotions from site_analysis)",
          [](PluginSetup& setup) {
            setup.context().check_options({});
            setup.add(std::make_unique<ChartsAnalyzer>());
          }};
}

}  // namespace digestif::plugins::charts

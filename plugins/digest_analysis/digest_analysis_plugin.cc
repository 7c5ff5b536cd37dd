// digest_analysis plugin registration.
#include "plugins/digest_analysis/digest_analysis_plugin.h"

#include "plugins/digest_analysis/digest_analyzer.h"

namespace digestif::plugins::digest_analysis {

Plugin plugin() {
  return {"digest_analysis", "extracts each digest's ranked threads (score, flair, summary, ...)",
          [](PluginSetup& setup) {
            setup.context().check_options({});
            setup.add(std::make_unique<DigestAnalyzer>(setup.context()));
          }};
}

}  // namespace digestif::plugins::digest_analysis

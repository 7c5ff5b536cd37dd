// digest_analysis plugin registration.
#include "plugins/digest_analysis/digest_analysis_plugin.h"

#include "plugins/digest_analysis/digest_analyzer.h"
#include "plugins/digest_analysis/subreddit_sections.h"

namespace digestif::plugins::digest_analysis {

Plugin plugin() {
  return {"digest_analysis", "extracts each digest's ranked threads (score, flair, summary, ...)",
          [](PluginSetup& setup) {
            setup.context().check_options({});
            setup.add(std::make_unique<DigestAnalyzer>(setup.context()));
            setup.add(std::make_unique<SubredditSections>());
          }};
}

}  // namespace digestif::plugins::digest_analysis

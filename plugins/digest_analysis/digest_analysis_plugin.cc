// digest_analysis plugin registration.
#include "plugins/digest_analysis/digest_analysis_plugin.h"

#include "plugins/digest_analysis/digest_analyzer.h"
#include "plugins/digest_analysis/subreddit_sections.h"

namespace digestif::plugins::digest_analysis {

Plugin plugin() {
  return {"digest_analysis", "extracts each digest's ranked threads (score, flair, summary, ...)",
          [](PluginSetup& setup) {
            const PluginContext& context = setup.context();
            context.check_options({"heading"});
            setup.add(std::make_unique<DigestAnalyzer>(
                context, context.option_string("heading", "r/{subreddit}, {date}")));
            setup.add(std::make_unique<SubredditSections>());
          }};
}

}  // namespace digestif::plugins::digest_analysis

// site_analysis plugin registration.
#include "plugins/site_analysis/site_analysis_plugin.h"

#include "plugins/site_analysis/document_terms.h"
#include "plugins/site_analysis/emotion_analyzer.h"
#include "plugins/site_analysis/related_analyzer.h"
#include "plugins/site_analysis/review_analyzer.h"
#include "plugins/site_analysis/review_mentions.h"
#include "plugins/site_analysis/stats_analyzer.h"
#include "plugins/site_analysis/thread_catalog.h"
#include "plugins/site_analysis/trends_analyzer.h"

namespace digestif::plugins::site_analysis {

Plugin plugin() {
  return {"site_analysis",
          "labels thread emotions, counts words and scores, finds related documents and "
          "gathers threads across digests, reads review themes and finds monthly trends (needs "
          "digest_analysis)",
          [](PluginSetup& setup) {
            setup.context().check_options({});
            setup.add(std::make_unique<EmotionAnalyzer>());
            setup.add(std::make_unique<StatsAnalyzer>());
            setup.add(std::make_unique<DocumentTerms>());
            setup.add(std::make_unique<RelatedAnalyzer>());
            setup.add(std::make_unique<ThreadCatalog>());
            setup.add(std::make_unique<ReviewAnalyzer>());
            setup.add(std::make_unique<ReviewMentions>());
            setup.add(std::make_unique<TrendsAnalyzer>());
          }};
}

}  // namespace digestif::plugins::site_analysis

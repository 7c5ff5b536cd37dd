// ChartsAnalyzer: the site's charts and each tag's charts, drawn once per build.
#pragma once

#include <memory>
#include <string>

#include "core/plugin.h"
#include "plugins/charts/chart_run.h"

namespace digestif::plugins::charts {

/// Writes site.data["charts"] = {site: chart_set of every document, tags: {slug: chart_set of
/// that tag's documents}} (see chart_set.h); tags only when the tags plugin made site.tags.
/// Scores and emotions come from site_analysis (document.stats, document.emotion): without it
/// those charts have no data and only the flair chart is drawn.
class ChartsAnalyzer : public SiteAnalyzer {
 public:
  PartInfo info() const override;
  void analyze(Site& site) const override;
  /// Draws only the sets whose documents changed what the charts read (ChartMemo); the result
  /// is the same as analyze()'s.
  void analyze_with_memo(Site& site, std::string& memo) const override;
  /// In a process that builds again, the memo is the last run itself (ChartRun): nothing is
  /// decoded, and an unchanged set is shared, not copied.
  void analyze_with_live_memo(Site& site, AnalyzerMemo& memo) const override;
  bool fingerprint_document(const Document& document, Fingerprint& fingerprint) const override;

 private:
  /// Reads each document's facts and draws each set, taking from `last` what still holds.
  std::unique_ptr<ChartRun> draw(const Site& site, KnownCharts& last) const;
  /// site.data["charts"] of a run.
  static Value charts_value(const Site& site, const ChartRun& run);
  /// The positions of `tag`'s documents: `last`'s when it found them under the same key, else
  /// found now; kept (with their key) in `kept`, for the next run.
  static const std::vector<std::size_t>& tag_positions(
      const Site& site, const Value& tag, const KnownCharts& last,
      std::pair<std::uint64_t, std::vector<std::size_t>>& kept);
};

}  // namespace digestif::plugins::charts

// StatsAnalyzer: length and reading time of every document, thread and score totals of digests.
#pragma once

#include "core/plugin.h"

namespace digestif::plugins::site_analysis {

/// Words a minute a reader is assumed to read.
inline constexpr long kWordsPerMinute = 230;

/// Reading time in whole minutes: words / 230 rounded up, at least 1.
long reading_minutes(long words);

/// Writes, for every document, data["word_count"] (words of the body, see count_words) and
/// data["reading_minutes"], and data["stats"] = {threads, total_score (sum of the threads'
/// scores), top_score (the highest, null when no thread has a score), has_scores}.
class StatsAnalyzer : public DocumentAnalyzer {
 public:
  PartInfo info() const override;
  void analyze(Document& document) const override;
};

}  // namespace digestif::plugins::site_analysis

// StatsAnalyzer: counting words, threads and scores.
#include "plugins/site_analysis/stats_analyzer.h"

#include <algorithm>

#include "plugins/site_analysis/text_terms.h"

namespace digestif::plugins::site_analysis {
namespace {

Value thread_stats(const Value* threads) {
  long count = 0, total = 0, top = 0;
  bool has_scores = false;
  if (threads != nullptr && threads->is_array())
    for (const Value& thread : threads->as_array()) {
      ++count;
      const Value* score = thread.find("score");
      if (score == nullptr || !score->is_int()) continue;
      long value = static_cast<long>(score->as_int());
      top = has_scores ? std::max(top, value) : value;
      total += value;
      has_scores = true;
    }
  Value stats = Value::object();
  stats["threads"] = count;
  stats["total_score"] = total;
  stats["top_score"] = has_scores ? Value(top) : Value();
  stats["has_scores"] = has_scores;
  return stats;
}

}  // namespace

long reading_minutes(long words) {
  return std::max(1L, (words + kWordsPerMinute - 1) / kWordsPerMinute);
}

PartInfo StatsAnalyzer::info() const {
  return {"stats",
          Stage::analyze,
          {"document.threads"},
          {"document.stats", "document.word_count", "document.reading_minutes"}};
}

void StatsAnalyzer::analyze(Document& document) const {
  long words = count_words(document.body);
  document.data["word_count"] = words;
  document.data["reading_minutes"] = reading_minutes(words);
  document.data["stats"] = thread_stats(document.data.find("threads"));
}

}  // namespace digestif::plugins::site_analysis

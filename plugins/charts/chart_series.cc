// Chart series: turning documents' top scores, emotion mixes and flairs into points and bars.
#include "plugins/charts/chart_series.h"

#include <algorithm>
#include <map>
#include <unordered_set>

#include "core/date.h"

namespace digestif::plugins::charts {
namespace {

FactsList oldest_first(FactsList documents) {
  std::stable_sort(documents.begin(), documents.end(),
                   [](const ChartFacts* x, const ChartFacts* y) {
                     const Document &a = *x->document, &b = *y->document;
                     return a.date != b.date ? a.date < b.date : a.permalink < b.permalink;
                   });
  return documents;
}

}  // namespace

std::vector<ChartPoint> top_score_points(const FactsList& documents) {
  std::vector<ChartPoint> points;
  for (const ChartFacts* facts : oldest_first(documents))
    if (facts->top_score)
      points.push_back(
          {format_iso_date(facts->document->date), static_cast<double>(*facts->top_score)});
  return points;
}

std::vector<ChartPoint> highest_per_period(const std::vector<ChartPoint>& points,
                                           std::size_t prefix) {
  std::vector<ChartPoint> merged;
  for (const ChartPoint& point : points) {
    std::string period = point.label.substr(0, prefix);
    if (merged.empty() || merged.back().label != period)
      merged.push_back({std::move(period), point.value});
    else
      merged.back().value = std::max(merged.back().value, point.value);
  }
  return merged;
}

std::vector<StackedBar> sum_per_period(const std::vector<StackedBar>& bars, std::size_t prefix) {
  std::vector<StackedBar> merged;
  for (const StackedBar& bar : bars) {
    std::string period = bar.label.substr(0, prefix);
    if (merged.empty() || merged.back().label != period) {
      merged.push_back({std::move(period), bar.values});
      continue;
    }
    std::vector<double>& sums = merged.back().values;
    sums.resize(std::max(sums.size(), bar.values.size()));
    for (std::size_t i = 0; i < bar.values.size(); ++i) sums[i] += bar.values[i];
  }
  return merged;
}

const std::vector<Series>& emotion_series() {
  static const std::vector<Series> series = [] {
    constexpr std::array<const char*, kEmotionLabels.size()> colours = {"#3f9c5a", "#8f98a3",
                                                                        "#d9a43a", "#c8524a"};
    std::vector<Series> all;
    for (std::size_t i = 0; i < colours.size(); ++i) all.push_back({kEmotionLabels[i], colours[i]});
    return all;
  }();
  return series;
}

std::vector<StackedBar> emotion_months(const FactsList& documents) {
  std::map<std::string, std::vector<double>> months;
  for (const ChartFacts* facts : documents) {
    if (!facts->emotions) continue;
    std::vector<double>& sums = months[format_iso_date(facts->document->date).substr(0, 7)];
    sums.resize(facts->emotions->size());
    for (std::size_t i = 0; i < sums.size(); ++i) sums[i] += (*facts->emotions)[i];
  }
  std::vector<StackedBar> bars;
  for (auto& [month, sums] : months) bars.push_back({month, std::move(sums)});
  return bars;
}

std::vector<ChartPoint> flair_counts(const FactsList& documents) {
  std::map<std::string, std::unordered_set<std::uint64_t>> threads_by_flair;
  for (const ChartFacts* facts : documents)
    for (const auto& [flair, thread] : facts->flaired_threads)
      threads_by_flair[flair].insert(thread);
  std::vector<ChartPoint> points;
  for (const auto& [name, threads] : threads_by_flair)
    points.push_back({name, static_cast<double>(threads.size())});
  std::stable_sort(points.begin(), points.end(),
                   [](const ChartPoint& a, const ChartPoint& b) { return a.value > b.value; });
  return points;
}

}  // namespace digestif::plugins::charts

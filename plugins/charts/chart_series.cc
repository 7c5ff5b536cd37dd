// Chart series: turning documents' top scores, emotion mixes and flairs into points and bars.
#include "plugins/charts/chart_series.h"

#include <algorithm>
#include <bit>
#include <map>
#include <utility>

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

/// A set of hashes, for counting distinct ones: an open-addressing table of twice as many slots as
/// it will hold finds each in a probe or two (sorting them, or a node per value in
/// std::unordered_set, took most of a chart set's time: 80,000 threads at 10,000 digests).
class HashSet {
 public:
  explicit HashSet(std::size_t most) : table_(std::bit_ceil(2 * most + 1), 0) {}
  /// True when `hash` was not in the set yet.
  bool insert(std::uint64_t hash) {
    if (hash == 0) return !std::exchange(zero_, true);  // 0 marks an empty slot
    std::size_t mask = table_.size() - 1, slot = hash & mask;
    while (table_[slot] != 0 && table_[slot] != hash) slot = (slot + 1) & mask;
    if (table_[slot] == hash) return false;
    table_[slot] = hash;
    return true;
  }

 private:
  std::vector<std::uint64_t> table_;
  bool zero_ = false;
};

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
  std::size_t pairs = 0;
  for (const ChartFacts* facts : documents) pairs += facts->flaired_threads.size();
  HashSet seen(pairs);             // of (flair, thread) pairs
  std::vector<ChartPoint> points;  // flairs are few: found by name, one after the other
  for (const ChartFacts* facts : documents)
    for (const auto& [flair, thread] : facts->flaired_threads) {
      auto point = std::find_if(points.begin(), points.end(),
                                [&](const ChartPoint& p) { return p.label == flair; });
      if (point == points.end()) point = points.insert(point, {flair, 0.0});
      std::uint64_t flair_number = static_cast<std::uint64_t>(point - points.begin()) + 1;
      // A hash of the pair: the thread's hash spread by the flair's number.
      if (seen.insert(thread ^ (flair_number * 0x9e3779b97f4a7c15))) point->value += 1;
    }
  std::sort(points.begin(), points.end(), [](const ChartPoint& a, const ChartPoint& b) {
    return a.value != b.value ? a.value > b.value : a.label < b.label;
  });
  return points;
}

}  // namespace digestif::plugins::charts

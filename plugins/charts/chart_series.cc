// Chart series: reading stats, emotion mixes and flairs of documents into points and bars.
#include "plugins/charts/chart_series.h"

#include <algorithm>
#include <map>
#include <unordered_set>

#include "core/date.h"

namespace digestif::plugins::charts {
namespace {

Documents oldest_first(Documents documents) {
  std::stable_sort(documents.begin(), documents.end(), [](const Document* a, const Document* b) {
    return a->date != b->date ? a->date < b->date : a->permalink < b->permalink;
  });
  return documents;
}

std::string thread_identity(const Value& thread) {
  for (const char* key : {"post_id", "url", "title"})
    if (std::string value = thread.get_string(key); !value.empty())
      return std::string(key) + ":" + value;
  return {};
}

std::vector<std::string> flair_names(const Value& thread) {
  std::vector<std::string> names;
  if (const Value* flairs = thread.find("flairs"); flairs != nullptr && flairs->is_array())
    for (const Value& flair : flairs->as_array())
      if (std::string name = flair.get_string("name"); !name.empty()) names.push_back(name);
  if (names.empty()) names.push_back("No flair");
  return names;
}

}  // namespace

std::vector<ChartPoint> top_score_points(const Documents& documents) {
  std::vector<ChartPoint> points;
  for (const Document* document : oldest_first(documents)) {
    const Value* stats = document->data.find("stats");
    const Value* top = stats ? stats->find("top_score") : nullptr;
    if (top != nullptr && top->is_int())
      points.push_back({format_iso_date(document->date), static_cast<double>(top->as_int())});
  }
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
  static const std::vector<Series> series = {{"positive", "#3f9c5a"},
                                             {"neutral", "#8f98a3"},
                                             {"mixed", "#d9a43a"},
                                             {"negative", "#c8524a"}};
  return series;
}

std::vector<StackedBar> emotion_months(const Documents& documents) {
  std::map<std::string, std::vector<double>> months;
  for (const Document* document : documents) {
    const Value* mix = document->data.find("emotion_mix");
    if (mix == nullptr || !mix->is_object()) continue;
    std::vector<double>& sums = months[format_iso_date(document->date).substr(0, 7)];
    sums.resize(emotion_series().size());
    for (std::size_t i = 0; i < sums.size(); ++i)
      if (const Value* count = mix->find(emotion_series()[i].name); count && count->is_int())
        sums[i] += static_cast<double>(count->as_int());
  }
  std::vector<StackedBar> bars;
  for (auto& [month, sums] : months) bars.push_back({month, std::move(sums)});
  return bars;
}

std::vector<ChartPoint> flair_counts(const Documents& documents) {
  std::map<std::string, std::unordered_set<std::string>> threads_by_flair;
  for (const Document* document : documents) {
    const Value* threads = document->data.find("threads");
    if (threads == nullptr || !threads->is_array()) continue;
    for (const Value& thread : threads->as_array()) {
      std::string identity = thread_identity(thread);
      if (identity.empty()) continue;
      for (const std::string& name : flair_names(thread)) threads_by_flair[name].insert(identity);
    }
  }
  std::vector<ChartPoint> points;
  for (const auto& [name, threads] : threads_by_flair)
    points.push_back({name, static_cast<double>(threads.size())});
  std::stable_sort(points.begin(), points.end(),
                   [](const ChartPoint& a, const ChartPoint& b) { return a.value > b.value; });
  return points;
}

}  // namespace digestif::plugins::charts

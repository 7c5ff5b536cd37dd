// Chart set: drawing the top-score, emotion and flair charts of some documents.
#include "plugins/charts/chart_set.h"

#include "plugins/charts/column_chart.h"
#include "plugins/charts/horizontal_bar_chart.h"
#include "plugins/charts/stacked_bar_chart.h"
#include "plugins/charts/svg_text.h"

namespace digestif::plugins::charts {
namespace {

Value chart_value(const ChartText& text, std::string svg) {
  bool has_svg = !svg.empty();
  return Value::Object{{"title", text.title},
                       {"description", text.description},
                       {"svg", std::move(svg)},
                       {"has_svg", has_svg},
                       {"note", has_svg ? "" : "No data for this chart."}};
}

std::string range_of(const std::string& first, const std::string& last, const std::string& unit) {
  return first == last ? "one " + unit + ", " + first : unit + "s from " + first + " to " + last;
}

/// What a date-labelled series with more than kMaxBars bars falls back to: a bar per month, then
/// per year (the unit named in the chart, the length of its date prefix).
struct Period {
  const char* unit;
  std::size_t prefix;
};
constexpr Period kMonths{"month", 7}, kYears{"year", 4};

Value top_scores_chart(const FactsList& documents, const std::string& scope) {
  std::vector<ChartPoint> points = top_score_points(documents);
  std::vector<ChartPoint> bars = points;
  std::string unit = "digest";
  for (const Period& period : {kMonths, kYears})
    if (bars.size() > kMaxBars)
      bars = highest_per_period(points, period.prefix), unit = period.unit;
  ChartText text{"Top score per " + unit, "No digest of " + scope + " has a score."};
  if (!points.empty()) {
    const ChartPoint* best = &points.front();
    for (const ChartPoint& point : points)
      if (point.value > best->value) best = &point;
    text.description = "Bars of the highest Reddit score of each " + unit + " of " + scope + ", " +
                       range_of(bars.front().label, bars.back().label, unit) + "; the highest is " +
                       value_label(best->value) + " on " + best->label + ".";
  }
  return chart_value(text, column_chart(text, bars));
}

Value emotions_chart(const FactsList& documents, const std::string& scope) {
  std::vector<StackedBar> bars = emotion_months(documents);
  std::string unit = kMonths.unit;
  if (bars.size() > kMaxBars) bars = sum_per_period(bars, kYears.prefix), unit = kYears.unit;
  ChartText text{"Emotion mix per " + unit, "No thread of " + scope + " has an emotion label."};
  if (!bars.empty())
    text.description = "Stacked bars of how many threads of " + scope +
                       " were positive, neutral, mixed or negative, " +
                       range_of(bars.front().label, bars.back().label, unit) + ".";
  return chart_value(text, stacked_bar_chart(text, emotion_series(), bars));
}

Value flairs_chart(const FactsList& documents, const std::string& scope) {
  std::vector<ChartPoint> points = flair_counts(documents);
  ChartText text{"Threads per flair", "No thread of " + scope + "."};
  if (!points.empty())
    text.description = "Horizontal bars of how many threads of " + scope +
                       " carry each flair; the most common is " + points.front().label + " (" +
                       value_label(points.front().value) + ").";
  return chart_value(text, horizontal_bar_chart(text, points));
}

}  // namespace

Value chart_set(const FactsList& documents, const std::string& scope) {
  FactsList digests;
  for (const ChartFacts* facts : documents)
    if (facts->has_threads) digests.push_back(facts);
  Value set = Value::object();
  set["has_charts"] = !digests.empty();
  set["top_scores"] = top_scores_chart(digests, scope);
  set["emotions"] = emotions_chart(digests, scope);
  set["flairs"] = flairs_chart(digests, scope);
  return set;
}

}  // namespace digestif::plugins::charts

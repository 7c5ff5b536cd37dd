// Chart series: what the charts show, taken from the documents' chart facts.
#pragma once

#include <string>
#include <vector>

#include "plugins/charts/chart_data.h"
#include "plugins/charts/chart_facts.h"
#include "plugins/charts/stacked_bar_chart.h"

namespace digestif::plugins::charts {

/// Per document with a top score, oldest first (then by permalink): {date "YYYY-MM-DD", top
/// score}.
std::vector<ChartPoint> top_score_points(const FactsList& documents);

/// The most bars a chart draws: beyond it, bars of the same month, then of the same year, merge
/// (a bar per digest of a ten-year tag would be thinner than a pixel and weigh megabytes).
inline constexpr std::size_t kMaxBars = 120;

/// `points` labelled by date ("YYYY-MM-DD" or "YYYY-MM") and oldest first, merged by the first
/// `prefix` characters of their labels (7: per month, 4: per year), keeping each one's highest
/// value.
std::vector<ChartPoint> highest_per_period(const std::vector<ChartPoint>& points,
                                           std::size_t prefix);

/// `bars` labelled by date and oldest first, merged by the first `prefix` characters of their
/// labels, summing their values.
std::vector<StackedBar> sum_per_period(const std::vector<StackedBar>& bars, std::size_t prefix);

/// The emotion labels, in stacking order, with their colours.
const std::vector<Series>& emotion_series();

/// Per UTC month with a document that has an emotion mix, oldest first: {"YYYY-MM", [positive,
/// neutral, mixed, negative] summed over its documents}.
std::vector<StackedBar> emotion_months(const FactsList& documents);

/// Threads per flair over the documents' threads (a thread, by post id or else URL or else
/// title, counted once): {flair name, threads}, most first, then by name; threads without a
/// flair count under "No flair".
std::vector<ChartPoint> flair_counts(const FactsList& documents);

}  // namespace digestif::plugins::charts

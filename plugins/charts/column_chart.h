// Column chart: one vertical bar per point, in order (top score per digest over time).
#pragma once

#include <string>
#include <vector>

#include "plugins/charts/chart_data.h"

namespace digestif::plugins::charts {

/// An SVG of one bar per point, left to right, each with a <title> "LABEL: VALUE"; the y axis
/// labelled 0 and the highest value, at most 6 point labels under the bars. Negative values
/// draw as empty bars. "" when `points` is empty.
std::string column_chart(const ChartText& text, const std::vector<ChartPoint>& points);

}  // namespace digestif::plugins::charts

// Horizontal bar chart: one labelled row per point (threads per flair).
#pragma once

#include <string>
#include <vector>

#include "plugins/charts/chart_data.h"

namespace digestif::plugins::charts {

/// An SVG of one row per point, top to bottom in the given order: the label on the left, a bar
/// as long as the value (the longest spans the plot) with a <title> "LABEL: VALUE", the value at
/// its end. Labels longer than 24 characters are cut with "…". "" when `points` is empty.
std::string horizontal_bar_chart(const ChartText& text, const std::vector<ChartPoint>& points);

}  // namespace digestif::plugins::charts

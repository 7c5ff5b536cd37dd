// Stacked bar chart: one column per label, split into series (emotion mix per month).
#pragma once

#include <string>
#include <vector>

#include "plugins/charts/chart_data.h"

namespace digestif::plugins::charts {

/// A series: its name (shown in the legend and tooltips) and its fill colour.
struct Series {
  std::string name;
  std::string color;
};

/// An SVG of one column per bar, its segments stacked bottom-up in series order, each segment a
/// <rect> with a <title> "LABEL, SERIES: VALUE" (zero segments are left out); a legend of the
/// series; every bar's label under it. "" when `bars` is empty or every value is zero.
std::string stacked_bar_chart(const ChartText& text, const std::vector<Series>& series,
                              const std::vector<StackedBar>& bars);

}  // namespace digestif::plugins::charts

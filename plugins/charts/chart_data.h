// Chart data: the plain series the chart builders draw.
#pragma once

#include <string>
#include <vector>

namespace digestif::plugins::charts {

/// One bar: its label (a date, a flair name) and its value.
struct ChartPoint {
  std::string label;
  double value = 0;
};

/// One stacked bar: its label and one value per series (in the chart's series order).
struct StackedBar {
  std::string label;
  std::vector<double> values;
};

/// What every chart shows a reader besides the marks: a title and a one-sentence description
/// (the SVG's <title> and <desc>).
struct ChartText {
  std::string title;
  std::string description;
};

}  // namespace digestif::plugins::charts

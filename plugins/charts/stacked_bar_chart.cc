// Stacked bar chart: layout of the columns, their segments and the legend.
#include "plugins/charts/stacked_bar_chart.h"

#include <algorithm>

#include "plugins/charts/svg_frame.h"
#include "plugins/charts/svg_text.h"

namespace digestif::plugins::charts {
namespace {

constexpr double kWidth = 640, kHeight = 240;
constexpr double kLeft = 48, kRight = 12, kTop = 36, kBottom = 36;
constexpr double kPlotWidth = kWidth - kLeft - kRight, kPlotHeight = kHeight - kTop - kBottom;

double total_of(const StackedBar& bar) {
  double total = 0;
  for (double value : bar.values) total += std::max(0.0, value);
  return total;
}

std::string legend(const std::vector<Series>& series) {
  std::string body;
  double x = kLeft;
  for (std::size_t i = 0; i < series.size(); ++i) {
    body += svg_bar(x, 8, 12, 12, "chart-key series-" + std::to_string(i), series[i].color,
                    series[i].name);
    body += svg_label(x + 16, 18, "chart-legend", "start", series[i].name);
    x += 24 + 8 * static_cast<double>(series[i].name.size()) + 12;
  }
  return body;
}

std::string column(const StackedBar& bar, const std::vector<Series>& series, double x, double width,
                   double scale) {
  std::string body;
  double y = kTop + kPlotHeight;
  for (std::size_t s = 0; s < series.size() && s < bar.values.size(); ++s) {
    double value = std::max(0.0, bar.values[s]);
    if (value == 0) continue;
    double height = value * scale;
    y -= height;
    body += svg_bar(x, y, width, height, "chart-segment series-" + std::to_string(s),
                    series[s].color, bar.label + ", " + series[s].name + ": " + value_label(value));
  }
  return body;
}

}  // namespace

std::string stacked_bar_chart(const ChartText& text, const std::vector<Series>& series,
                              const std::vector<StackedBar>& bars) {
  double top = 0;
  for (const StackedBar& bar : bars) top = std::max(top, total_of(bar));
  if (bars.empty() || top == 0) return "";
  double band = kPlotWidth / static_cast<double>(bars.size());
  double width = std::clamp(band * 0.7, 1.0, 56.0), scale = kPlotHeight / top;
  std::string body = legend(series);
  body += svg_label(kLeft - 6, kTop + 4, "chart-tick", "end", value_label(top));
  body += svg_label(kLeft - 6, kTop + kPlotHeight, "chart-tick", "end", "0");
  std::size_t step = label_step(bars.size());
  for (std::size_t i = 0; i < bars.size(); ++i) {
    double x = kLeft + band * static_cast<double>(i) + (band - width) / 2;
    body += column(bars[i], series, x, width, scale);
    if (i % step == 0)
      body +=
          svg_label(x + width / 2, kHeight - kBottom + 18, "chart-label", "middle", bars[i].label);
  }
  return svg_frame("stacked", kWidth, kHeight, text, body);
}

}  // namespace digestif::plugins::charts

// Column chart: layout of vertical bars and their axis labels.
#include "plugins/charts/column_chart.h"

#include <algorithm>
#include <cmath>

#include "plugins/charts/svg_frame.h"
#include "plugins/charts/svg_text.h"

namespace digestif::plugins::charts {
namespace {

constexpr double kWidth = 640, kHeight = 220;
constexpr double kLeft = 48, kRight = 12, kTop = 16, kBottom = 36;
constexpr double kPlotWidth = kWidth - kLeft - kRight, kPlotHeight = kHeight - kTop - kBottom;

double highest(const std::vector<ChartPoint>& points) {
  double top = 0;
  for (const ChartPoint& point : points) top = std::max(top, point.value);
  return top;
}

std::string axis(double top) {
  double bottom = kTop + kPlotHeight;
  return "<path class=\"chart-axis\" stroke=\"currentColor\" fill=\"none\" d=\"M" +
         svg_number(kLeft) + " " + svg_number(kTop) + "V" + svg_number(bottom) + "H" +
         svg_number(kLeft + kPlotWidth) + "\"/>" +
         svg_label(kLeft - 6, kTop + 4, "chart-tick", "end", value_label(top)) +
         svg_label(kLeft - 6, bottom, "chart-tick", "end", "0");
}

}  // namespace

std::string column_chart(const ChartText& text, const std::vector<ChartPoint>& points) {
  if (points.empty()) return "";
  double top = highest(points), band = kPlotWidth / static_cast<double>(points.size());
  double bar_width = std::clamp(band * 0.7, 1.0, 48.0);
  std::size_t step = label_step(points.size());
  std::string body = axis(top);
  for (std::size_t i = 0; i < points.size(); ++i) {
    double value = std::max(0.0, points[i].value);
    double height = top > 0 ? value / top * kPlotHeight : 0;
    double x = kLeft + band * static_cast<double>(i) + (band - bar_width) / 2;
    body += svg_bar(x, kTop + kPlotHeight - height, bar_width, height, "chart-bar", "#4a7ab5",
                    points[i].label + ": " + value_label(points[i].value));
    if (i % step == 0)
      body += svg_label(x + bar_width / 2, kHeight - kBottom + 18, "chart-label", "middle",
                        points[i].label);
  }
  return svg_frame("column", kWidth, kHeight, text, body);
}

}  // namespace digestif::plugins::charts

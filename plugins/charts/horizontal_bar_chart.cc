// Horizontal bar chart: layout of the rows.
#include "plugins/charts/horizontal_bar_chart.h"

#include <algorithm>

#include "plugins/charts/svg_frame.h"
#include "plugins/charts/svg_text.h"

namespace digestif::plugins::charts {
namespace {

constexpr double kWidth = 640, kLabelWidth = 180, kValueWidth = 56, kRow = 24, kMargin = 8;
constexpr std::size_t kMaxLabel = 24;

/// At most kMaxLabel characters (UTF-8 aware: never cuts inside a character).
std::string short_label(const std::string& label) {
  std::size_t characters = 0, end = 0;
  for (; end < label.size(); ++end) {
    if ((static_cast<unsigned char>(label[end]) & 0xC0) == 0x80) continue;
    if (++characters > kMaxLabel) return label.substr(0, end) + "…";
  }
  return label;
}

}  // namespace

std::string horizontal_bar_chart(const ChartText& text, const std::vector<ChartPoint>& points) {
  if (points.empty()) return "";
  double top = 0;
  for (const ChartPoint& point : points) top = std::max(top, point.value);
  double plot = kWidth - kLabelWidth - kValueWidth - 2 * kMargin;
  std::string body;
  for (std::size_t i = 0; i < points.size(); ++i) {
    double y = kMargin + kRow * static_cast<double>(i);
    double length = top > 0 ? std::max(0.0, points[i].value) / top * plot : 0;
    std::string value = value_label(points[i].value);
    body += svg_label(kMargin + kLabelWidth - 8, y + 16, "chart-label", "end",
                      short_label(points[i].label));
    body += svg_bar(kMargin + kLabelWidth, y + 4, length, kRow - 8, "chart-bar", "#4a7ab5",
                    points[i].label + ": " + value);
    body += svg_label(kMargin + kLabelWidth + length + 6, y + 16, "chart-value", "start", value);
  }
  double height = 2 * kMargin + kRow * static_cast<double>(points.size());
  return svg_frame("bars", kWidth, height, text, body);
}

}  // namespace digestif::plugins::charts

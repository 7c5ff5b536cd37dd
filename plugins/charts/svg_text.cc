// SVG text: short number formats for coordinates and labels.
#include "plugins/charts/svg_text.h"

#include <cmath>
#include <cstdio>

namespace digestif::plugins::charts {

std::string svg_number(double value) {
  double rounded = std::round(value * 10) / 10;
  if (rounded == 0) rounded = 0;  // no "-0"
  char buffer[32];
  if (rounded == std::floor(rounded))
    std::snprintf(buffer, sizeof buffer, "%.0f", rounded);
  else
    std::snprintf(buffer, sizeof buffer, "%.1f", rounded);
  return buffer;
}

std::string value_label(double value) { return svg_number(value); }

}  // namespace digestif::plugins::charts

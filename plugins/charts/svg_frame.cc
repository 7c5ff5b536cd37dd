// SVG frame: writing the svg root, labels and bars.
#include "plugins/charts/svg_frame.h"

#include <algorithm>

#include "core/markup_escape.h"
#include "plugins/charts/svg_text.h"

namespace digestif::plugins::charts {

constexpr std::size_t kMaxLabels = 6;

std::size_t label_step(std::size_t bars) {
  return std::max<std::size_t>(1, (bars + kMaxLabels - 1) / kMaxLabels);
}

std::string svg_frame(const std::string& kind, double width, double height, const ChartText& text,
                      const std::string& body) {
  std::string w = svg_number(width), h = svg_number(height);
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart chart-" + escape_markup(kind) +
         "\" viewBox=\"0 0 " + w + " " + h + "\" width=\"" + w + "\" height=\"" + h +
         "\" role=\"img\" aria-label=\"" + escape_markup(text.title) + "\"><title>" +
         escape_markup(text.title) + "</title><desc>" + escape_markup(text.description) +
         "</desc>" + body + "</svg>";
}

std::string svg_label(double x, double y, const std::string& css_class, const std::string& anchor,
                      const std::string& text) {
  return "<text x=\"" + svg_number(x) + "\" y=\"" + svg_number(y) + "\" class=\"" +
         escape_markup(css_class) + "\" text-anchor=\"" + escape_markup(anchor) + "\">" +
         escape_markup(text) + "</text>";
}

std::string svg_bar(double x, double y, double width, double height, const std::string& css_class,
                    const std::string& fill, const std::string& tooltip) {
  return "<rect x=\"" + svg_number(x) + "\" y=\"" + svg_number(y) + "\" width=\"" +
         svg_number(width) + "\" height=\"" + svg_number(height) + "\" class=\"" +
         escape_markup(css_class) + "\" fill=\"" + escape_markup(fill) + "\"><title>" +
         escape_markup(tooltip) + "</title></rect>";
}

}  // namespace digestif::plugins::charts

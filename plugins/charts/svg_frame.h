// SVG frame: the <svg> element around a chart, with its accessible title and description.
#pragma once

#include <cstddef>
#include <string>

#include "plugins/charts/chart_data.h"

namespace digestif::plugins::charts {

/// `<svg xmlns=... class="chart chart-KIND" viewBox="0 0 W H" width=W height=H role="img"
/// aria-label=TITLE><title>TITLE</title><desc>DESCRIPTION</desc>` + body + `</svg>`, all text
/// escaped.
std::string svg_frame(const std::string& kind, double width, double height, const ChartText& text,
                      const std::string& body);

/// Which bars get an axis label when a chart has `bars` of them: every step-th from the first,
/// so that at most 6 labels share the axis.
std::size_t label_step(std::size_t bars);

/// `<text x y class text-anchor>TEXT</text>`, escaped.
std::string svg_label(double x, double y, const std::string& css_class, const std::string& anchor,
                      const std::string& text);

/// `<rect x y width height class fill><title>TOOLTIP</title></rect>`, escaped.
std::string svg_bar(double x, double y, double width, double height, const std::string& css_class,
                    const std::string& fill, const std::string& tooltip);

}  // namespace digestif::plugins::charts

// SVG text: number formatting for the SVG the chart builders write.
#pragma once

#include <string>
#include <string_view>

namespace digestif::plugins::charts {

/// A coordinate or a length: at most one decimal, no trailing ".0" ("12", "12.5").
std::string svg_number(double value);

/// A count as shown to a reader: integral values without a decimal ("386"), others with one.
std::string value_label(double value);

}  // namespace digestif::plugins::charts

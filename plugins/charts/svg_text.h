// SVG text: escaping and number formatting for the SVG the chart builders write.
#pragma once

#include <string>
#include <string_view>

namespace digestif::plugins::charts {

/// `text` safe inside an XML element or a quoted attribute: & < > " ' as entities, and control
/// characters other than tab and newline dropped.
std::string xml_escape(std::string_view text);

/// A coordinate or a length: at most one decimal, no trailing ".0" ("12", "12.5").
std::string svg_number(double value);

/// A count as shown to a reader: integral values without a decimal ("386"), others with one.
std::string value_label(double value);

}  // namespace digestif::plugins::charts

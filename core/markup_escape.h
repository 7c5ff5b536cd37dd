// escape_markup: text made safe to put into HTML or XML, as element text or attribute value.
#pragma once

#include <string>
#include <string_view>

namespace digestif {

/// & < > " ' become entities; control characters other than tab and newline (not allowed in
/// XML 1.0) are left out.
std::string escape_markup(std::string_view text);

}  // namespace digestif

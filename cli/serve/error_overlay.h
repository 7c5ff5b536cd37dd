// The error overlay: the build errors shown over every served page until a build succeeds.
#pragma once

#include <string>
#include <vector>

#include "core/diagnostic.h"

namespace digestif::cli {

/// An HTML block (fixed, above the page) listing each error as "file:line: error: message",
/// HTML-escaped; empty when there are no errors.
std::string error_overlay_html(const std::vector<Diagnostic>& errors);

}  // namespace digestif::cli

// Front matter reader: parses a located front matter (YAML, "~~~" YAML or JSON) with file lines.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/front_matter.h"
#include "plugins/digest_format/front_matter_locator.h"

namespace digestif::plugins::digest_format {

/// Parses the front matter at `spot` of `text` (split into `lines`). The result's line, key
/// lines and body line are lines of the file; its body views `text` after the closing line.
/// Throws Error at the file line of a syntax error, of a front matter that never closes, or of
/// one that is not a map / object.
FrontMatter read_front_matter(std::string_view text, const std::vector<std::string_view>& lines,
                              const FrontMatterSpot& spot, const std::string& file);

}  // namespace digestif::plugins::digest_format

// Digest fields: reading title, date, description, tags and draft out of a front matter.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/front_matter.h"

namespace digestif::plugins::digest_format {

/// A text key ("" when absent or null); a list or map is an Error at the key's line.
std::string text_field(const FrontMatter& fm, const std::string& file, std::string_view key);

/// "tags": a list of texts (empty ones dropped); anything else is an Error at its line.
std::vector<std::string> tags_field(const FrontMatter& fm, const std::string& file);

/// "date", or `fallback` (the file name's date) when absent; an invalid date, or none at all,
/// is an Error.
Timestamp date_field(const FrontMatter& fm, const std::string& file,
                     std::optional<Timestamp> fallback);

/// "draft": true or false; false when absent.
bool draft_field(const FrontMatter& fm, const std::string& file);

}  // namespace digestif::plugins::digest_format

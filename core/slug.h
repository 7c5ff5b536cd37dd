// Slugs: the URL-safe names of documents and tags.
#pragma once

#include <string>
#include <string_view>

namespace digestif {

/// Lower-cases ASCII letters, keeps other letters (UTF-8) and digits, turns every run of
/// spaces, punctuation and separators into one '-', and trims '-' at both ends. The result
/// never contains '/', '\\', '.' or control characters; it may be empty.
std::string slugify(std::string_view text);

}  // namespace digestif

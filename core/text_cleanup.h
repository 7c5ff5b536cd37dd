// Text cleanup: any byte sequence in, valid UTF-8 with LF line ends out, oddities reported.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"

namespace digestif {

struct CleanText {
  std::string text;
  std::vector<Diagnostic> warnings;  ///< at most one per kind of repair, at its first line
};

/// Drops a byte-order mark, turns CRLF and lone CR into LF, replaces invalid UTF-8 with U+FFFD,
/// and repairs mojibake (UTF-8 read as Windows-1252 and encoded again: "donâ€™t" -> "don’t")
/// where the bytes decode to exactly one valid UTF-8 character; NUL bytes become U+FFFD too.
/// Throws Error for a file that looks binary (an image, PDF, archive or executable signature,
/// or NUL bytes in more than 10% of its first 8 KiB). Linear time.
CleanText clean_text(std::string_view bytes, const std::string& file);

}  // namespace digestif

// Indentation: undoing a whole document indented as a block (every line shifted right).
#pragma once

#include <string>
#include <string_view>

namespace digestif::plugins::digest_format {

/// A document with its block indentation removed.
struct Dedented {
  std::string text;  ///< same lines, same count, up to `indent` leading spaces removed from each
  int indent = 0;    ///< spaces removed; 0 when the document was not indented
};

/// When the first non-blank line is an indented front matter fence ("    ---", "    ~~~" or
/// "    {"), removes that many leading spaces from every line; otherwise returns `text` as is.
Dedented dedent_document(std::string_view text);

}  // namespace digestif::plugins::digest_format

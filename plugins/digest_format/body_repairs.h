// Body repairs: a digest body made sane when the document repeats itself or ends in a stray fence.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"

namespace digestif::plugins::digest_format {

/// A body after repairs, with the warnings that say what was changed.
struct RepairedBody {
  std::string text;
  int first_line = 1;  ///< file line of the body's first line
  std::vector<Diagnostic> warnings;
};

/// Repairs `body` (starting at file line `first_line` of `file`):
/// - a whole document written twice (a second "---" + "title:" front matter inside the body):
///   keeps the longer copy, without its front matter;
/// - a last line that is a lone "~~~" or "```" closing no fence, or a lone "---": dropped.
RepairedBody repair_body(std::string_view body, int first_line, const std::string& file);

}  // namespace digestif::plugins::digest_format

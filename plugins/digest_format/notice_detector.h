// Notice detector: files that hold a pipeline's notice ("Analysis Skipped", "very quiet today")
// instead of a digest.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace digestif::plugins::digest_format {

enum class NoticeKind {
  none,     ///< not a notice
  skipped,  ///< "Analysis Skipped: ...": the digest was withheld; there is nothing to publish
  quiet,    ///< "It was very quiet ...", "no posts today": the day had nothing to digest
};

struct Notice {
  NoticeKind kind = NoticeKind::none;
  std::string text;  ///< the notice's first sentence, as written
  int line = 0;      ///< its 1-based line in the text
};

/// A notice is a text of at most three lines besides blank lines and lone "~~~"/"```" fences,
/// whose first such line says "analysis skipped" (skipped) or "very quiet", "no posts" or
/// "no new posts" (quiet), in any case. Anything longer is content, not a notice.
Notice detect_notice(const std::vector<std::string_view>& lines);

}  // namespace digestif::plugins::digest_format

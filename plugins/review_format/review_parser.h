// Review parser: reads a yearly review, a Reddit post dump with its header, content and comments.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"

namespace digestif::plugins::review_format {

/// One of the top comments listed after the post.
struct ReviewComment {
  std::string author;
  long score = 0;
  std::int64_t created_utc = 0;  ///< unix seconds
  std::string markdown;          ///< the comment text, lines joined with '\n', blank ends trimmed
  int line = 0;                  ///< file line of its "Comment K:" line
};

/// A review post: the header fields, the post's markdown and its top comments.
struct ReviewPost {
  std::string title, author, url;
  long score = 0;
  int comment_count = 0;         ///< "Number of comments" as written (not comments.size())
  std::int64_t created_utc = 0;  ///< unix seconds; a fractional part is dropped
  std::string content_markdown;  ///< lines joined with '\n', blank ends trimmed
  int content_line = 0;          ///< file line where the content starts
  std::vector<ReviewComment> comments;
};

/// True when the text starts (after an optional BOM and blank lines) with "Post Title:".
bool looks_like_review(std::string_view text);

/// Parses a review dump (LF or CRLF line ends). Throws digestif::Error(file, line, "what is
/// wrong; what to do") for a missing or invalid header field (e.g. Created UTC not a number), a
/// missing "Post Content:" line, or a comment block without its fields.
ReviewPost parse_review(std::string_view text, const std::string& file);

}  // namespace digestif::plugins::review_format

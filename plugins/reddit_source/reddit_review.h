// Reddit post JSON -> the text of a yearly review, as review_format reads it from a file.
#pragma once

#include <string>
#include <string_view>

namespace digestif::plugins::reddit_source {

/// Turns what Reddit answers for `<post url>.json` (a 2-element array of Listings: the post in
/// [0].data.children[0].data, comments in [1].data.children[*].data, "kind": "more" entries
/// skipped) into review text: the header, the post's markdown and its `top_comments`
/// top-level comments with the highest scores. `post_url` is written as the URL. Throws
/// digestif::Error(post_url, 0, ...) when the JSON has not that shape.
std::string reddit_review_text(std::string_view json, const std::string& post_url,
                               int top_comments);

}  // namespace digestif::plugins::reddit_source

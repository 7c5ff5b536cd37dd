// Review themes: the `##` sections of a yearly review and the Reddit posts each one links.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace digestif::plugins::site_analysis {

/// A post a review links as "[title](url) (N upvotes, by u/NAME)".
struct ReviewPostLink {
  std::string title;            ///< the link text as written (markdown)
  std::string url;              ///< as written
  std::string post_id;          ///< reddit_post_id(url); "" for a link that names no post
  std::optional<long> upvotes;  ///< N ("1,234" and "1 upvote" read too)
  std::string author;           ///< NAME without "u/"; "" when missing or empty
  std::string theme;            ///< title of the `##` section it is in; "" before the first
  std::string theme_anchor;     ///< that section's anchor; "" before the first
  int line = 0;                 ///< 1-based line of the markdown
};

/// A `##` heading of the review and the posts linked under it (until the next `##`).
struct ReviewTheme {
  std::string title;   ///< heading text as written, closing #s and spaces trimmed
  std::string anchor;  ///< "theme-" + slug of the title, made unique ("-2", "-3", ...)
  std::string slug;    ///< slugify(title): what the heading's HTML text slugifies to
  std::vector<ReviewPostLink> posts;
};

/// What a review's markdown holds: its themes in order, and every linked post in order.
struct ReviewOutline {
  std::vector<ReviewTheme> themes;
  std::vector<ReviewPostLink> posts;  ///< all of them, those before the first heading included
};

/// Reads the outline of review markdown. Headings and links inside fenced code blocks are left
/// out; a link counts as a post only when "(N upvote[s][, by u/NAME])" follows it.
ReviewOutline review_outline(std::string_view markdown);

/// "(N upvotes, by u/NAME)" at the start of `text` (spaces before it allowed): N and NAME, or
/// nothing. `consumed` is set to the length read.
struct UpvoteNote {
  long upvotes = 0;
  std::string author;
};
std::optional<UpvoteNote> read_upvote_note(std::string_view text, std::size_t& consumed);

}  // namespace digestif::plugins::site_analysis

// Tests of the review outline: themes and linked posts of the sample review and of tricky lines,
// and Reddit post ids of every URL form.
#include "plugins/site_analysis/review_themes.h"

#include <boost/test/unit_test.hpp>
#include <fstream>
#include <set>
#include <sstream>

#include "plugins/review_format/review_parser.h"
#include "plugins/site_analysis/reddit_post_id.h"

namespace digestif::plugins::site_analysis {
namespace {

std::string sample_review_body() {
  std::string path = std::string(DIGESTIF_SOURCE_DIR) +
                     "/content/reviews/2025-12-27-machinelearning-year-in-review.md";
  std::ifstream in(path, std::ios::binary);
  BOOST_REQUIRE_MESSAGE(in, "cannot open " << path);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return review_format::parse_review(buffer.str(), path).content_markdown;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(review_themes)

BOOST_AUTO_TEST_CASE(sample_review_has_its_22_themes_and_75_linked_posts) {
  ReviewOutline outline = review_outline(sample_review_body());
  BOOST_REQUIRE_EQUAL(outline.themes.size(), 22u);
  BOOST_TEST(outline.themes[0].title == "Open-Source Parity and Training Efficiency");
  BOOST_TEST(outline.themes[0].anchor == "theme-open-source-parity-and-training-efficiency");
  BOOST_TEST(outline.themes[5].title == "Vision Transformers vs. CNNs");
  BOOST_TEST(outline.themes[5].anchor == "theme-vision-transformers-vs-cnns");
  BOOST_TEST(outline.themes[0].posts.size() == 3u);
  // "(1555 upvotes)" in the P.S. follows no link: not a post.
  BOOST_TEST(outline.posts.size() == 75u);
  const ReviewPostLink& first = outline.posts.front();
  BOOST_TEST(first.title == "DeepSeek R1 and its open-source distillations dominated discussion");
  BOOST_TEST(first.post_id == "1i9xwbr");
  BOOST_TEST(*first.upvotes == 386);
  BOOST_TEST(first.author == "Brief-Zucchini-180");
  BOOST_TEST(first.theme == "Open-Source Parity and Training Efficiency");
  BOOST_TEST(first.theme_anchor == outline.themes[0].anchor);
  std::set<std::string> anchors;
  for (const ReviewTheme& theme : outline.themes) anchors.insert(theme.anchor);
  BOOST_TEST(anchors.size() == outline.themes.size());
}

BOOST_AUTO_TEST_CASE(empty_author_is_read_as_no_author) {
  ReviewOutline outline = review_outline(sample_review_body());
  auto overleaf =
      std::find_if(outline.posts.begin(), outline.posts.end(),
                   [](const ReviewPostLink& post) { return post.post_id == "1km8d7p"; });
  BOOST_REQUIRE(overleaf != outline.posts.end());
  BOOST_TEST(*overleaf->upvotes == 192);
  BOOST_TEST(overleaf->author.empty());
  BOOST_TEST(overleaf->theme == "The Conference Crisis");
}

BOOST_AUTO_TEST_CASE(tricky_upvote_notes_and_link_forms) {
  ReviewOutline outline = review_outline(
      "Intro [early](https://redd.it/AbC12) (1 upvote, by /u/first_one).\n"
      "## Big & Small ##\n"
      "See [[D] nested [brackets]](https://old.reddit.com/r/ml/comments/x1y2z3) (1,234 upvotes, "
      "by u/someone) and [no note](https://www.reddit.com/r/ml/comments/nonote/) here, "
      "[anonymous](https://reddit.com/comments/anon9) ( 7 upvotes ).\n"
      "[not a count](https://www.reddit.com/r/ml/comments/bad1/) (many upvotes, by u/x)\n"
      "```\n"
      "## Not a heading\n"
      "[in code](https://www.reddit.com/r/ml/comments/code1/) (3 upvotes, by u/c)\n"
      "```\n"
      "## Big & Small\n"
      "[gallery](https://www.reddit.com/gallery/gal1) (2 upvotes, by u/g)\n");
  BOOST_REQUIRE_EQUAL(outline.themes.size(), 2u);
  BOOST_TEST(outline.themes[0].title == "Big & Small");
  BOOST_TEST(outline.themes[0].anchor == "theme-big-small");
  BOOST_TEST(outline.themes[1].anchor == "theme-big-small-2");
  BOOST_REQUIRE_EQUAL(outline.posts.size(), 4u);
  BOOST_TEST(outline.posts[0].post_id == "abc12");
  BOOST_TEST(*outline.posts[0].upvotes == 1);
  BOOST_TEST(outline.posts[0].author == "first_one");
  BOOST_TEST(outline.posts[0].theme.empty());
  BOOST_TEST(outline.posts[1].title == "[D] nested [brackets]");
  BOOST_TEST(outline.posts[1].post_id == "x1y2z3");
  BOOST_TEST(*outline.posts[1].upvotes == 1234);
  BOOST_TEST(outline.posts[1].theme_anchor == "theme-big-small");
  BOOST_TEST(outline.posts[2].post_id == "anon9");
  BOOST_TEST(*outline.posts[2].upvotes == 7);
  BOOST_TEST(outline.posts[2].author.empty());
  BOOST_TEST(outline.posts[3].post_id == "gal1");
  BOOST_TEST(outline.posts[3].theme_anchor == "theme-big-small-2");
  BOOST_TEST(outline.themes[0].posts.size() == 2u);
  BOOST_TEST(outline.posts[2].line == 3);
}

BOOST_AUTO_TEST_CASE(many_repeated_headings_and_hostile_lines_stay_unique_and_cheap) {
  std::string markdown = "## Same-2\n";
  for (int i = 0; i < 20000; ++i) markdown += "## Same\n";
  std::string hostile;
  for (int i = 0; i < 200000; ++i) hostile += "](";
  markdown += "[" + hostile + "\n";
  ReviewOutline outline = review_outline(markdown);
  BOOST_REQUIRE_EQUAL(outline.themes.size(), 20001u);
  BOOST_TEST(outline.themes[0].anchor == "theme-same-2");
  BOOST_TEST(outline.themes[1].anchor == "theme-same");
  BOOST_TEST(outline.themes[2].anchor == "theme-same-3");  // "-2" was taken by a title
  BOOST_TEST(outline.themes.back().anchor == "theme-same-20001");
  BOOST_TEST(outline.posts.empty());
}

BOOST_AUTO_TEST_CASE(upvote_note_needs_a_number_and_the_word) {
  std::size_t consumed = 0;
  BOOST_TEST(!read_upvote_note("(upvotes, by u/x)", consumed).has_value());
  BOOST_TEST(!read_upvote_note("(12 points)", consumed).has_value());
  BOOST_TEST(!read_upvote_note("(12 upvotes, by u/x", consumed).has_value());
  BOOST_TEST(!read_upvote_note("(,12 upvotes)", consumed).has_value());
  auto note = read_upvote_note(" (12 upvotes, by u/a-b_c) rest", consumed);
  BOOST_REQUIRE(note.has_value());
  BOOST_TEST(note->upvotes == 12);
  BOOST_TEST(note->author == "a-b_c");
  BOOST_TEST(consumed == std::string(" (12 upvotes, by u/a-b_c)").size());
}

BOOST_AUTO_TEST_CASE(post_ids_of_every_reddit_url_form) {
  BOOST_TEST(reddit_post_id("https://www.reddit.com/r/ML/comments/1I9xwbr/title/") == "1i9xwbr");
  BOOST_TEST(reddit_post_id("https://www.reddit.com/r/ML/comments/1i9xwbr") == "1i9xwbr");
  BOOST_TEST(reddit_post_id("https://old.reddit.com/r/ML/comments/abc/") == "abc");
  BOOST_TEST(reddit_post_id("http://reddit.com/comments/abc") == "abc");
  BOOST_TEST(reddit_post_id("https://redd.it/xyz") == "xyz");
  BOOST_TEST(reddit_post_id("https://www.reddit.com/gallery/g1") == "g1");
  BOOST_TEST(reddit_post_id("https://example.org/comments/abc/") == "");
  BOOST_TEST(reddit_post_id("https://notreddit.com/r/x/comments/abc/") == "");
  BOOST_TEST(reddit_post_id("https://www.reddit.com/r/ML/") == "");
  BOOST_TEST(reddit_post_id("") == "");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace digestif::plugins::site_analysis

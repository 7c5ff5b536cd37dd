// Tests of Reddit post JSON -> review text, read back with the review parser.
#include "plugins/reddit_source/reddit_review.h"

#include <boost/test/unit_test.hpp>
#include <fstream>
#include <sstream>

#include "core/diagnostic.h"
#include "plugins/reddit_source/reddit_source.h"
#include "plugins/review_format/review_parser.h"

namespace digestif::plugins::reddit_source {
namespace {

const std::string kPostUrl =
    "https://www.reddit.com/r/LocalLLaMA/comments/1q2w3e4/rlocalllama_2025_a_year_in_review/";

/// The hand-written, real-shaped post the e2e test serves too.
std::string fixture() {
  std::ifstream in(std::string(DIGESTIF_SOURCE_DIR) +
                   "/tests/e2e/fetch_fixtures/reddit/rlocalllama_2025_a_year_in_review.json");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

review_format::ReviewPost converted(int comments) {
  std::string text = reddit_review_text(fixture(), kPostUrl, comments);
  return review_format::parse_review(text, kPostUrl);
}

BOOST_AUTO_TEST_SUITE(reddit_review)

BOOST_AUTO_TEST_CASE(the_post_header_comes_from_the_first_listing) {
  auto post = converted(3);
  BOOST_TEST(post.title == "r/LocalLLaMA 2025 & a year in review");
  BOOST_TEST(post.author == "year_in_review_bot");
  BOOST_TEST(post.score == 412);
  BOOST_TEST(post.comment_count == 57);
  BOOST_TEST(post.created_utc == 1766851467);
  BOOST_TEST(post.url == kPostUrl);
}

BOOST_AUTO_TEST_CASE(the_content_is_unescaped_and_keeps_its_own_structural_lines) {
  auto post = converted(3);
  BOOST_TEST(post.content_markdown.find("Plenty is missing & that says") != std::string::npos);
  BOOST_TEST(post.content_markdown.find("> The year local stopped meaning slow.") !=
             std::string::npos);
  BOOST_TEST(post.content_markdown.find("<finally>") != std::string::npos);
  // "Top 3 comments:" inside the post must not end the content.
  BOOST_TEST(post.content_markdown.find("Top 3 comments\\:") != std::string::npos);
  BOOST_TEST(post.content_markdown.find("not the list of comments.") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(top_level_comments_by_score_without_more_deleted_or_replies) {
  auto post = converted(3);
  BOOST_REQUIRE(post.comments.size() == 3u);
  BOOST_TEST(post.comments[0].author == "tokens_per_watt");
  BOOST_TEST(post.comments[0].score == 129);
  BOOST_TEST(post.comments[0].created_utc == 1766852440);
  BOOST_TEST(post.comments[1].author == "gpu_poor_and_proud");
  BOOST_TEST(post.comments[2].author == "mmap_enjoyer");
  BOOST_TEST(post.comments[1].markdown ==
             "Great write-up & thanks for the links.\n\n> The year local stopped meaning "
             "slow.\n\nThis.");
  // A comment quoting "Comment 2:" + "Author:" stays one comment.
  BOOST_TEST(post.comments[0].markdown.find("not_a_real_field") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_number_of_comments_is_an_option) {
  BOOST_TEST(converted(0).comments.size() == 0u);
  BOOST_TEST(converted(100).comments.size() == 4u);
}

BOOST_AUTO_TEST_CASE(other_json_is_an_error_naming_the_post) {
  for (const char* text : {"not json", "{}", "[]", "[{\"data\": {}}, {}]",
                           R"([{"kind":"Listing","data":{"children":[]}},
                               {"kind":"Listing","data":{"children":[]}}])"}) {
    try {
      reddit_review_text(text, kPostUrl, 3);
      BOOST_FAIL("no error for " << text);
    } catch (const Error& error) {
      BOOST_TEST(error.diagnostic().file == kPostUrl);
      BOOST_TEST(!error.diagnostic().message.empty());
    }
  }
}

BOOST_AUTO_TEST_CASE(the_json_url_of_a_post) {
  BOOST_TEST(post_json_url(kPostUrl) ==
             "https://www.reddit.com/r/LocalLLaMA/comments/1q2w3e4/"
             "rlocalllama_2025_a_year_in_review.json");
  BOOST_TEST(post_json_url("https://reddit.com/r/x/comments/1/s?utm=1#c") ==
             "https://reddit.com/r/x/comments/1/s.json");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace digestif::plugins::reddit_source

// Tests of URL resolution, stems and the Reddit post shape.
#include "plugins/http_fetch/url_parts.h"

#include <boost/test/unit_test.hpp>

namespace digestif::plugins::http_fetch {
namespace {

BOOST_AUTO_TEST_SUITE(url_parts)

BOOST_AUTO_TEST_CASE(references_resolve_against_the_index) {
  BOOST_TEST(*resolve_url("https://x.org/lists/index.json", "d/a.md") ==
             "https://x.org/lists/d/a.md");
  BOOST_TEST(*resolve_url("https://x.org/lists/index.json", "/a.md") == "https://x.org/a.md");
  BOOST_TEST(*resolve_url("https://x.org/i", "http://y.org/b.md") == "http://y.org/b.md");
}

BOOST_AUTO_TEST_CASE(the_stem_is_the_last_segment_without_extension) {
  BOOST_TEST(url_stem("https://x.org/d/2025-03-11-ml.md?a=1#f") == "2025-03-11-ml");
  BOOST_TEST(url_stem("https://x.org/r/ml/comments/abc/a_year_in_review/") == "a_year_in_review");
  BOOST_TEST(url_stem("https://x.org/d/caf%C3%A9.txt") == "caf\xC3\xA9");
  BOOST_TEST(url_stem("https://x.org/") == "x.org");
}

BOOST_AUTO_TEST_CASE(hosts_and_schemes_are_lowercase) {
  auto parts = split_url("HTTPS://WWW.Reddit.com/r/x/comments/1/");
  BOOST_REQUIRE(parts.has_value());
  BOOST_TEST(parts->scheme == "https");
  BOOST_TEST(parts->host == "www.reddit.com");
  BOOST_TEST(!split_url("not a url").has_value());
}

BOOST_AUTO_TEST_CASE(reddit_post_paths_are_recognised) {
  BOOST_TEST(is_reddit_post_path("/r/MachineLearning/comments/1px1agd/d_a_year_in_review/"));
  BOOST_TEST(is_reddit_post_path("/r/MachineLearning/comments/1px1agd"));
  BOOST_TEST(!is_reddit_post_path("/r/MachineLearning/"));
  BOOST_TEST(!is_reddit_post_path("/r/MachineLearning/top/"));
  BOOST_TEST(!is_reddit_post_path("/digests/2025-03-11.md"));
  BOOST_TEST(!is_reddit_post_path("/r/x/comments/1/slug/comment_id/extra/"));
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace digestif::plugins::http_fetch

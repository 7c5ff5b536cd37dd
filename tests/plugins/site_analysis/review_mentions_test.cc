// Tests of the review analysis on documents: a review's data["review"], and the links between
// its posts and the thread catalog both ways.
#include "plugins/site_analysis/review_mentions.h"

#include <boost/test/unit_test.hpp>

#include "plugins/site_analysis/review_analyzer.h"
#include "plugins/site_analysis/thread_catalog.h"
#include "tests/plugins/site_analysis/site_fixture.h"

namespace digestif::plugins::site_analysis {

BOOST_AUTO_TEST_SUITE(review_mentions)

BOOST_FIXTURE_TEST_CASE(review_posts_link_catalogued_threads_and_back, testing::SiteFixture) {
  Document& review = add("/review/", 30, {}, {});
  review.kind = "review";
  review.data = Value::object();
  review.title = "Year in review";
  review.body_line = 10;
  review.body =
      "## Models\n"
      "[Scaling](https://www.reddit.com/r/ml/comments/abc/x/) (1,200 upvotes, by u/amy) and\n"
      "[Elsewhere](https://www.reddit.com/r/ml/comments/nope/) (3 upvotes)\n";
  add("/digest/", 9, {}, {testing::thread("abc", "[D] Scaling laws", 40)});
  ReviewAnalyzer().analyze(review);
  const Value& data = *review.data.find("review");
  BOOST_TEST(data.find("post_count")->as_int() == 2);
  BOOST_TEST(data.find("themes")->as_array()[0].get_string("anchor") == "theme-models");
  const Value& first = data.find("posts")->as_array()[0];
  BOOST_TEST(first.find("upvotes")->as_int() == 1200);
  BOOST_TEST(first.get_string("author") == "amy");
  BOOST_TEST(first.find("line")->as_int() == 11);
  BOOST_TEST(!data.find("posts")->as_array()[1].find("has_author")->as_bool());

  ThreadCatalog().analyze(site);
  ReviewMentions().analyze(site);
  const Value* mentions = site.data.find("review_mentions")->find("id:abc");
  BOOST_REQUIRE(mentions != nullptr);
  BOOST_REQUIRE_EQUAL(mentions->size(), 1u);
  BOOST_TEST(mentions->as_array()[0].get_string("theme_url") == "/blog/review/#theme-models");
  BOOST_TEST(mentions->as_array()[0].get_string("title") == "Year in review");
  const Value* links = site.data.find("review_links")->find("/review/");
  BOOST_REQUIRE(links != nullptr);
  BOOST_TEST(links->size() == 1u);
  BOOST_TEST(links->find("abc")->get_string("anchor") == "t-abc");
  BOOST_TEST(site.data.find("review_mentions")->find("id:nope") == nullptr);
}

BOOST_AUTO_TEST_CASE(digests_get_no_review_data) {
  Document digest;
  digest.kind = "digest";
  digest.body = "## Heading\n[x](https://redd.it/a) (2 upvotes)\n";
  ReviewAnalyzer().analyze(digest);
  BOOST_TEST(digest.data.find("review") == nullptr);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace digestif::plugins::site_analysis

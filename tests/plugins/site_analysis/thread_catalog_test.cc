// Tests of site_analysis's ThreadCatalog: threads gathered across digests, sorted by score, and
// the per-digest index that links each thread to its entry.
#include "plugins/site_analysis/thread_catalog.h"

#include <boost/test/unit_test.hpp>

#include "tests/plugins/site_analysis/site_fixture.h"

namespace digestif::plugins::site_analysis {
namespace {

using testing::thread;

struct CatalogFixture : testing::SiteFixture {
  void analyze() { ThreadCatalog().analyze(site); }
  const Value::Array& threads() const { return site.data.find("threads")->as_array(); }
  const Value::Array& index(const std::string& permalink) const {
    return site.data.find("thread_index")->find(permalink)->as_array();
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(thread_catalog)

BOOST_FIXTURE_TEST_CASE(a_thread_in_two_digests_is_one_entry_with_both, CatalogFixture) {
  add("/new/", 9, {}, {thread("abc", "[D] Scaling laws", 40), thread("zzz", "Other", 5)});
  add("/old/", 2, {}, {thread("abc", "[D] Scaling laws (early)", 12)});
  analyze();
  BOOST_REQUIRE(threads().size() == 2u);
  const Value& first = threads()[0];
  BOOST_TEST(first.get_string("key") == "id:abc");
  BOOST_TEST(first.get_string("anchor") == "t-abc");
  BOOST_TEST(first.find("score")->as_int() == 40);
  BOOST_TEST(first.get_string("title") == "[D] Scaling laws");
  BOOST_TEST(first.find("rank")->as_int() == 1);
  BOOST_TEST(first.find("digest_count")->as_int() == 2);
  const Value::Array& digests = first.find("digests")->as_array();
  BOOST_TEST(digests[0].get_string("url") == "/blog/new/");
  BOOST_TEST(digests[0].get_string("thread_url") == "/blog/new/#thread-1");
  BOOST_TEST(digests[0].get_string("heading") == "r/ml, 9 January 2025");
  BOOST_TEST(digests[1].get_string("date") == "2025-01-02");
}

BOOST_FIXTURE_TEST_CASE(best_score_wins_and_unscored_threads_come_last, CatalogFixture) {
  add("/new/", 9, {}, {thread("a", "Alpha", Value()), thread("b", "Beta", 3)});
  add("/old/", 2, {},
      {thread("a", "Alpha again", 50), thread("c", "Gamma", Value()), thread("d", "Delta", 3)});
  analyze();
  std::vector<std::string> keys;
  for (const Value& entry : threads()) keys.push_back(entry.get_string("key"));
  std::vector<std::string> expected = {"id:a", "id:b", "id:d", "id:c"};
  BOOST_TEST(keys == expected, boost::test_tools::per_element());
  BOOST_TEST(threads()[0].get_string("title") == "Alpha again");
  BOOST_TEST(!threads()[3].find("has_score")->as_bool());
}

BOOST_FIXTURE_TEST_CASE(threads_without_a_post_id_are_keyed_by_url_or_left_out, CatalogFixture) {
  Value by_url = thread("", "Blog post", 8);
  by_url["url"] = "https://example.com/post";
  add("/a/", 3, {}, {by_url, thread("", "Nowhere", 9)});
  add("/b/", 2, {}, {by_url});
  analyze();
  BOOST_REQUIRE(threads().size() == 1u);
  BOOST_TEST(threads()[0].get_string("key") == "url:https://example.com/post");
  BOOST_TEST(threads()[0].get_string("anchor").rfind("u-", 0) == 0u);
  BOOST_TEST(threads()[0].find("digest_count")->as_int() == 2);
  BOOST_TEST(index("/a/").size() == 2u);
  BOOST_TEST(index("/a/")[1].is_null());
}

BOOST_FIXTURE_TEST_CASE(index_follows_each_digests_thread_order, CatalogFixture) {
  add("/new/", 9, {}, {thread("x", "X", 1), thread("y", "Y", 100)});
  add("/old/", 2, {}, {thread("y", "Y", 2)});
  analyze();
  const Value::Array& own = index("/new/");
  BOOST_REQUIRE(own.size() == 2u);
  BOOST_TEST(own[0].get_string("anchor") == "t-x");
  BOOST_TEST(own[0].find("rank")->as_int() == 2);
  BOOST_TEST(own[1].get_string("anchor") == "t-y");
  BOOST_TEST(own[1].find("digest_count")->as_int() == 2);
  BOOST_TEST(index("/old/")[0].get_string("anchor") == "t-y");
}

BOOST_FIXTURE_TEST_CASE(empty_site_has_empty_catalog_and_documents_stay_untouched, CatalogFixture) {
  analyze();
  BOOST_TEST(threads().empty());
  add("/a/", 1, {}, {thread("q", "Q", 1)});
  Value before = documents[0].data;
  analyze();
  BOOST_TEST((documents[0].data.get() == before));
}

BOOST_FIXTURE_TEST_CASE(the_list_holds_the_best_entries_and_the_index_all, CatalogFixture) {
  Value::Array many;
  for (std::size_t i = 0; i < kCatalogListed + 5; ++i)
    many.push_back(thread("p" + std::to_string(i), "T" + std::to_string(i), static_cast<long>(i)));
  add("/big/", 3, {}, std::move(many));
  analyze();
  BOOST_TEST(threads().size() == kCatalogListed);
  BOOST_TEST(threads().front().get_string("key") == "id:p" + std::to_string(kCatalogListed + 4));
  BOOST_TEST(site.data.find("thread_count")->as_int() == static_cast<long>(kCatalogListed + 5));
  // The lowest-scored thread is first in the digest: indexed, ranked last, not listed in full.
  const Value* lowest = catalog_entry(site, documents[0], 0);
  BOOST_REQUIRE(lowest != nullptr);
  BOOST_TEST(lowest->find("rank")->as_int() == static_cast<long>(kCatalogListed + 5));
  BOOST_TEST(lowest->get_string("anchor") == "t-p0");
  BOOST_TEST(catalog_entry(site, documents[0], kCatalogListed + 5) == nullptr);
}

BOOST_AUTO_TEST_CASE(declares_the_site_products_it_writes) {
  PartInfo info = ThreadCatalog().info();
  std::vector<std::string> produces = {"site.threads", "site.thread_count", "site.thread_index"};
  BOOST_TEST(info.produces == produces, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace digestif::plugins::site_analysis

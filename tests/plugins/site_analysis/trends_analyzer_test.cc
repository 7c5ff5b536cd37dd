// Tests of site_analysis's trends: top threads per month and year, rising terms against the
// previous month with digests, and stable tie-breaking, on a small hand-made site.
#include "plugins/site_analysis/trends_analyzer.h"

#include <boost/test/unit_test.hpp>

#include "plugins/site_analysis/rising_terms.h"
#include "plugins/site_analysis/thread_catalog.h"
#include "tests/plugins/site_analysis/site_fixture.h"

namespace digestif::plugins::site_analysis {
namespace {

using testing::thread;

Timestamp day(int year, unsigned month, unsigned d) {
  return Timestamp{std::chrono::sys_days{std::chrono::year{year} / month / d}};
}

struct TrendsFixture : testing::SiteFixture {
  /// Adds (newest first) a digest dated year-month-d.
  Document& add_on(const std::string& permalink, int year, unsigned month, unsigned d,
                   Value::Array threads) {
    Document& document = add(permalink, 1, {}, std::move(threads));
    document.date = day(year, month, d);
    return document;
  }
  void analyze() {
    count_terms();
    ThreadCatalog().analyze(site);
    TrendsAnalyzer().analyze(site);
  }
  const Value& trends() const { return *site.data.find("trends"); }
  const Value::Array& months() const { return trends().find("months")->as_array(); }
  static std::vector<std::string> titles(const Value& list) {
    std::vector<std::string> out;
    for (const Value& item : list.as_array()) out.push_back(item.get_string("title"));
    return out;
  }
  static std::vector<std::string> terms(const Value& month) {
    std::vector<std::string> out;
    for (const Value& item : month.find("rising_terms")->as_array())
      out.push_back(item.get_string("term"));
    return out;
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(trends)

BOOST_FIXTURE_TEST_CASE(months_newest_first_with_top_threads_and_rising_terms, TrendsFixture) {
  add_on("/c/", 2025, 4, 2,
         {thread("c1", "Diffusion models everywhere", 50, "diffusion video"),
          thread("c2", "More diffusion", 50, "diffusion audio"), thread("c3", "Small", 1, "")});
  add_on("/b/", 2025, 3, 20, {thread("b1", "Transformers scale", 80, "transformers scaling")});
  add_on("/a/", 2025, 3, 1,
         {thread("a1", "Transformers again", 10, "transformers"),
          thread("b1", "Transformers scale (early)", 30, "")});
  add_on("/old/", 2024, 12, 31, {thread("z1", "Old news", 5, "")});
  analyze();
  BOOST_REQUIRE_EQUAL(months().size(), 3u);
  const Value& april = months()[0];
  BOOST_TEST(april.get_string("key") == "2025-04");
  BOOST_TEST(april.get_string("name") == "April 2025");
  // Equal scores: by title.
  BOOST_TEST(
      titles(*april.find("top_threads")) ==
          (std::vector<std::string>{"Diffusion models everywhere", "More diffusion", "Small"}),
      boost::test_tools::per_element());
  BOOST_TEST(terms(april) == (std::vector<std::string>{"diffusion"}),
             boost::test_tools::per_element());
  BOOST_TEST(april.get_string("previous_month") == "March 2025");
  const Value& march = months()[1];
  BOOST_TEST(march.find("digest_count")->as_int() == 2);
  BOOST_TEST(march.find("thread_count")->as_int() == 3);
  // b1 appears twice: once, at its best score.
  BOOST_TEST(titles(*march.find("top_threads")) ==
                 (std::vector<std::string>{"Transformers scale", "Transformers again"}),
             boost::test_tools::per_element());
  const Value& best = march.find("top_threads")->as_array()[0];
  BOOST_TEST(best.get_string("digest_url") == "/blog/b/#thread-1");
  BOOST_TEST(best.get_string("anchor") == "t-b1");
  BOOST_TEST(best.find("has_catalog_entry")->as_bool());
  // "transformers" in 3 threads of March (b1 counts in both digests), "scale" in 2, none in
  // December: the previous month with digests. Words of one thread only are not rising.
  BOOST_TEST(terms(march) == (std::vector<std::string>{"transformers", "scale"}),
             boost::test_tools::per_element());
  BOOST_TEST(march.get_string("previous_month") == "December 2024");
  const Value& december = months()[2];
  BOOST_TEST(!december.find("has_previous_month")->as_bool());
  BOOST_TEST(december.find("rising_terms")->size() == 0u);
  const Value::Array& years = trends().find("years")->as_array();
  BOOST_REQUIRE_EQUAL(years.size(), 2u);
  BOOST_TEST(years[0].get_string("year") == "2025");
  BOOST_TEST(years[0].find("top_threads")->as_array()[0].get_string("title") ==
             "Transformers scale");
  BOOST_TEST(years[1].find("digest_count")->as_int() == 1);
}

BOOST_FIXTURE_TEST_CASE(documents_without_threads_make_no_month, TrendsFixture) {
  add_on("/review/", 2025, 12, 27, {});
  analyze();
  BOOST_TEST(months().empty());
  BOOST_TEST(!trends().find("has_months")->as_bool());
}

BOOST_AUTO_TEST_CASE(rising_terms_order_rise_then_count_then_term) {
  TermTally before{{"alpha", 1}, {"beta", 5}, {"gamma", 0}};
  TermTally now{{"alpha", 4}, {"beta", 6}, {"delta", 3}, {"gamma", 3}, {"solo", 1}};
  std::vector<RisingTerm> rising = rising_terms(now, before, 3, 10, 10);
  BOOST_REQUIRE_EQUAL(rising.size(), 3u);
  BOOST_TEST(rising[0].term == "alpha");  // +3, count 4
  BOOST_TEST(rising[1].term == "delta");  // +3, count 3, before gamma alphabetically
  BOOST_TEST(rising[2].term == "gamma");
  BOOST_TEST(rising[0].previous == 1);
  BOOST_TEST(rising[0].rise == 3);
}

BOOST_AUTO_TEST_CASE(rising_terms_weigh_the_volume_of_each_month) {
  // Twice the threads now: a term must more than double to rise.
  TermTally before{{"steady", 5}, {"growing", 1}};
  TermTally now{{"steady", 9}, {"growing", 6}};
  std::vector<RisingTerm> rising = rising_terms(now, before, 8, 20, 10);
  BOOST_REQUIRE_EQUAL(rising.size(), 1u);
  BOOST_TEST(rising[0].term == "growing");
  BOOST_TEST(rising[0].rise == 4);  // 6 - 1 × 20 / 10
  BOOST_TEST(rising[0].previous == 1);
  // Half the threads now: the same counts are a rise.
  BOOST_TEST(rising_terms(before, TermTally{{"steady", 5}}, 8, 5, 10).size() == 1u);
}

BOOST_FIXTURE_TEST_CASE(thread_terms_count_threads_not_words_and_skip_boilerplate, TrendsFixture) {
  add_on("/a/", 2025, 3, 1,
         {thread("a1", "Diffusion diffusion", 1, "The thread discusses diffusion and users"),
          thread("a2", "Other", 1, "diffusion again")});
  Tally tally = thread_terms(*site.documents.front());
  BOOST_TEST(tally["diffusion"] == 2);
  BOOST_TEST(tally.count("thread") == 0u);
  BOOST_TEST(tally.count("discusses") == 0u);
  BOOST_TEST(tally.count("users") == 0u);
  BOOST_TEST(tally.count("the") == 0u);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace digestif::plugins::site_analysis

// Tests of site_analysis's StatsAnalyzer and the word counting it relies on.
#include "plugins/site_analysis/stats_analyzer.h"

#include <boost/test/unit_test.hpp>

#include "plugins/site_analysis/text_terms.h"

namespace digestif::plugins::site_analysis {

BOOST_AUTO_TEST_SUITE(stats_analyzer)

BOOST_AUTO_TEST_CASE(words_are_runs_with_a_letter_or_digit) {
  BOOST_TEST(count_words("# Title\n\n* one, two -- three 4 **") == 5);
  BOOST_TEST(count_words("") == 0);
  BOOST_TEST(count_words("café au lait") == 3);
}

BOOST_AUTO_TEST_CASE(reading_time_rounds_up_and_is_at_least_a_minute) {
  BOOST_TEST(reading_minutes(0) == 1);
  BOOST_TEST(reading_minutes(230) == 1);
  BOOST_TEST(reading_minutes(231) == 2);
  BOOST_TEST(reading_minutes(2300) == 10);
}

BOOST_AUTO_TEST_CASE(digest_gets_thread_counts_and_scores) {
  Document document;
  document.body = "one two three";
  document.data["threads"] =
      Value::Array{Value::Object{{"score", 120}}, Value::Object{{"score", Value()}},
                   Value::Object{{"score", 30}}};
  StatsAnalyzer().analyze(document);
  BOOST_TEST(document.data.find("word_count")->as_int() == 3);
  BOOST_TEST(document.data.find("reading_minutes")->as_int() == 1);
  const Value& stats = *document.data.find("stats");
  BOOST_TEST(stats.find("threads")->as_int() == 3);
  BOOST_TEST(stats.find("total_score")->as_int() == 150);
  BOOST_TEST(stats.find("top_score")->as_int() == 120);
  BOOST_TEST(stats.find("has_scores")->as_bool());
}

BOOST_AUTO_TEST_CASE(document_without_scores_has_no_top_score) {
  Document review;
  review.body = std::string(500, 'x') + " " + std::string(10, 'y');
  StatsAnalyzer().analyze(review);
  const Value& stats = *review.data.find("stats");
  BOOST_TEST(stats.find("threads")->as_int() == 0);
  BOOST_TEST(stats.find("total_score")->as_int() == 0);
  BOOST_TEST(stats.find("top_score")->is_null());
  BOOST_TEST(!stats.find("has_scores")->as_bool());
  BOOST_TEST(review.data.find("word_count")->as_int() == 2);
}

BOOST_AUTO_TEST_CASE(declares_what_it_writes) {
  PartInfo info = StatsAnalyzer().info();
  BOOST_TEST((info.stage == Stage::analyze));
  BOOST_TEST(info.produces.front() == "document.stats");
  BOOST_TEST(info.needs == std::vector<std::string>{"document.threads"},
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace digestif::plugins::site_analysis

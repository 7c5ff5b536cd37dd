// Tests of site_analysis's EmotionAnalyzer: the keyword rule and the per-digest mix.
#include "plugins/site_analysis/emotion_analyzer.h"

#include <boost/test/unit_test.hpp>

namespace digestif::plugins::site_analysis {
namespace {

Value thread_with(const std::string& emotion) { return Value::Object{{"emotion", emotion}}; }

}  // namespace

BOOST_AUTO_TEST_SUITE(emotion_analyzer)

BOOST_AUTO_TEST_CASE(plain_tones_keep_their_label) {
  BOOST_TEST(emotion_label("The sentiment is neutral.") == "neutral");
  BOOST_TEST(emotion_label("Neutral.") == "neutral");
  BOOST_TEST(emotion_label("The overall emotion is positive.") == "positive");
  BOOST_TEST(emotion_label("The emotional tone is negative.") == "negative");
  BOOST_TEST(emotion_label("The emotional tone is mixed with some skepticism.") == "mixed");
}

BOOST_AUTO_TEST_CASE(a_lean_away_from_neutral_wins) {
  BOOST_TEST(emotion_label("The overall emotional tone is neutral to slightly positive.") ==
             "positive");
  BOOST_TEST(emotion_label("Neutral, with a slight positive leaning.") == "positive");
  BOOST_TEST(emotion_label("Mostly negative, with commenters expressing skepticism.") ==
             "negative");
}

BOOST_AUTO_TEST_CASE(positive_and_negative_words_make_mixed) {
  BOOST_TEST(emotion_label("Positive and neutral, with excitement and skepticism.") == "mixed");
  BOOST_TEST(emotion_label("Enthusiastic, but some frustration too.") == "mixed");
}

BOOST_AUTO_TEST_CASE(negated_words_do_not_count_and_empty_text_has_no_label) {
  BOOST_TEST(emotion_label("Calm, with no negative comments.") == "neutral");
  BOOST_TEST(emotion_label("") == "");
  BOOST_TEST(emotion_label(" -- ") == "");
}

BOOST_AUTO_TEST_CASE(labels_each_thread_and_counts_the_mix) {
  Document document;
  document.data["threads"] = Value::Array{thread_with("positive"), thread_with("Neutral."),
                                          thread_with("positive, grateful"), thread_with("")};
  EmotionAnalyzer().analyze(document);
  const Value::Array& threads = document.data.find("threads")->as_array();
  BOOST_TEST(threads[0].get_string("emotion_label") == "positive");
  BOOST_TEST(threads[1].get_string("emotion_label") == "neutral");
  BOOST_TEST(threads[3].find("has_emotion_label")->as_bool() == false);
  const Value& mix = *document.data.find("emotion_mix");
  BOOST_TEST(mix.find("positive")->as_int() == 2);
  BOOST_TEST(mix.find("neutral")->as_int() == 1);
  BOOST_TEST(mix.find("negative")->as_int() == 0);
  BOOST_TEST(mix.find("mixed")->as_int() == 0);
}

BOOST_AUTO_TEST_CASE(documents_without_threads_are_left_alone_and_needs_are_declared) {
  Document review;
  EmotionAnalyzer analyzer;
  analyzer.analyze(review);
  BOOST_TEST(review.data.size() == 0u);
  PartInfo info = analyzer.info();
  BOOST_TEST(info.needs == std::vector<std::string>{"document.threads"},
             boost::test_tools::per_element());
  BOOST_TEST(info.produces == std::vector<std::string>{"document.emotion"},
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace digestif::plugins::site_analysis

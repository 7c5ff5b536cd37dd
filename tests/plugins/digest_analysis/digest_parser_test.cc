// Unit tests of the digest parser: the sample digests field by field, then one case per oddity.
#include "plugins/digest_analysis/digest_parser.h"

#include <boost/test/unit_test.hpp>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

using digestif::plugins::digest_analysis::DigestExtraction;
using digestif::plugins::digest_analysis::extract_threads;
using digestif::plugins::digest_analysis::find_flairs;
using digestif::plugins::digest_analysis::reddit_post_id;
using digestif::plugins::digest_analysis::Thread;
using Strings = std::vector<std::string>;

const std::string kRanking = "# Overall Ranking and Top Discussions\n";
const std::string kDetail = "# Detailed Analysis by Thread\n";

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  BOOST_REQUIRE_MESSAGE(in, "cannot open " << path);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

/// Extracts a sample digest, its front matter ("---" ... "---") left out.
DigestExtraction extract_sample(const std::string& name, std::string& text) {
  std::string path = std::string(DIGESTIF_SOURCE_DIR) + "/content/digests/" + name;
  text = read_file(path);
  std::size_t end = text.find("\n---\n", 3);
  BOOST_REQUIRE(text.rfind("---\n", 0) == 0 && end != std::string::npos);
  std::string_view body = std::string_view(text).substr(end + 5);
  int first_line = 2 + static_cast<int>(std::count(text.begin(), text.begin() + end + 1, '\n'));
  return extract_threads(body, path, first_line);
}

DigestExtraction extract(const std::string& body) { return extract_threads(body, "t.md", 1); }

std::vector<long> scores_of(const DigestExtraction& x) {
  std::vector<long> scores;
  for (const Thread& t : x.threads) scores.push_back(t.score.value_or(-1));
  return scores;
}

bool has_warning_at(const DigestExtraction& x, int line, const std::string& words) {
  for (const auto& w : x.warnings) {
    if (w.line == line && w.file == "t.md" && w.message.find(words) != std::string::npos) {
      return true;
    }
  }
  return false;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(digest_parser)

BOOST_AUTO_TEST_CASE(sample_2025_01_30) {
  std::string text;
  DigestExtraction x = extract_sample("2025-01-30-machinelearning.md", text);
  BOOST_REQUIRE_EQUAL(x.threads.size(), 10u);
  BOOST_TEST(x.warnings.empty());
  BOOST_TEST(scores_of(x) == (std::vector<long>{257, 197, 36, 26, 7, 2, 1, 1, 0, 0}),
             boost::test_tools::per_element());
  std::vector<Strings> flairs = {{"D"}, {},         {"D"}, {"R", "N"}, {"D"},
                                 {"R"}, {"R", "P"}, {"D"}, {"P"},      {"R"}};
  Strings ids = {"1idjtta", "1ideupn", "1id8j4o", "",        "1ided3m",
                 "1idgq1y", "1idvufh", "1idw5hl", "1idjgnd", "1idv5rv"};
  for (std::size_t i = 0; i < 10; ++i) {
    const Thread& t = x.threads[i];
    BOOST_TEST(t.rank == static_cast<int>(i) + 1);
    BOOST_TEST(t.flairs == flairs[i], boost::test_tools::per_element());
    BOOST_TEST(t.post_id == ids[i]);
    BOOST_TEST(t.has_detail);
    BOOST_TEST(t.in_ranking);
    BOOST_TEST(t.line == 9 + 2 * static_cast<int>(i));
  }
  const Thread& first = x.threads[0];
  BOOST_TEST(first.title ==
             "[D] Why is \"knowledge distillation\" now suddenly being labelled as theft?");
  BOOST_TEST(first.url ==
             "https://www.reddit.com/r/MachineLearning/comments/1idjtta/"
             "d_why_is_knowledge_distillation_now_suddenly/");
  BOOST_TEST(first.blurb ==
             "The thread discusses the recent labeling of knowledge distillation as "
             "theft, particularly in the context of OpenAI and DeepSeek.");
  BOOST_TEST(first.summary.rfind("The thread discusses the controversy surrounding", 0) == 0);
  BOOST_TEST(first.emotion.rfind("The overall emotional tone is neutral,", 0) == 0);
  BOOST_TEST(
      first.points_of_view ==
          (Strings{"Knowledge distillation is not legally theft, and OpenAI's stance is "
                   "motivated by their competitive losses.",
                   "The use of OpenAI's API for training other models violates their terms "
                   "of service.",
                   "The term \"theft\" is used as propaganda to portray DeepSeek negatively."}),
      boost::test_tools::per_element());
  BOOST_TEST(x.threads[1].title == "No Hype DeepSeek-R1 [R]eading List");
  BOOST_TEST(x.threads[3].url == "https://arxiv.org/abs/2501.17195v1");
  BOOST_TEST(x.threads[7].points_of_view == Strings{"T-SMOTE can be used for this task."},
             boost::test_tools::per_element());
  BOOST_TEST(x.threads[9].blurb.rfind("This thread presents a speculative idea", 0) == 0);
}

BOOST_AUTO_TEST_CASE(sample_2025_03_11) {
  std::string text;
  DigestExtraction x = extract_sample("2025-03-11-machinelearning.md", text);
  BOOST_REQUIRE_EQUAL(x.threads.size(), 7u);
  BOOST_TEST(x.warnings.empty());
  BOOST_TEST(scores_of(x) == (std::vector<long>{30, 24, 15, 11, 1, 0, 0}),
             boost::test_tools::per_element());
  for (std::size_t i = 0; i < 6; ++i) BOOST_TEST(x.threads[i].flairs == Strings{"D"});
  BOOST_TEST(x.threads[6].flairs == Strings{"P"});
  BOOST_TEST(x.threads[1].post_id == "1j8t7lc");
  BOOST_TEST(x.threads[1].title == "[D] Math in ML Papers");
  BOOST_TEST(x.threads[3].emotion == "The emotional tone is generally neutral.");
  BOOST_TEST(x.threads[4].points_of_view == Strings{"Take a look at ModernBERT"},
             boost::test_tools::per_element());
  BOOST_TEST(x.threads[6].blurb ==
             "A question about interest in a browser extension that rates ML "
             "paper difficulty and implementation time.");
  for (const Thread& t : x.threads) BOOST_TEST(t.has_detail);
}

BOOST_AUTO_TEST_CASE(sample_2025_06_06) {
  std::string text;
  DigestExtraction x = extract_sample("2025-06-06-machinelearning.md", text);
  BOOST_REQUIRE_EQUAL(x.threads.size(), 8u);
  BOOST_TEST(x.warnings.empty());
  BOOST_TEST(scores_of(x) == (std::vector<long>{120, 46, 11, 11, 3, 2, 2, 0}),
             boost::test_tools::per_element());
  std::vector<Strings> flairs = {{"R"}, {"R"}, {"R"}, {"R"}, {"D"}, {"D"}, {"D"}, {"D"}};
  for (std::size_t i = 0; i < 8; ++i) {
    BOOST_TEST(x.threads[i].flairs == flairs[i], boost::test_tools::per_element());
    BOOST_TEST(x.threads[i].has_detail);
  }
  BOOST_TEST(x.threads[2].emotion == "Neutral.");
  BOOST_TEST(x.threads[3].summary ==
             "The thread discusses a quantization algorithm, specifically "
             "praising the objective of minimizing KL divergence despite "
             "quantization.");
  BOOST_TEST(x.threads[4].points_of_view.size() == 2u);
  BOOST_TEST(x.threads[7].post_id == "1l4gv65");
  BOOST_TEST(x.threads[6].blurb ==
             "The thread reports the Gemini Diffusion Early Access invitation "
             "not working");
}

BOOST_AUTO_TEST_CASE(sample_2025_09_25) {
  std::string text;
  DigestExtraction x = extract_sample("2025-09-25-machinelearning.md", text);
  BOOST_REQUIRE_EQUAL(x.threads.size(), 6u);
  BOOST_TEST(x.warnings.empty());
  BOOST_TEST(scores_of(x) == (std::vector<long>{15, 7, 1, 1, 0, 0}),
             boost::test_tools::per_element());
  std::vector<Strings> flairs = {{"D"}, {"R"}, {"D"}, {"R"}, {"D"}, {"R"}};
  for (std::size_t i = 0; i < 6; ++i) {
    BOOST_TEST(x.threads[i].flairs == flairs[i], boost::test_tools::per_element());
  }
  BOOST_TEST(x.threads[2].title == "Online GPU/TPU for model training and deployment [D]");
  BOOST_TEST(x.threads[2].post_id == "1nppt0w");
  BOOST_TEST(x.threads[0].points_of_view.size() == 3u);
  BOOST_TEST(x.threads[0].points_of_view[2] == "[Removed]");
  BOOST_TEST(x.threads[1].points_of_view == Strings{"Error generating reply."},
             boost::test_tools::per_element());
  BOOST_TEST(x.threads[5].emotion == "The emotional tone of the thread is Neutral.");
}

BOOST_AUTO_TEST_CASE(ranking_line_forms) {
  DigestExtraction x = extract(kRanking +
                               "1.  [One](https://e.com/1) (Score: 1)\n"
                               "    * blurb one\n"
                               "2. [Two](https://e.com/2) (Score: 2)\n"
                               "*   3. [Three](https://e.com/3) (Score: 3)\n"
                               "    *   blurb three\n"
                               "- 4. [Four](https://e.com/4) (Score: 4)\n");
  BOOST_REQUIRE_EQUAL(x.threads.size(), 4u);
  for (int i = 0; i < 4; ++i) {
    BOOST_TEST(x.threads[i].rank == i + 1);
    BOOST_TEST(x.threads[i].score.value_or(-1) == i + 1);
    BOOST_TEST(x.threads[i].url == "https://e.com/" + std::to_string(i + 1));
  }
  BOOST_TEST(x.threads[0].blurb == "blurb one");
  BOOST_TEST(x.threads[2].blurb == "blurb three");
  BOOST_TEST(x.threads[3].line == 7);
}

BOOST_AUTO_TEST_CASE(bare_bullet_ranking_ranks_by_position) {
  DigestExtraction x = extract(kRanking +
                               "*   [Alpha](https://e.com/a) (Score: 9)\n"
                               "    *   A blurb with a [link](https://e.com/x) (Score: 1)\n"
                               "*   [Beta](https://e.com/b) (Score: 5)\n"
                               "    *   Beta blurb\n");
  BOOST_REQUIRE_EQUAL(x.threads.size(), 2u);
  BOOST_TEST(x.threads[0].rank == 1);
  BOOST_TEST(x.threads[1].rank == 2);
  BOOST_TEST(x.threads[0].blurb == "A blurb with a [link](https://e.com/x) (Score: 1)");
  BOOST_TEST(x.threads[1].title == "Beta");
}

BOOST_AUTO_TEST_CASE(links_missing_a_bracket) {
  DigestExtraction x = extract(kRanking +
                               "1.  Missing opener\"](https://i.redd.it/abc.png) (Score: 37)\n"
                               "2.  Missing both(https://v.redd.it/xyz) (Score: 67)\n"
                               "3.  [Request] Tag merged with opener](https://e.com/r) (Score: 2)\n"
                               "4.  [[openai subreddit](https://e.com/o)] (Score: 3)\n"
                               "5.  Stage [P](https://e.com/p) (Score: 0)\n");
  BOOST_REQUIRE_EQUAL(x.threads.size(), 5u);
  BOOST_TEST(x.threads[0].title == "Missing opener\"");
  BOOST_TEST(x.threads[0].url == "https://i.redd.it/abc.png");
  BOOST_TEST(x.threads[1].title == "Missing both");
  BOOST_TEST(x.threads[1].url == "https://v.redd.it/xyz");
  BOOST_TEST(x.threads[1].score.value_or(-1) == 67);
  BOOST_TEST(x.threads[2].title == "[Request] Tag merged with opener");
  BOOST_TEST(x.threads[3].title == "openai subreddit");
  BOOST_TEST(x.threads[4].flairs == Strings{"P"});
  BOOST_TEST(has_warning_at(x, 2, "link markup is broken"));
}

BOOST_AUTO_TEST_CASE(title_spanning_lines) {
  DigestExtraction x =
      extract(kRanking +
              "1.  [Claude can now search the web.\n"
              "\n"
              "Each response includes citations.](https://x.com/a/1) (Score: 66)\n"
              "    *   blurb\n" +
              kDetail +
              "**[Claude can now search the web.\n"
              "\n"
              "Each response includes citations. (Score: 66)](https://x.com/a/1)**\n"
              "*   **Summary:** joined\n");
  BOOST_REQUIRE_EQUAL(x.threads.size(), 1u);
  BOOST_TEST(x.threads[0].title ==
             "Claude can now search the web. Each response includes citations.");
  BOOST_TEST(x.threads[0].url == "https://x.com/a/1");
  BOOST_TEST(x.threads[0].blurb == "blurb");
  BOOST_TEST(x.threads[0].summary == "joined");
  BOOST_TEST(has_warning_at(x, 2, "spans several lines"));
}

BOOST_AUTO_TEST_CASE(backtick_wrapped_entries) {
  DigestExtraction x = extract(
      kRanking +
      "1.  `[[D] Real World AI](https://www.reddit.com/r/ML/comments/1t1lmq0/x/)` (Score: 12)\n" +
      kDetail + "**[[D] Real World AI](Score: 12)**\n*   **Summary:** s\n");
  BOOST_REQUIRE_EQUAL(x.threads.size(), 1u);
  BOOST_TEST(x.threads[0].title == "[D] Real World AI");
  BOOST_TEST(x.threads[0].flairs == Strings{"D"});
  BOOST_TEST(x.threads[0].post_id == "1t1lmq0");
  BOOST_TEST(x.threads[0].score.value_or(-1) == 12);
  BOOST_TEST(x.threads[0].has_detail);
}

BOOST_AUTO_TEST_CASE(relative_and_short_links) {
  DigestExtraction x =
      extract(kRanking +
              "1.  [Rel](/r/Bard/comments/1m4gx50/gemini_25/) (Score: 43)\n"
              "2.  [Short](https://redd.it/abc123) (Score: 1)\n"
              "3.  [Video](https://v.redd.it/602yxxf3960f1) (Score: 2)\n"
              "4.  [Gallery](https://www.reddit.com/gallery/1kjxvbz) (Score: 3)\n");
  BOOST_REQUIRE_EQUAL(x.threads.size(), 4u);
  BOOST_TEST(x.threads[0].url == "https://www.reddit.com/r/Bard/comments/1m4gx50/gemini_25/");
  BOOST_TEST(x.threads[0].post_id == "1m4gx50");
  BOOST_TEST(x.threads[1].post_id == "abc123");
  BOOST_TEST(x.threads[2].post_id == "");  // a video id, not a post id
  BOOST_TEST(x.threads[3].post_id == "1kjxvbz");
  BOOST_TEST(reddit_post_id("https://old.reddit.com/r/x/comments/AbC12/y") == "abc12");
  BOOST_TEST(reddit_post_id("not a url") == "");
}

BOOST_AUTO_TEST_CASE(entry_without_url_takes_the_detail_url) {
  DigestExtraction x =
      extract(kRanking +
              "1.  chatgpt down? (Score: 13)\n"
              "2.  Muse: a model (WHAM) (Score: 32)\n"
              "3.  A line with neither link nor score\n" +
              kDetail + "**chatgpt down? (Score: 13)**\n*   **Summary:** down\n" +
              "**[Muse: a model (WHAM) (Score: 32)](https://m.com/b#t=(opens,x.)**\n"
              "*   **Summary:** muse\n");
  BOOST_REQUIRE_EQUAL(x.threads.size(), 2u);
  BOOST_TEST(x.threads[0].url == "");
  BOOST_TEST(x.threads[0].has_detail);
  BOOST_TEST(x.threads[0].summary == "down");
  BOOST_TEST(x.threads[1].url == "https://m.com/b#t=(opens,x.");
  BOOST_TEST(has_warning_at(x, 2, "no link"));
  BOOST_TEST(has_warning_at(x, 4, "neither link nor score"));
}

BOOST_AUTO_TEST_CASE(score_forms) {
  DigestExtraction x =
      extract(kRanking +
              "1.  [A](https://e.com/a) (Score: 5)\n"
              "2.  [B](https://e.com/b) - Score: 135\n"
              "3.  [C](https://e.com/c)\n"
              "4.  [D](https://e.com/d)\n" +
              kDetail + "**[C (Score: 7)](https://e.com/c)**\n*   **Summary:** c\n");
  BOOST_REQUIRE_EQUAL(x.threads.size(), 4u);
  BOOST_TEST(x.threads[0].score.value_or(-1) == 5);
  BOOST_TEST(x.threads[1].score.value_or(-1) == 135);
  BOOST_TEST(x.threads[1].title == "B");
  BOOST_TEST(x.threads[2].score.value_or(-1) == 7);  // from the detail block
  BOOST_TEST(!x.threads[3].score.has_value());
  BOOST_TEST(has_warning_at(x, 5, "no score"));
}

BOOST_AUTO_TEST_CASE(points_of_view_labels) {
  DigestExtraction x = extract(kRanking +
                               "1.  [A](https://e.com/a) (Score: 1)\n"
                               "2.  [B](https://e.com/b) (Score: 1)\n"
                               "3.  [C](https://e.com/c) (Score: 1)\n" +
                               kDetail +
                               "**[A (Score: 1)](https://e.com/a)**\n"
                               "*  **Summary:** a\n*  **Emotion:** calm\n"
                               "*  **Top 3 Points of View:**\n    * a1\n    * a2\n\n"
                               "**[B (Score: 1)](https://e.com/b)**\n"
                               "*  **Summary:** b\n*  **Emotion:** calm\n"
                               "*  **Point of View:**\n    * b1\n\n"
                               "**[C (Score: 1)](https://e.com/c)**\n"
                               "*  **Summary:** c\n*  **Emotion:** calm\n");
  BOOST_REQUIRE_EQUAL(x.threads.size(), 3u);
  BOOST_TEST(x.threads[0].points_of_view == (Strings{"a1", "a2"}),
             boost::test_tools::per_element());
  BOOST_TEST(x.threads[1].points_of_view == Strings{"b1"}, boost::test_tools::per_element());
  BOOST_TEST(x.threads[2].points_of_view.empty());
  BOOST_TEST(x.threads[2].emotion == "calm");
}

BOOST_AUTO_TEST_CASE(repeated_sections) {
  std::string ranking =
      kRanking + "1.  [A](https://e.com/a) (Score: 1)\n" + "2.  [B](https://e.com/b) (Score: 2)\n";
  std::string detail = kDetail + "**[A (Score: 1)](https://e.com/a)**\n*   **Summary:** a\n";
  DigestExtraction x = extract(ranking + detail + "---\ntitle: again\n---\n" + ranking + detail);
  BOOST_REQUIRE_EQUAL(x.threads.size(), 2u);
  BOOST_TEST(x.threads[0].has_detail);
  BOOST_TEST(!x.threads[1].has_detail);
  BOOST_TEST(has_warning_at(x, 11, "repeats entries of an earlier one"));
  BOOST_TEST(has_warning_at(x, 14, "repeats an earlier one"));
}

BOOST_AUTO_TEST_CASE(duplicate_entries_pair_by_score) {
  DigestExtraction x = extract(kRanking +
                               "1.  [Same](https://e.com/s) (Score: 158)\n"
                               "2.  [Same](https://e.com/s) (Score: 3)\n" +
                               kDetail +
                               "**[Same (Score: 3)](https://e.com/s)**\n"
                               "*   **Summary:** the score-3 one\n");
  BOOST_REQUIRE_EQUAL(x.threads.size(), 2u);
  BOOST_TEST(!x.threads[0].has_detail);
  BOOST_TEST(x.threads[1].summary == "the score-3 one");
}

BOOST_AUTO_TEST_CASE(join_is_by_key_never_by_position) {
  DigestExtraction x = extract(kRanking +
                               "1.  [[D] First](https://www.reddit.com/r/x/comments/aaa1/first/) "
                               "(Score: 9)\n"
                               "2.  [Second thread](https://site.com/2) (Score: 8)\n"
                               "3.  [Third, no url in detail](https://site.com/3) (Score: 7)\n" +
                               kDetail +
                               "**[Third, no url in detail (Score: 7)](https://other.com/3)**\n"
                               "*   **Summary:** third\n"
                               "**[Second thread (Score: 8)](https://site.com/2/)**\n"
                               "*   **Summary:** second\n"
                               "**[First (Score: 9)](https://redd.it/aaa1)**\n"
                               "*   **Summary:** first\n");
  BOOST_REQUIRE_EQUAL(x.threads.size(), 3u);
  BOOST_TEST(x.threads[0].summary == "first");   // by post id
  BOOST_TEST(x.threads[1].summary == "second");  // by URL
  BOOST_TEST(x.threads[2].summary == "third");   // by title
}

BOOST_AUTO_TEST_CASE(join_by_reddit_slug) {
  DigestExtraction x =
      extract(kRanking +
              "1.  [[openai subreddit](https://www.reddit.com/r/OpenAI/comments/1t1r6rs/"
              "breaking_someone_has_outvagueposted_sam_altman/)] (Score: 265)\n" +
              "2.  [[openai subreddit](https://www.reddit.com/r/OpenAI/comments/1t1ubil/"
              "best_part_of_the_goblin_explanation/)] (Score: 22)\n" +
              kDetail +
              "**[Best part of the Goblin explanation (Score: 22)](https://i.redd.it/z.jpeg)**\n" +
              "*   **Summary:** goblin\n" +
              "**[Breaking: someone has out-vague-posted Sam Altman. It wasn’t (Score: 265)]"
              "(https://i.redd.it/4j.jpeg)**\n*   **Summary:** breaking\n");
  BOOST_REQUIRE_EQUAL(x.threads.size(), 2u);
  BOOST_TEST(x.threads[0].summary == "breaking");
  BOOST_TEST(x.threads[1].summary == "goblin");
  BOOST_TEST(x.threads[1].title == "Best part of the Goblin explanation");  // placeholder replaced
}

BOOST_AUTO_TEST_CASE(unlisted_detail_blocks_are_appended) {
  DigestExtraction x =
      extract(kRanking + "3.  [A](https://e.com/a) (Score: 1)\n" + kDetail +
              "**[A (Score: 1)](https://e.com/a)**\n*   **Summary:** a\n" +
              "**[Extra [R] (Score: 158)](https://e.com/extra)**\n" + "*   **Summary:** extra\n");
  BOOST_REQUIRE_EQUAL(x.threads.size(), 2u);
  BOOST_TEST(x.threads[1].rank == 4);
  BOOST_TEST(!x.threads[1].in_ranking);
  BOOST_TEST(x.threads[1].has_detail);
  BOOST_TEST(x.threads[1].score.value_or(-1) == 158);
  BOOST_TEST(x.threads[1].flairs == Strings{"R"});
  BOOST_TEST(x.threads[1].line == 6);
  BOOST_TEST(has_warning_at(x, 6, "no entry in the ranking"));
}

BOOST_AUTO_TEST_CASE(detail_header_variants) {
  DigestExtraction x = extract(kRanking +
                               "1.  [Plain header](https://e.com/a) (Score: 55)\n"
                               "2.  [Unclosed bold](https://e.com/b) (Score: 0)\n" +
                               kDetail + "Plain header (Score: 55)\n*   **Summary:** plain\n" +
                               "**[Unclosed bold (Score: 0)](https://e.com/b)\n"
                               "*   **Summary:** unclosed\n"
                               "[https://e.com/quoted](https://e.com/quoted)\n"
                               "more summary\n");
  BOOST_REQUIRE_EQUAL(x.threads.size(), 2u);
  BOOST_TEST(x.threads[0].summary == "plain");
  BOOST_TEST(x.threads[1].summary ==
             "unclosed [https://e.com/quoted](https://e.com/quoted) more summary");
}

BOOST_AUTO_TEST_CASE(flairs) {
  BOOST_TEST(find_flairs("No Hype DeepSeek-R1 [R]eading List").empty());
  BOOST_TEST(find_flairs("[R][P] Can the MERF") == (Strings{"R", "P"}),
             boost::test_tools::per_element());
  BOOST_TEST(find_flairs("[R] [N] Open-source") == (Strings{"R", "N"}),
             boost::test_tools::per_element());
  BOOST_TEST(find_flairs("Online GPU/TPU [D]") == Strings{"D"}, boost::test_tools::per_element());
  BOOST_TEST(find_flairs("[D] Maths vs ML [D]") == Strings{"D"}, boost::test_tools::per_element());
  BOOST_TEST(find_flairs("[p] lower case") == Strings{"P"}, boost::test_tools::per_element());
  BOOST_TEST(find_flairs("[Discussion] I may have") == Strings{"D"},
             boost::test_tools::per_element());
  BOOST_TEST(find_flairs("ask [research] questions").empty());
  BOOST_TEST(find_flairs("[R][Q] Sorry") == Strings{"R"}, boost::test_tools::per_element());
  BOOST_TEST(find_flairs("[D]Glued to the word").empty());
  BOOST_TEST(find_flairs("[Financial Times] OpenAI").empty());
}

BOOST_AUTO_TEST_CASE(crlf_line_ends_and_first_line) {
  DigestExtraction x = extract_threads(
      "\r\n# Overall Ranking and Top Discussions\r\n1.  [A](https://e.com/a) (Score: 4)\r\n"
      "    * blurb\r\n# Detailed Analysis by Thread\r\n**[A (Score: 4)](https://e.com/a)**\r\n"
      "*   **Summary:** s\r\n",
      "t.md", 7);
  BOOST_REQUIRE_EQUAL(x.threads.size(), 1u);
  BOOST_TEST(x.threads[0].url == "https://e.com/a");
  BOOST_TEST(x.threads[0].blurb == "blurb");
  BOOST_TEST(x.threads[0].summary == "s");
  BOOST_TEST(x.threads[0].line == 9);
}

BOOST_AUTO_TEST_CASE(notices_and_empty_bodies) {
  BOOST_TEST(extract("").threads.empty());
  BOOST_TEST(extract("It was very quiet in that subreddit today.\n").threads.empty());
  BOOST_TEST(
      extract("~~~\nAnalysis Skipped: Content contains harmful material.\n~~~\n").threads.empty());
  BOOST_TEST(extract(kRanking + kDetail).threads.empty());
}

BOOST_AUTO_TEST_CASE(long_lines) {
  std::string title(5000, 'x');
  DigestExtraction x = extract(kRanking + "1.  [" + title + "](https://e.com/long) (Score: 3)\n" +
                               "    * " + std::string(6000, 'b') + "\n");
  BOOST_REQUIRE_EQUAL(x.threads.size(), 1u);
  BOOST_TEST(x.threads[0].title == title);
  BOOST_TEST(x.threads[0].score.value_or(-1) == 3);
  BOOST_TEST(x.threads[0].blurb.size() == 6000u);
}

BOOST_AUTO_TEST_CASE(ten_megabyte_lines_finish) {
  const std::size_t size = 10 * 1000 * 1000;
  std::string openers;
  while (openers.size() < size) openers += "[](";
  DigestExtraction a =
      extract(kRanking + "1.  " + std::string(size, '[') + "\n" + kDetail + "**" + openers + "\n");
  BOOST_TEST(a.threads.size() <= 2u);
  std::string scores;
  while (scores.size() < size) scores += "(Score: 1)[D] ";
  DigestExtraction b =
      extract(kRanking + "1.  [t](" + std::string(size, '(') + ") " + scores + "\n");
  BOOST_TEST(b.threads.size() == 1u);
}

BOOST_AUTO_TEST_CASE(ten_thousand_nested_bullets_finish) {
  std::string body = kRanking + "1.  [Top](https://e.com/top) (Score: 1)\n";
  for (int depth = 1; depth <= 10000; ++depth) {
    body += std::string(static_cast<std::size_t>(depth), ' ') + "* [n" + std::to_string(depth) +
            "](https://e.com/" + std::to_string(depth) + ") (Score: 1)\n";
  }
  body += kDetail + "**[Top (Score: 1)](https://e.com/top)**\n* **Points of View:**\n";
  for (int depth = 1; depth <= 10000; ++depth) {
    body += std::string(static_cast<std::size_t>(depth), ' ') + "* point\n";
  }
  DigestExtraction x = extract(body);
  BOOST_REQUIRE_EQUAL(x.threads.size(), 1u);
  BOOST_TEST(x.threads[0].blurb == "[n1](https://e.com/1) (Score: 1)");
  BOOST_TEST(x.threads[0].points_of_view.size() == 10000u);
}

BOOST_AUTO_TEST_SUITE_END()

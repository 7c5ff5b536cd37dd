// Unit tests of the review parser: the sample review field by field and errors for broken dumps.
#include "plugins/review_format/review_parser.h"

#include <boost/test/unit_test.hpp>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

using digestif::plugins::review_format::looks_like_review;
using digestif::plugins::review_format::parse_review;
using digestif::plugins::review_format::ReviewPost;

const std::string kSample = std::string(DIGESTIF_SOURCE_DIR) +
                            "/content/reviews/2025-12-27-machinelearning-year-in-review.md";

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  BOOST_REQUIRE_MESSAGE(in, "cannot open " << path);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

const std::string kHeader =
    "Post Title: A title\n"
    "Author: someone\n"
    "Score: 12\n"
    "URL: https://www.reddit.com/r/x/comments/abc/a_title/\n"
    "Number of comments: 3\n"
    "Created UTC: 1766851467.0\n";

/// Checks that parsing throws an Error at file t.md, the given line, mentioning `words`.
void expect_error(const std::string& text, int line, const std::string& words) {
  try {
    parse_review(text, "t.md");
    BOOST_ERROR("no error thrown; expected one at line " << line);
  } catch (const digestif::Error& e) {
    BOOST_TEST(e.diagnostic().file == "t.md");
    BOOST_TEST(e.diagnostic().line == line);
    BOOST_TEST(e.diagnostic().message.find(words) != std::string::npos, e.what());
  }
}

std::string replace(std::string text, const std::string& from, const std::string& to) {
  text.replace(text.find(from), from.size(), to);
  return text;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(review_parser)

BOOST_AUTO_TEST_CASE(sample_review) {
  std::string text = read_file(kSample);
  BOOST_TEST(looks_like_review(text));
  ReviewPost post = parse_review(text, kSample);
  BOOST_TEST(post.title == "[D] r/MachineLearning - a year in review");
  BOOST_TEST(post.author == "Everlier");
  BOOST_TEST(post.score == 186);
  BOOST_TEST(post.url ==
             "https://www.reddit.com/r/MachineLearning/comments/1px1agd/"
             "d_rmachinelearning_a_year_in_review/");
  BOOST_TEST(post.comment_count == 13);
  BOOST_TEST(post.created_utc == 1766851467);
  BOOST_TEST(post.content_line == 9);
  BOOST_TEST(post.content_markdown.rfind("This is a review of most upvoted posts", 0) == 0);
  BOOST_TEST(post.content_markdown.find("## The Conference Crisis") != std::string::npos);
  BOOST_TEST(post.content_markdown.find("Top 5 comments:") == std::string::npos);
  BOOST_TEST(post.content_markdown.back() != '\n');
  BOOST_REQUIRE_EQUAL(post.comments.size(), 5u);
  std::vector<std::string> authors = {"SlayahhEUW", "GeorgeBird1", "theawesomenachos", "dannyf7",
                                      "bujibudax"};
  std::vector<long> scores = {14, 8, 2, 2, 2};
  std::vector<int> lines = {190, 201, 209, 215, 221};
  for (std::size_t i = 0; i < 5; ++i) {
    BOOST_TEST(post.comments[i].author == authors[i]);
    BOOST_TEST(post.comments[i].score == scores[i]);
    BOOST_TEST(post.comments[i].line == lines[i]);
  }
  BOOST_TEST(post.comments[0].created_utc == 1766852440);
  BOOST_TEST(post.comments[0].markdown.rfind("Thank you, nice summary!", 0) == 0);
  BOOST_TEST(post.comments[0].markdown.find("For the linear attention/Mamba fans") !=
             std::string::npos);
  BOOST_TEST(post.comments[4].markdown.rfind("One hell of a year huh.\n\nDetecting", 0) == 0);
}

BOOST_AUTO_TEST_CASE(crlf_equals_lf) {
  std::string lf = read_file(kSample);
  std::string crlf;
  for (char c : lf) {
    if (c == '\n') crlf += '\r';
    crlf += c;
  }
  ReviewPost a = parse_review(lf, "a.md");
  ReviewPost b = parse_review(crlf, "b.md");
  BOOST_TEST(a.title == b.title);
  BOOST_TEST(a.created_utc == b.created_utc);
  BOOST_TEST(a.content_markdown == b.content_markdown);
  BOOST_REQUIRE_EQUAL(b.comments.size(), a.comments.size());
  for (std::size_t i = 0; i < a.comments.size(); ++i) {
    BOOST_TEST(a.comments[i].markdown == b.comments[i].markdown);
  }
}

BOOST_AUTO_TEST_CASE(minimal_review_with_bom_and_blank_lines) {
  std::string text = "\xEF\xBB\xBF\n\n" + kHeader +
                     "Post Content: First line\nsecond\n\nTop 1 comments:\n\nComment 1:\n"
                     "Author: a\nScore: -2\nCreated UTC: 1700000000\nComment:\nquoted\n"
                     "Comment 2:\nnot a new block\n";
  BOOST_TEST(looks_like_review(text));
  ReviewPost post = parse_review(text, "t.md");
  BOOST_TEST(post.title == "A title");
  BOOST_TEST(post.content_line == 9);
  BOOST_TEST(post.content_markdown == "First line\nsecond");
  BOOST_REQUIRE_EQUAL(post.comments.size(), 1u);
  BOOST_TEST(post.comments[0].score == -2);
  BOOST_TEST(post.comments[0].markdown == "quoted\nComment 2:\nnot a new block");
}

BOOST_AUTO_TEST_CASE(review_without_comments) {
  ReviewPost post = parse_review(kHeader + "Post Content:\n\nJust text.\n", "t.md");
  BOOST_TEST(post.content_markdown == "Just text.");
  BOOST_TEST(post.content_line == 9);
  BOOST_TEST(post.comments.empty());
}

BOOST_AUTO_TEST_CASE(looks_like_review_rejects_other_text) {
  BOOST_TEST(!looks_like_review("---\ntitle: x\n---\n"));
  BOOST_TEST(!looks_like_review(""));
  BOOST_TEST(!looks_like_review("Post Titles: x"));
  BOOST_TEST(looks_like_review("\r\n  \r\nPost Title: x"));
}

BOOST_AUTO_TEST_CASE(errors_carry_file_and_line) {
  std::string good = kHeader + "Post Content:\ntext\n";
  expect_error(replace(good, "Created UTC: 1766851467.0", "Created UTC: yesterday"), 6,
               "Created UTC");
  expect_error(replace(good, "Created UTC: 1766851467.0", "Created UTC: 12.5x"), 6, "unix");
  expect_error(replace(good, "Score: 12", "Score: many"), 3, "whole number");
  expect_error(replace(good, "Number of comments: 3", "Number of comments: -1"), 5, "range");
  expect_error(replace(good, "Author: someone\n", ""), 6, "'Author:'");
  expect_error(replace(good, "Post Title: A title", "Post Title:"), 1, "empty");
  expect_error(kHeader + "text without the content line\n", 8, "Post Content");
  expect_error("Title: x\n", 1, "Post Title");
  expect_error("", 1, "Post Title");
}

BOOST_AUTO_TEST_CASE(broken_comment_blocks) {
  std::string base = kHeader + "Post Content:\ntext\nTop 1 comments:\n\nComment 1:\nAuthor: a\n";
  expect_error(base + "Score: 1\nCreated UTC: 1\n", 11, "'Comment:'");
  expect_error(base + "Score: x\nCreated UTC: 1\nComment: hi\n", 13, "Score");
  expect_error(base + "Created UTC: 1\nComment: hi\n", 11, "'Score:'");
}

BOOST_AUTO_TEST_SUITE_END()

// Tests of index parsing: JSON lists, plain lists, documents that are no index.
#include "plugins/http_source/index_parser.h"

#include <boost/test/unit_test.hpp>

namespace digestif::plugins::http_source {
namespace {

const std::string kIndex = "http://127.0.0.1:8000/lists/index.json";

BOOST_AUTO_TEST_SUITE(index_parser)

BOOST_AUTO_TEST_CASE(a_json_list_of_urls_and_objects_resolves_relative_entries) {
  auto index = parse_index(
      R"( ["a.md", {"url": "/d/b.md", "title": "B"}, "https://x.org/c.md", "a.md"] )", kIndex);
  BOOST_REQUIRE(index.has_value());
  BOOST_TEST(index->urls.size() == 3u);  // the repeated a.md once
  BOOST_TEST(index->urls[0] == "http://127.0.0.1:8000/lists/a.md");
  BOOST_TEST(index->urls[1] == "http://127.0.0.1:8000/d/b.md");
  BOOST_TEST(index->urls[2] == "https://x.org/c.md");
  BOOST_TEST(index->problems.empty());
}

BOOST_AUTO_TEST_CASE(json_entries_of_other_schemes_or_types_are_problems) {
  auto index = parse_index(R"(["file:///etc/passwd", 42, "ftp://x.org/a.md", "ok.md"])", kIndex);
  BOOST_REQUIRE(index.has_value());
  BOOST_TEST(index->urls.size() == 1u);
  BOOST_TEST(index->problems.size() == 3u);
  BOOST_TEST(index->problems[0] == "entry 1: \"file:///etc/passwd\" is not an http or https URL");
  BOOST_TEST(index->problems[1] == "entry 2 is neither a URL nor an object with a \"url\"");
}

BOOST_AUTO_TEST_CASE(broken_json_is_an_index_with_a_problem) {
  auto index = parse_index("[\"a.md\", ", kIndex);
  BOOST_REQUIRE(index.has_value());
  BOOST_TEST(index->urls.empty());
  BOOST_TEST(index->problems.at(0) == "the index is not a valid JSON list");
}

BOOST_AUTO_TEST_CASE(a_plain_list_has_one_url_a_line) {
  auto index = parse_index(
      "\xEF\xBB\xBF# digests\r\nhttps://x.org/a.md\r\n\r\n  http://y.org/b.md  \n", kIndex);
  BOOST_REQUIRE(index.has_value());
  BOOST_TEST(index->urls.size() == 2u);
  BOOST_TEST(index->urls[1] == "http://y.org/b.md");
}

BOOST_AUTO_TEST_CASE(an_index_keeps_at_most_10000_entries) {
  std::string text;
  for (int i = 0; i < 10005; ++i) text += "https://x.org/" + std::to_string(i) + ".md\n";
  auto index = parse_index(text, kIndex);
  BOOST_REQUIRE(index.has_value());
  BOOST_TEST(index->urls.size() == 10000u);
  BOOST_TEST(index->problems.size() == 1u);
  BOOST_TEST(index->problems[0] == "has more than 10000 entries; the rest are left out");
}

BOOST_AUTO_TEST_CASE(documents_are_no_index) {
  BOOST_TEST(!parse_index("---\ntitle: x\n---\nhttps://x.org/a.md\n", kIndex).has_value());
  BOOST_TEST(!parse_index("Post Title: x\nURL: https://x.org/\n", kIndex).has_value());
  BOOST_TEST(!parse_index("https://x.org/a.md\nsome text\n", kIndex).has_value());
  BOOST_TEST(!parse_index("", kIndex).has_value());
  BOOST_TEST(!parse_index("# only a comment\n", kIndex).has_value());
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace digestif::plugins::http_source

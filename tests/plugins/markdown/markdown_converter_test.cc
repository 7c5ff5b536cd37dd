// Tests of the markdown plugin's MarkdownConverter: GFM extensions and safe HTML by default.
#include "plugins/markdown/markdown_converter.h"

#include <atomic>
#include <boost/test/unit_test.hpp>
#include <string>
#include <thread>
#include <vector>

#include "plugins/markdown/inline_table_guard.h"

namespace digestif::plugins::markdown {
namespace {

std::string safe(const std::string& markdown) {
  return MarkdownConverter(MarkdownOptions{}).to_html(markdown);
}

std::string unsafe(const std::string& markdown) {
  return MarkdownConverter(MarkdownOptions{.unsafe_html = true}).to_html(markdown);
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(markdown_converter)

BOOST_AUTO_TEST_CASE(plain_markdown_becomes_html) {
  std::string html = safe("# Title\n\nSome *emphasis* and **strong** text.\n");
  BOOST_TEST(contains(html, "<h1>Title</h1>"));
  BOOST_TEST(contains(html, "<em>emphasis</em>"));
  BOOST_TEST(contains(html, "<strong>strong</strong>"));
}

BOOST_AUTO_TEST_CASE(tables_are_rendered) {
  std::string html = safe("| Thread | Score |\n|---|---:|\n| L1 | 30 |\n");
  BOOST_TEST(contains(html, "<table>"));
  BOOST_TEST(contains(html, "<th>Thread</th>"));
  BOOST_TEST(contains(html, "<td>L1</td>"));
  BOOST_TEST(contains(html, "30</td>"));
}

BOOST_AUTO_TEST_CASE(strikethrough_is_rendered) {
  BOOST_TEST(contains(safe("this is ~~gone~~ now\n"), "<del>gone</del>"));
}

BOOST_AUTO_TEST_CASE(bare_urls_become_links) {
  std::string html = safe("see https://www.reddit.com/r/MachineLearning today\n");
  BOOST_TEST(contains(html, "<a href=\"https://www.reddit.com/r/MachineLearning\">"));
  BOOST_TEST(contains(safe("visit www.example.org\n"), "href=\"http://www.example.org\""));
}

BOOST_AUTO_TEST_CASE(raw_script_is_not_passed_through_by_default) {
  std::string html =
      safe("Hello\n\n<script>alert(1)</script>\n\ninline <script>x()</script> too\n");
  BOOST_TEST(!contains(html, "<script"));
  BOOST_TEST(contains(html, "Hello"));
}

BOOST_AUTO_TEST_CASE(event_handler_attributes_are_not_passed_through_by_default) {
  std::string html =
      safe("<img src=x onerror=alert(1)>\n\ntext <img src=y onerror=\"alert(2)\">\n");
  BOOST_TEST(!contains(html, "onerror"));
  BOOST_TEST(!contains(html, "<img"));
}

BOOST_AUTO_TEST_CASE(javascript_links_lose_their_href) {
  std::string html = safe("[x](javascript:alert(1)) and [y](JavaScript:alert(2))\n");
  BOOST_TEST(!contains(html, "href=\"javascript:"));
  BOOST_TEST(!contains(html, "href=\"JavaScript:"));
  BOOST_TEST(contains(html, ">x</a>"));
}

BOOST_AUTO_TEST_CASE(javascript_image_sources_are_dropped) {
  BOOST_TEST(!contains(safe("![i](javascript:alert(1))\n"), "javascript:"));
}

BOOST_AUTO_TEST_CASE(unsafe_html_passes_raw_html) {
  std::string html = unsafe("<div class=\"note\">kept</div>\n\n<img src=x onerror=alert(1)>\n");
  BOOST_TEST(contains(html, "<div class=\"note\">kept</div>"));
  BOOST_TEST(contains(html, "onerror=alert(1)"));
  BOOST_TEST(contains(unsafe("[x](javascript:alert(1))\n"), "href=\"javascript:alert(1)\""));
}

BOOST_AUTO_TEST_CASE(tagfilter_still_neutralizes_script_with_unsafe_html) {
  // GitHub's tagfilter escapes <script>, <iframe>, ... even when raw HTML is allowed.
  std::string html = unsafe("<script>alert(1)</script>\n");
  BOOST_TEST(!contains(html, "<script"));
  BOOST_TEST(contains(html, "&lt;script"));
}

BOOST_AUTO_TEST_CASE(text_is_escaped) {
  std::string html = safe("Tom & Jerry say 1 < 2\n");
  BOOST_TEST(contains(html, "Tom &amp; Jerry say 1 &lt; 2"));
}

BOOST_AUTO_TEST_CASE(smart_punctuation_is_optional) {
  MarkdownConverter smart(MarkdownOptions{.smart = true});
  BOOST_TEST(contains(smart.to_html("\"quoted\" -- dash\n"), "\xE2\x80\x9C"));  // left quote
  BOOST_TEST(!contains(safe("\"quoted\"\n"), "\xE2\x80\x9C"));
}

BOOST_AUTO_TEST_CASE(empty_input_gives_empty_output) { BOOST_TEST(safe("") == ""); }

BOOST_AUTO_TEST_CASE(one_converter_is_usable_from_many_threads) {
  MarkdownConverter converter(MarkdownOptions{});
  std::vector<std::string> results(4);
  {
    std::vector<std::jthread> threads;
    for (std::size_t i = 0; i < results.size(); ++i)
      threads.emplace_back([&, i] {
        for (int n = 0; n < 50; ++n) results[i] = converter.to_html("| a |\n|---|\n| ~~b~~ |\n");
      });
  }
  for (const std::string& html : results) BOOST_TEST(contains(html, "<del>b</del>"));
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace digestif::plugins::markdown

BOOST_AUTO_TEST_SUITE(markdown_converter_threads)

// cmark-gfm keeps extension state in a process-wide table: parallel builds once lost autolinks
// at random. Many threads converting at once must all get the same HTML, and they parse at
// the same time: the guard of inline_table_guard.cc replaced the library's table handling.
BOOST_AUTO_TEST_CASE(concurrent_conversions_give_identical_html) {
  digestif::plugins::markdown::MarkdownConverter converter({});
  const std::string text =
      "See https://example.org/a and ~~old~~ www.example.com\n\n| a | b |\n|---|---|\n| 1 | 2 |\n";
  const std::string expected = converter.to_html(text);
  BOOST_TEST(expected.find("<a href=\"https://example.org/a\">") != std::string::npos);
  BOOST_TEST(expected.find("<del>old</del>") != std::string::npos);
  BOOST_TEST(digestif::plugins::markdown::special_characters_guarded());
  std::atomic<int> mismatches{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t)
    threads.emplace_back([&] {
      for (int i = 0; i < 300; ++i)
        if (converter.to_html(text) != expected) ++mismatches;
    });
  for (std::thread& thread : threads) thread.join();
  BOOST_TEST(mismatches.load() == 0);
}

BOOST_AUTO_TEST_SUITE_END()

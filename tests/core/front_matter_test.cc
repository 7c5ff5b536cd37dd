// Tests of core/front_matter: splitting YAML headers from bodies with the right file lines.
#include "core/front_matter.h"

#include <boost/test/unit_test.hpp>
#include <string>

#include "core/diagnostic.h"

namespace digestif {
namespace {

/// The diagnostic of the Error split_front_matter throws; fails the test when it does not throw.
Diagnostic error_of(const std::string& text) {
  try {
    split_front_matter(text, "content/x.md");
  } catch (const Error& error) {
    return error.diagnostic();
  }
  BOOST_FAIL("split_front_matter did not throw for:\n" + text);
  return {};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(front_matter)

BOOST_AUTO_TEST_CASE(splits_yaml_from_body_with_the_body_line) {
  std::string text =
      "---\n"
      "title: Hello\n"
      "count: 3\n"
      "---\n"
      "# Heading\n"
      "text\n";
  FrontMatter fm = split_front_matter(text, "content/x.md");
  BOOST_TEST(fm.present);
  BOOST_TEST(fm.line == 1);
  BOOST_TEST(fm.data.get_string("title") == "Hello");
  BOOST_TEST(fm.data.find("count")->as_int() == 3);
  BOOST_TEST(fm.body == "# Heading\ntext\n");
  BOOST_TEST(fm.body_line == 5);
}

BOOST_AUTO_TEST_CASE(text_without_front_matter_is_all_body) {
  std::string text = "# Just markdown\n---\nnot yaml\n";
  FrontMatter fm = split_front_matter(text, "content/x.md");
  BOOST_TEST(!fm.present);
  BOOST_TEST(fm.body == text);
  BOOST_TEST(fm.body_line == 1);
  BOOST_TEST(fm.data.size() == 0u);
}

BOOST_AUTO_TEST_CASE(empty_front_matter_gives_an_empty_map) {
  FrontMatter fm = split_front_matter("---\n---\nbody\n", "content/x.md");
  BOOST_TEST(fm.present);
  BOOST_TEST(fm.data.is_object());
  BOOST_TEST(fm.data.size() == 0u);
  BOOST_TEST(fm.body == "body\n");
  BOOST_TEST(fm.body_line == 3);
}

BOOST_AUTO_TEST_CASE(closing_fence_at_the_end_of_the_file_gives_an_empty_body) {
  FrontMatter fm = split_front_matter("---\ntitle: a\n---", "content/x.md");
  BOOST_TEST(fm.data.get_string("title") == "a");
  BOOST_TEST(fm.body == "");
}

BOOST_AUTO_TEST_CASE(byte_order_mark_is_skipped) {
  std::string text = "\xEF\xBB\xBF---\ntitle: Bom\n---\nbody\n";
  FrontMatter fm = split_front_matter(text, "content/x.md");
  BOOST_TEST(fm.present);
  BOOST_TEST(fm.data.get_string("title") == "Bom");
  BOOST_TEST(fm.body == "body\n");
  BOOST_TEST(fm.body_line == 4);
}

BOOST_AUTO_TEST_CASE(byte_order_mark_is_not_part_of_a_body_without_front_matter) {
  FrontMatter fm = split_front_matter("\xEF\xBB\xBF# Title\n", "content/x.md");
  BOOST_TEST(!fm.present);
  BOOST_TEST(fm.body == "# Title\n");
}

BOOST_AUTO_TEST_CASE(crlf_line_endings_are_understood) {
  std::string text = "---\r\ntitle: Windows\r\ntags: [a, b]\r\n---\r\nbody\r\n";
  FrontMatter fm = split_front_matter(text, "content/x.md");
  BOOST_TEST(fm.present);
  BOOST_TEST(fm.data.get_string("title") == "Windows");
  BOOST_TEST(fm.data.find("tags")->size() == 2u);
  BOOST_TEST(fm.body == "body\r\n");
  BOOST_TEST(fm.body_line == 5);
  BOOST_TEST(fm.line_of("tags") == 3);
}

BOOST_AUTO_TEST_CASE(fence_with_trailing_spaces_still_closes) {
  FrontMatter fm = split_front_matter("--- \ntitle: a\n---  \nbody", "content/x.md");
  BOOST_TEST(fm.data.get_string("title") == "a");
  BOOST_TEST(fm.body == "body");
}

BOOST_AUTO_TEST_CASE(never_closing_front_matter_is_an_error_at_line_1) {
  Diagnostic error = error_of("---\ntitle: a\n\nbody without a fence\n");
  BOOST_TEST(error.line == 1);
  BOOST_TEST(error.file == "content/x.md");
}

BOOST_AUTO_TEST_CASE(invalid_yaml_is_an_error_at_its_file_line) {
  Diagnostic error = error_of(
      "---\n"
      "title: ok\n"
      "date: 2025-03-11\n"
      "tags: [a, b]]\n"
      "---\n"
      "body\n");
  BOOST_TEST(error.line == 4);
  BOOST_TEST(error.file == "content/x.md");
  BOOST_TEST(error.message.find("YAML") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(unquoted_colon_is_an_error_at_its_file_line) {
  Diagnostic error = error_of(
      "---\n"
      "title: ok\n"
      "date: 2025-03-11\n"
      "description: a: b: c\n"
      "---\n");
  BOOST_TEST(error.line == 4);
}

BOOST_AUTO_TEST_CASE(unclosed_list_is_an_error_inside_the_front_matter) {
  // The parser notices a missing ']' only where the YAML ends: at the closing fence at the latest.
  Diagnostic error = error_of(
      "---\n"
      "title: ok\n"
      "tags: [a, b\n"
      "---\n"
      "body\n");
  BOOST_TEST(error.line >= 3);
  BOOST_TEST(error.line <= 4);
}

BOOST_AUTO_TEST_CASE(front_matter_that_is_not_a_map_is_an_error) {
  Diagnostic error = error_of("---\n- a\n- b\n---\nbody\n");
  BOOST_TEST(error.file == "content/x.md");
  BOOST_TEST(error.line == 2);
}

BOOST_AUTO_TEST_CASE(duplicate_key_is_an_error_at_the_second_key) {
  Diagnostic error = error_of(
      "---\n"
      "title: one\n"
      "date: 2025-03-11\n"
      "title: two\n"
      "---\n");
  BOOST_TEST(error.line == 4);
  BOOST_TEST(error.message.find("title") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(key_lines_give_the_file_line_of_each_key) {
  std::string text =
      "---\n"
      "title: a\n"
      "\n"
      "# comment\n"
      "tags:\n"
      "  - x\n"
      "  - y\n"
      "date: 2025-03-11\n"
      "---\n"
      "body\n";
  FrontMatter fm = split_front_matter(text, "content/x.md");
  BOOST_TEST(fm.key_lines.size() == 3u);
  BOOST_TEST(fm.line_of("title") == 2);
  BOOST_TEST(fm.line_of("tags") == 5);
  BOOST_TEST(fm.line_of("date") == 8);
  BOOST_TEST(fm.body_line == 10);
}

BOOST_AUTO_TEST_CASE(line_of_an_absent_key_is_the_front_matter_start) {
  FrontMatter fm = split_front_matter("---\ntitle: a\n---\n", "content/x.md");
  BOOST_TEST(fm.line_of("date") == 1);
}

BOOST_AUTO_TEST_CASE(quoted_values_stay_text_and_plain_ones_get_types) {
  FrontMatter fm = split_front_matter(
      "---\nquoted: \"42\"\nnumber: 42\nflag: true\nnothing: null\n---\n", "content/x.md");
  BOOST_TEST(fm.data.find("quoted")->is_string());
  BOOST_TEST(fm.data.find("number")->is_int());
  BOOST_TEST(fm.data.find("flag")->is_bool());
  BOOST_TEST(fm.data.find("nothing")->is_null());
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace digestif

// Tests of clean_text: every byte sequence in, valid UTF-8 with LF line ends out.
#include "core/text_cleanup.h"

#include <boost/test/unit_test.hpp>

namespace digestif {
namespace {

CleanText clean(std::string_view bytes) { return clean_text(bytes, "content/x.md"); }

}  // namespace

BOOST_AUTO_TEST_SUITE(text_cleanup)

BOOST_AUTO_TEST_CASE(mojibake_is_repaired_with_one_warning_at_its_line) {
  CleanText result = clean(
      "first line\nif you don\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2t, "
      "don\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2t\n");
  BOOST_TEST(result.text == "first line\nif you don\xE2\x80\x99t, don\xE2\x80\x99t\n");
  BOOST_REQUIRE_EQUAL(result.warnings.size(), 1u);
  BOOST_TEST(result.warnings[0].line == 2);
  BOOST_TEST(result.warnings[0].message.find("mojibake") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(correct_text_with_latin_letters_is_left_alone) {
  CleanText result = clean("Caf\xC3\xA9 \xE2\x80\x94 na\xC3\xAFve \xF0\x9F\x99\x82\n");
  BOOST_TEST(result.text == "Caf\xC3\xA9 \xE2\x80\x94 na\xC3\xAFve \xF0\x9F\x99\x82\n");
  BOOST_TEST(result.warnings.empty());
}

BOOST_AUTO_TEST_CASE(invalid_utf8_becomes_replacement_characters) {
  CleanText result = clean(
      "a\xFF"
      "b\xC3\n");
  BOOST_TEST(result.text ==
             "a\xEF\xBF\xBD"
             "b\xEF\xBF\xBD\n");
  BOOST_REQUIRE_EQUAL(result.warnings.size(), 1u);
  BOOST_TEST(result.warnings[0].message.find("UTF-8") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(bom_crlf_and_lone_cr_are_normalized_silently) {
  CleanText result = clean("\xEF\xBB\xBFone\r\ntwo\rthree\n");
  BOOST_TEST(result.text == "one\ntwo\nthree\n");
  BOOST_TEST(result.warnings.empty());
}

BOOST_AUTO_TEST_CASE(a_few_nul_bytes_are_replaced_but_binary_files_are_refused) {
  std::string text = "some text with a ";
  text += '\0';
  text += " inside, long enough to be text\n";
  CleanText result = clean(text);
  BOOST_TEST(result.text.find("\xEF\xBF\xBD") != std::string::npos);
  BOOST_REQUIRE_EQUAL(result.warnings.size(), 1u);
  BOOST_CHECK_THROW(clean(std::string("\x89PNG\r\n\x1A\n\0\0\0", 11)), Error);
  BOOST_CHECK_THROW(clean(std::string(100, '\0')), Error);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace digestif

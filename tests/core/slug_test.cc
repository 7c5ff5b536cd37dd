// Tests of core/slug: one URL-safe name for each spelling, never a path separator or "..".
#include "core/slug.h"

#include <boost/test/unit_test.hpp>
#include <string>

namespace digestif {
namespace {

/// What every slug must satisfy, whatever the input.
bool is_safe(const std::string& slug) {
  if (slug.find('/') != std::string::npos || slug.find('\\') != std::string::npos) return false;
  if (slug.find('.') != std::string::npos) return false;
  for (unsigned char c : slug)
    if (c < 0x20 || c == 0x7f) return false;
  if (!slug.empty() && (slug.front() == '-' || slug.back() == '-')) return false;
  return slug.find("--") == std::string::npos;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(slug)

BOOST_AUTO_TEST_CASE(spellings_of_one_tag_share_a_slug) {
  BOOST_TEST(slugify("Machine Learning") == "machine-learning");
  BOOST_TEST(slugify("machine-learning") == "machine-learning");
  BOOST_TEST(slugify("machine learning") == "machine-learning");
  BOOST_TEST(slugify("  Machine   Learning!  ") == "machine-learning");
  BOOST_TEST(slugify("machine_learning") == "machine-learning");
  BOOST_TEST(slugify("Machine -- Learning") == "machine-learning");
}

BOOST_AUTO_TEST_CASE(words_run_together_stay_one_word) {
  BOOST_TEST(slugify("machinelearning") == "machinelearning");
  BOOST_TEST(slugify("MachineLearning") == "machinelearning");
}

BOOST_AUTO_TEST_CASE(digits_are_kept) {
  BOOST_TEST(slugify("GPT-4 in 2025") == "gpt-4-in-2025");
  BOOST_TEST(slugify("2025-03-11") == "2025-03-11");
}

BOOST_AUTO_TEST_CASE(path_tricks_become_safe_names) {
  BOOST_TEST(slugify("..") == "");
  BOOST_TEST(slugify("../../etc/passwd") == "etc-passwd");
  BOOST_TEST(slugify("a/b") == "a-b");
  BOOST_TEST(slugify("a\\b") == "a-b");
  BOOST_TEST(slugify("file.html") == "file-html");
  BOOST_TEST(slugify(".hidden") == "hidden");
  BOOST_TEST(slugify("/abs/path/") == "abs-path");
}

BOOST_AUTO_TEST_CASE(text_without_letters_or_digits_gives_an_empty_slug) {
  BOOST_TEST(slugify("") == "");
  BOOST_TEST(slugify("   ") == "");
  BOOST_TEST(slugify("?!*-/.") == "");
  BOOST_TEST(slugify("\t\n\r") == "");
}

BOOST_AUTO_TEST_CASE(reserved_device_names_are_plain_lower_case) {
  BOOST_TEST(slugify("CON") == "con");
  BOOST_TEST(is_safe(slugify("CON")));
  BOOST_TEST(slugify("NUL.txt") == "nul-txt");
}

BOOST_AUTO_TEST_CASE(control_characters_never_reach_the_slug) {
  std::string text = std::string("a\x01") + '\0' + "b\x7f" + "c";
  std::string slug = slugify(text);
  BOOST_TEST(is_safe(slug));
  BOOST_TEST(slug.find('a') == 0u);
}

BOOST_AUTO_TEST_CASE(other_scripts_and_emoji_are_kept) {
  BOOST_TEST(slugify("Café Crème") == "café-crème");
  BOOST_TEST(slugify("機械学習") == "機械学習");
  BOOST_TEST(slugify("Машинное обучение") == "Машинное-обучение");
  BOOST_TEST(slugify("🤖 robots") == "🤖-robots");
  BOOST_TEST(slugify("ai 🚀") == "ai-🚀");
}

BOOST_AUTO_TEST_CASE(nasty_inputs_always_give_safe_slugs) {
  for (const char* text :
       {"..", "a/b", "", "CON", ".../...", "a/../../b", "🤖/..", "機械/../学習",
        "\\\\server\\share", "-leading and trailing-", "a.b.c", "%2e%2e%2f", "\xC3\xA9/\xC3\xA9",
        "\xF0\x9F\x98\x80..\xF0\x9F\x98\x80"}) {
    std::string slug = slugify(text);
    BOOST_TEST(is_safe(slug), "unsafe slug \"" << slug << "\" from \"" << text << "\"");
    BOOST_TEST(slug != "..");
  }
}

BOOST_AUTO_TEST_CASE(slugify_is_idempotent) {
  for (const char* text : {"Machine Learning", "a/b", "Café Crème", "🤖 robots", "GPT-4"}) {
    std::string once = slugify(text);
    BOOST_TEST(slugify(once) == once);
  }
}

BOOST_AUTO_TEST_CASE(non_breaking_space_separates_words_like_a_space) {
  // The contract: every run of spaces and separators becomes one '-', U+00A0 (pasted from web
  // pages) included, so "Machine<NBSP>Learning" is the same tag as "Machine Learning".
  BOOST_TEST(slugify("Machine\xC2\xA0Learning") == "machine-learning");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace digestif

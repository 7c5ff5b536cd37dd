// Tests of core/permalink: document slugs, permalink patterns and the output file of a URL.
#include "core/permalink.h"

#include <boost/test/unit_test.hpp>
#include <string>

#include "core/date.h"
#include "core/diagnostic.h"

namespace digestif {
namespace {

Document make_document(const std::string& stem, const std::string& title,
                       const std::string& date = "2025-03-11") {
  Document document;
  document.source = "content/digests/" + stem + ".md";
  document.source_stem = stem;
  document.kind = "digest";
  document.title = title;
  document.date = *parse_date(date);
  return document;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(permalink)

BOOST_AUTO_TEST_CASE(front_matter_slug_wins) {
  Document document = make_document("2025-03-11-machinelearning", "Machine Learning");
  document.front_matter["slug"] = "My Custom Slug";
  BOOST_TEST(document_slug(document) == "my-custom-slug");
}

BOOST_AUTO_TEST_CASE(front_matter_slug_cannot_escape_the_folder) {
  Document document = make_document("x", "X");
  document.front_matter["slug"] = "../../etc";
  std::string slug = document_slug(document);
  BOOST_TEST(slug == "etc");
}

BOOST_AUTO_TEST_CASE(slug_comes_from_the_file_name_without_its_date) {
  BOOST_TEST(document_slug(make_document("2025-03-11-machinelearning", "Title")) ==
             "machinelearning");
  BOOST_TEST(document_slug(make_document("2025-03-11_Deep Learning", "Title")) == "deep-learning");
  BOOST_TEST(document_slug(make_document("Notes On Things", "Title")) == "notes-on-things");
}

BOOST_AUTO_TEST_CASE(file_name_that_only_looks_dated_is_kept_whole) {
  BOOST_TEST(document_slug(make_document("2025-3-11-x", "Title")) == "2025-3-11-x");
  BOOST_TEST(document_slug(make_document("abcd-ef-gh-x", "Title")) == "abcd-ef-gh-x");
}

BOOST_AUTO_TEST_CASE(slug_comes_from_the_title_without_a_file_name) {
  BOOST_TEST(document_slug(make_document("", "Machine Learning: A Year")) ==
             "machine-learning-a-year");
}

BOOST_AUTO_TEST_CASE(slug_comes_from_the_title_when_the_file_name_has_no_letters) {
  BOOST_TEST(document_slug(make_document("...", "Fallback Title")) == "fallback-title");
}

BOOST_AUTO_TEST_CASE(all_punctuation_title_without_file_name_is_an_error) {
  Document document = make_document("", "?!? ... ---");
  try {
    document_slug(document);
    BOOST_FAIL("no Error for a document without a usable slug");
  } catch (const Error& error) {
    BOOST_TEST(error.diagnostic().file == document.source);
    BOOST_TEST(error.diagnostic().message.find("slug") != std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(expand_permalink_fills_every_placeholder) {
  Document document = make_document("2025-03-11-ml", "ML", "2025-03-01");
  document.slug = "ml";
  BOOST_TEST(expand_permalink("/:year/:month/:day/:slug/", document) == "/2025/03/01/ml/");
  BOOST_TEST(expand_permalink("/:kind/:slug/", document) == "/digest/ml/");
  BOOST_TEST(expand_permalink("/:year/:slug-:year/", document) == "/2025/ml-2025/");
}

BOOST_AUTO_TEST_CASE(expanded_permalink_starts_and_ends_with_a_slash) {
  Document document = make_document("x", "X", "2025-12-27");
  document.slug = "year-in-review";
  BOOST_TEST(expand_permalink(":year/:slug", document) == "/2025/year-in-review/");
  BOOST_TEST(expand_permalink("/:slug", document) == "/year-in-review/");
}

BOOST_AUTO_TEST_CASE(permalink_naming_a_file_keeps_its_extension) {
  Document document = make_document("x", "X");
  document.slug = "page";
  BOOST_TEST(expand_permalink("/:slug.html", document) == "/page.html");
}

BOOST_AUTO_TEST_CASE(permalink_uses_the_utc_day) {
  Document document = make_document("x", "X", "2025-03-11T23:30:00-02:00");
  document.slug = "late";
  BOOST_TEST(expand_permalink("/:year/:month/:day/:slug/", document) == "/2025/03/12/late/");
}

BOOST_AUTO_TEST_CASE(output_path_of_a_folder_url_is_its_index) {
  BOOST_TEST(output_path_of("/a/b/") == "a/b/index.html");
  BOOST_TEST(output_path_of("/2025/03/11/ml/") == "2025/03/11/ml/index.html");
  BOOST_TEST(output_path_of("/") == "index.html");
  BOOST_TEST(output_path_of("") == "index.html");
}

BOOST_AUTO_TEST_CASE(output_path_of_a_file_url_is_the_file) {
  BOOST_TEST(output_path_of("/x.xml") == "x.xml");
  BOOST_TEST(output_path_of("/tags/ai/feed.json") == "tags/ai/feed.json");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace digestif

// Tests of the digest_format plugin's DigestFormat: front matter fields with file:line errors.
#include "plugins/digest_format/digest_format.h"

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/diagnostic.h"
#include "core/diagnostic_sink.h"
#include "core/output_writer.h"
#include "core/plugin_context.h"

namespace digestif::plugins::digest_format {
namespace {

struct FormatFixture {
  SiteConfig config;
  BuildOptions build;
  DiagnosticSink sink;
  DigestFormat format{PluginContext("digest_format", Value::object(), config, build, sink, 0)};

  static RawSource raw(const std::string& bytes,
                       const std::string& stem = "2025-03-11-machinelearning") {
    return {"content/digests/" + stem + ".md", stem, bytes};
  }

  Diagnostic error_of(const std::string& bytes, const std::string& stem = "2025-03-11-x") {
    try {
      format.parse(raw(bytes, stem));
    } catch (const Error& error) {
      return error.diagnostic();
    }
    BOOST_FAIL("parse did not throw for:\n" + bytes);
    return {};
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(digest_format)

BOOST_FIXTURE_TEST_CASE(parses_the_sample_digest, FormatFixture) {
  std::filesystem::path file =
      std::filesystem::path(DIGESTIF_SOURCE_DIR) / "content/digests/2025-03-11-machinelearning.md";
  RawSource source{"content/digests/2025-03-11-machinelearning.md", "2025-03-11-machinelearning",
                   read_file(file)};
  BOOST_TEST(format.accepts(source));
  Document document = format.parse(source);
  BOOST_TEST(document.kind == "digest");
  BOOST_TEST(document.title == "Machine Learning Subreddit");
  BOOST_TEST(format_iso_date(document.date) == "2025-03-11");
  BOOST_TEST(document.description ==
             "Analysis of top discussions and trends in the machinelearning subreddit");
  std::vector<std::string> tags = {"machinelearning", "reddit", "analysis"};
  BOOST_TEST(document.tags == tags, boost::test_tools::per_element());
  BOOST_TEST(!document.draft);
  BOOST_TEST(document.body_line == 7);
  BOOST_TEST(document.body.find("# Overall Ranking and Top Discussions") == 1u);
  BOOST_TEST(document.front_matter.get_string("title") == "Machine Learning Subreddit");
}

BOOST_FIXTURE_TEST_CASE(accepts_front_matter_and_non_blank_text_files, FormatFixture) {
  BOOST_TEST(format.accepts(raw("---\ntitle: a\n---\n")));
  BOOST_TEST(format.accepts(raw("\xEF\xBB\xBF---\ntitle: a\n---\n")));
  BOOST_TEST(format.accepts(RawSource{"content/x.json", "x", "---\ntitle: a\n---\n"}));
  BOOST_TEST(format.accepts(raw("# Just markdown\n")));
  BOOST_TEST(format.accepts(RawSource{"content/NOTES.TXT", "NOTES", "text\n"}));
  BOOST_TEST(!format.accepts(raw("")));
  BOOST_TEST(!format.accepts(raw(" \n\t\n")));
  BOOST_TEST(!format.accepts(RawSource{"content/data.json", "data", "{\"a\": 1}\n"}));
}

BOOST_FIXTURE_TEST_CASE(reads_every_field, FormatFixture) {
  Document document =
      format.parse(raw("---\n"
                       "title: A digest\n"
                       "date: 2025-06-06 08:30\n"
                       "description: About things\n"
                       "tags: [ai, \"Machine Learning\"]\n"
                       "draft: true\n"
                       "custom: 5\n"
                       "---\n"
                       "Body\n"));
  BOOST_TEST(document.title == "A digest");
  BOOST_TEST(format_rfc3339(document.date) == "2025-06-06T08:30:00Z");
  BOOST_TEST(document.description == "About things");
  BOOST_TEST(document.tags.size() == 2u);
  BOOST_TEST(document.tags[1] == "Machine Learning");
  BOOST_TEST(document.draft);
  BOOST_TEST(document.body == "Body\n");
  BOOST_TEST(document.body_line == 9);
  BOOST_TEST(document.front_matter.find("custom")->as_int() == 5);
}

BOOST_FIXTURE_TEST_CASE(list_title_is_an_error_at_its_line, FormatFixture) {
  Diagnostic error = error_of(
      "---\n"
      "date: 2025-03-11\n"
      "title: [a, b]\n"
      "---\n");
  BOOST_TEST(error.file == "content/digests/2025-03-11-x.md");
  BOOST_TEST(error.line == 3);
  BOOST_TEST(error.message.find("title") != std::string::npos);
}

BOOST_FIXTURE_TEST_CASE(bad_date_is_an_error_at_its_line, FormatFixture) {
  Diagnostic error = error_of(
      "---\n"
      "title: A\n"
      "description: B\n"
      "date: 2025-02-30\n"
      "---\n");
  BOOST_TEST(error.line == 4);
  BOOST_TEST(error.message.find("use YYYY-MM-DD") != std::string::npos);
  BOOST_TEST(error.message.find("2025-02-30") != std::string::npos);
}

BOOST_FIXTURE_TEST_CASE(words_as_date_are_an_error_at_its_line, FormatFixture) {
  Diagnostic error = error_of("---\ntitle: A\ndate: last tuesday\n---\n");
  BOOST_TEST(error.line == 3);
  BOOST_TEST(error.message.find("use YYYY-MM-DD") != std::string::npos);
}

BOOST_FIXTURE_TEST_CASE(missing_date_falls_back_to_the_file_name, FormatFixture) {
  Document document = format.parse(raw("---\ntitle: A\n---\n", "2025-01-30-machinelearning"));
  BOOST_TEST(format_iso_date(document.date) == "2025-01-30");
}

BOOST_FIXTURE_TEST_CASE(missing_date_without_a_dated_file_name_is_an_error, FormatFixture) {
  Diagnostic error = error_of("---\ntitle: A\n---\n", "notes");
  BOOST_TEST(error.file == "content/digests/notes.md");
  BOOST_TEST(error.line == 1);
  BOOST_TEST(error.message.find("date") != std::string::npos);
}

BOOST_FIXTURE_TEST_CASE(missing_title_is_an_error, FormatFixture) {
  Diagnostic error = error_of("---\ndate: 2025-03-11\n---\nbody\n");
  BOOST_TEST(error.message.find("title") != std::string::npos);
  BOOST_TEST(error.line == 1);
}

BOOST_FIXTURE_TEST_CASE(tags_that_are_not_a_list_are_an_error_at_their_line, FormatFixture) {
  Diagnostic error = error_of("---\ntitle: A\n\ntags: ai, ml\n---\n");
  BOOST_TEST(error.line == 4);
  BOOST_TEST(error.message.find("tags") != std::string::npos);
}

BOOST_FIXTURE_TEST_CASE(nested_list_in_tags_is_an_error, FormatFixture) {
  Diagnostic error = error_of("---\ntitle: A\ntags: [ai, [x]]\n---\n");
  BOOST_TEST(error.line == 3);
}

BOOST_FIXTURE_TEST_CASE(draft_that_is_not_a_boolean_is_an_error, FormatFixture) {
  Diagnostic error = error_of("---\ntitle: A\ndraft: perhaps\n---\n");
  BOOST_TEST(error.line == 3);
  BOOST_TEST(error.message.find("draft") != std::string::npos);
}

BOOST_FIXTURE_TEST_CASE(front_matter_errors_keep_their_file_line, FormatFixture) {
  Diagnostic error = error_of("---\ntitle: A\ntitle: B\n---\n");
  BOOST_TEST(error.line == 3);
  BOOST_TEST(error.file == "content/digests/2025-03-11-x.md");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace digestif::plugins::digest_format

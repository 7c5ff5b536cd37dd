// Tests of the digest format's recovery rules: one case per rule, with the file lines it reports.
#include <boost/test/unit_test.hpp>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/diagnostic.h"
#include "core/diagnostic_sink.h"
#include "core/plugin_context.h"
#include "plugins/digest_format/digest_format.h"

namespace digestif::plugins::digest_format {
namespace {

const std::string kFrontMatter =
    "---\n"
    "title: \"LocalLLaMA Subreddit\"\n"
    "date: \"2025-04-01\"\n"
    "tags: [\"AI\"]\n"
    "---\n";

struct RecoveryFixture {
  SiteConfig config;
  BuildOptions build;
  DiagnosticSink sink;
  DigestFormat format{PluginContext("digest_format", Value::object(), config, build, sink, 0)};

  static RawSource raw(const std::string& bytes, const std::string& stem = "2025-04-01_localllama",
                       const std::string& extension = ".md") {
    return {"digests/" + stem + extension, stem, bytes};
  }

  Document parse(const std::string& bytes, const std::string& stem = "2025-04-01_localllama") {
    return format.parse(raw(bytes, stem));
  }

  Diagnostic error_of(const std::string& bytes, const std::string& stem = "2025-04-01_localllama") {
    try {
      format.parse(raw(bytes, stem));
    } catch (const Error& error) {
      return error.diagnostic();
    }
    BOOST_FAIL("parse did not throw for:\n" + bytes);
    return {};
  }

  /// The only warning reported, checked to be the only one.
  Diagnostic only_warning() {
    std::vector<Diagnostic> all = sink.all();
    BOOST_REQUIRE_EQUAL(all.size(), 1u);
    BOOST_TEST((all[0].severity == Severity::warning));
    return all[0];
  }

  bool warned(int line, const std::string& words) const {
    for (const Diagnostic& d : sink.all())
      if (d.line == line && d.message.find(words) != std::string::npos) return true;
    return false;
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(digest_format_recovery)

BOOST_FIXTURE_TEST_CASE(accepts_any_text_file_that_is_not_blank, RecoveryFixture) {
  BOOST_TEST(format.accepts(raw("It was very quiet in that subreddit today.\n")));
  BOOST_TEST(format.accepts(raw("~~~\ntitle: A\n~~~\n", "notes", ".txt")));
  BOOST_TEST(format.accepts(raw("json\n{\n}\n", "notes", ".markdown")));
  BOOST_TEST(format.accepts(raw("---\ntitle: A\n---\n", "notes", ".html")));
  BOOST_TEST(!format.accepts(raw("{\"a\": 1}\n", "data", ".json")));
  BOOST_TEST(!format.accepts(raw(" \n\n")));
}

BOOST_FIXTURE_TEST_CASE(front_matter_at_the_top_gives_no_warning, RecoveryFixture) {
  Document document = parse(kFrontMatter + "# Overall Ranking and Top Discussions\n");
  BOOST_TEST(document.title == "LocalLLaMA Subreddit");
  BOOST_TEST(document.body_line == 6);
  BOOST_TEST(sink.all().empty());
}

BOOST_FIXTURE_TEST_CASE(fence_word_before_the_front_matter_is_left_out, RecoveryFixture) {
  Document document = parse("text\n" + kFrontMatter + "Body\n");
  BOOST_TEST(document.title == "LocalLLaMA Subreddit");
  BOOST_TEST(document.body == "Body\n");
  BOOST_TEST(document.body_line == 7);
  Diagnostic warning = only_warning();
  BOOST_TEST(warning.file == "digests/2025-04-01_localllama.md");
  BOOST_TEST(warning.line == 1);
  BOOST_TEST(warning.message.find("line 1 before the front matter (a fence word (\"text\"))") ==
             0u);
}

BOOST_FIXTURE_TEST_CASE(chatter_and_raw_records_before_the_front_matter_are_left_out,
                        RecoveryFixture) {
  Document document = parse(
      "Okay, I'm ready to analyze the Reddit data.\n"
      "\n"
      "~~~\n"
      "post_id: abc\n"
      "comment_body: a first line\n"
      "and a second one\n"
      "~~~\n"
      "post_id: def\n"
      "~~~\n"
      "\n" +
      kFrontMatter + "Body\n");
  BOOST_TEST(document.body_line == 16);
  Diagnostic warning = only_warning();
  BOOST_TEST(warning.line == 1);
  BOOST_TEST(warning.message.find("lines 1-10") == 0u);
  BOOST_TEST(warning.message.find("LLM chatter and raw data records") != std::string::npos);
}

BOOST_FIXTURE_TEST_CASE(json_dump_before_the_front_matter_is_left_out, RecoveryFixture) {
  Document document = parse(
      "json\n"
      "[\n"
      "    {\"post_id\": \"x\", \"title\": \"not the front matter\"}\n"
      "]\n" +
      kFrontMatter + "Body\n");
  BOOST_TEST(document.title == "LocalLLaMA Subreddit");
  BOOST_TEST(document.body_line == 10);
  BOOST_TEST(only_warning().message.find("a JSON data dump") != std::string::npos);
}

BOOST_FIXTURE_TEST_CASE(errors_in_a_front_matter_below_a_preamble_have_their_file_line,
                        RecoveryFixture) {
  Diagnostic error = error_of("text\n---\ntitle: A\ndate: 2025-02-30\n---\n");
  BOOST_TEST(error.line == 4);
  Diagnostic yaml = error_of("text\n---\ntitle: A\ntitle: B\n---\n");
  BOOST_TEST(yaml.line == 4);
  BOOST_TEST(sink.all().empty());  // warnings of a file left out are not reported
}

BOOST_FIXTURE_TEST_CASE(tilde_front_matter_is_read_as_yaml, RecoveryFixture) {
  Document document = parse("~~~\ntitle: \"T\"\ndate: \"2025-04-30\"\n~~~\n\nBody\n");
  BOOST_TEST(document.title == "T");
  BOOST_TEST(format_iso_date(document.date) == "2025-04-30");
  BOOST_TEST(document.body_line == 5);
  Diagnostic warning = only_warning();
  BOOST_TEST(warning.line == 1);
  BOOST_TEST(warning.message.find("fenced with \"~~~\"") != std::string::npos);
  BOOST_TEST(error_of("~~~\ntitle: T\n\ndate: someday\n~~~\n").line == 4);
}

BOOST_FIXTURE_TEST_CASE(json_front_matter_is_read_with_its_key_lines, RecoveryFixture) {
  Document document = parse(
      "json\n"
      "{\n"
      "    \"title\": \"datascience subreddit\",\n"
      "    \"date\": \"2026-05-02\",\n"
      "    \"tags\": [\"datascience\", \"career\"]\n"
      "}\n"
      "\n"
      "# Overall Ranking and Top Discussions\n");
  BOOST_TEST(document.title == "datascience subreddit");
  BOOST_TEST(document.tags.size() == 2u);
  BOOST_TEST(document.body_line == 7);
  BOOST_TEST(warned(1, "fence word"));
  BOOST_TEST(warned(2, "the front matter is JSON"));
  BOOST_TEST(error_of("{\n\"title\": \"A\",\n\"date\": \"May\"\n}\n").line == 3);
}

BOOST_FIXTURE_TEST_CASE(invalid_json_front_matter_is_an_error_at_its_line, RecoveryFixture) {
  Diagnostic error = error_of("{\n\"title\": \"A\",\n\"date\": 2025-\n}\n");
  BOOST_TEST(error.line == 3);
  BOOST_TEST(error.message.find("JSON front matter is invalid") != std::string::npos);
}

BOOST_FIXTURE_TEST_CASE(indented_document_is_read_without_its_indent, RecoveryFixture) {
  Document document = parse(
      "    ---\n"
      "    title: \"Singularity Subreddit\"\n"
      "    date: \"2026-04-27\"\n"
      "    ---\n"
      "\n"
      "    # Overall Ranking and Top Discussions\n"
      "    1.  [A](https://x.org/a) (Score: 3)\n"
      "        *   nested\n");
  BOOST_TEST(document.title == "Singularity Subreddit");
  BOOST_TEST(document.body_line == 5);
  BOOST_TEST(document.body ==
             "\n# Overall Ranking and Top Discussions\n1.  [A](https://x.org/a) (Score: 3)\n"
             "    *   nested\n");
  Diagnostic warning = only_warning();
  BOOST_TEST(warning.line == 1);
  BOOST_TEST(warning.message.find("indented by 4 spaces") != std::string::npos);
}

BOOST_FIXTURE_TEST_CASE(no_front_matter_takes_date_and_subreddit_from_the_file_name,
                        RecoveryFixture) {
  Document document = parse("# Overall Ranking and Top Discussions\n", "2025-06-24_localllama");
  BOOST_TEST(document.title == "LocalLLaMA Subreddit");
  BOOST_TEST(format_iso_date(document.date) == "2025-06-24");
  BOOST_TEST(document.front_matter.get_string("subreddit") == "localllama");
  BOOST_TEST(document.tags == std::vector<std::string>{"localllama"});
  BOOST_TEST(document.body_line == 1);
  Diagnostic warning = only_warning();
  BOOST_TEST(warning.line == 1);
  BOOST_TEST(warning.message.find("no front matter") == 0u);
}

BOOST_FIXTURE_TEST_CASE(unknown_subreddit_gets_a_capitalized_title, RecoveryFixture) {
  BOOST_TEST(parse("# Overall\n", "2025-06-24_rust").title == "Rust Subreddit");
}

BOOST_FIXTURE_TEST_CASE(no_front_matter_and_no_dated_name_is_an_error, RecoveryFixture) {
  Diagnostic error = error_of("# Overall Ranking\n", "notes");
  BOOST_TEST(error.line == 1);
  BOOST_TEST(error.message.find("YYYY-MM-DD_<subreddit>.md") != std::string::npos);
}

BOOST_FIXTURE_TEST_CASE(quiet_notice_becomes_a_short_page, RecoveryFixture) {
  Document document =
      parse("\nIt was very quiet in that subreddit today. Please adhere to the output format.\n",
            "2026-04-29_dataengineering");
  BOOST_TEST(document.title == "Data Engineering Subreddit");
  BOOST_TEST(document.body.find("very quiet") != std::string::npos);
  Diagnostic warning = only_warning();
  BOOST_TEST(warning.line == 2);
  BOOST_TEST(warning.message.find("(\"It was very quiet in that subreddit today.\")") !=
             std::string::npos);
}

BOOST_FIXTURE_TEST_CASE(analysis_skipped_notice_is_left_out_with_one_error, RecoveryFixture) {
  Diagnostic error = error_of("~~~\nAnalysis Skipped: Content contains harmful material.\n~~~\n",
                              "2025-03-17_claudeai");
  BOOST_TEST(error.file == "digests/2025-03-17_claudeai.md");
  BOOST_TEST(error.line == 2);
  BOOST_TEST(error.message.find("left out of the site") != std::string::npos);
  BOOST_TEST(sink.all().empty());
}

BOOST_FIXTURE_TEST_CASE(raw_data_only_is_left_out_with_one_error, RecoveryFixture) {
  Diagnostic error = error_of(
      "~~~\npost_id: a\ncomment_body: one\ntwo\n~~~\npost_id: b\nsentiment_label: Neutral\n~~~\n");
  BOOST_TEST(error.line == 1);
  BOOST_TEST(error.message.find("only raw data") != std::string::npos);
  BOOST_TEST(sink.all().empty());
}

BOOST_FIXTURE_TEST_CASE(notice_inside_a_digest_is_content, RecoveryFixture) {
  Document document = parse(kFrontMatter + "It was very quiet in the subreddit today.\n");
  BOOST_TEST(document.title == "LocalLLaMA Subreddit");
  BOOST_TEST(sink.all().empty());
}

BOOST_FIXTURE_TEST_CASE(document_written_twice_keeps_the_longer_copy, RecoveryFixture) {
  Document document = parse(kFrontMatter +
                            "# Ranking\n1. a\n2. b\n"
                            "---\n"
                            "title: \"LocalLLaMA Subreddit\"\n"
                            "\n"
                            "# Ranking\n1. a\n");
  BOOST_TEST(document.body == "# Ranking\n1. a\n2. b\n");
  BOOST_TEST(document.body_line == 6);
  Diagnostic warning = only_warning();
  BOOST_TEST(warning.line == 9);
  BOOST_TEST(warning.message.find("only the first, longer copy") != std::string::npos);
}

BOOST_FIXTURE_TEST_CASE(document_written_twice_may_keep_the_second_copy, RecoveryFixture) {
  Document document =
      parse(kFrontMatter + "# Ranking\n" + kFrontMatter + "# Ranking\n1. a\n2. b\n");
  BOOST_TEST(document.body == "# Ranking\n1. a\n2. b\n");
  BOOST_TEST(document.body_line == 12);
  BOOST_TEST(warned(7, "only the second, longer copy"));
}

BOOST_FIXTURE_TEST_CASE(stray_fences_around_the_document_are_left_out, RecoveryFixture) {
  Document document = parse("~~~\n" + kFrontMatter + "Body\n~~~\n");
  BOOST_TEST(document.body == "Body\n");
  BOOST_TEST(warned(1, "a stray \"~~~\" fence"));
  BOOST_TEST(warned(8, "a stray \"~~~\" ends the file"));
  BOOST_TEST(sink.all().size() == 2u);
}

BOOST_FIXTURE_TEST_CASE(balanced_fences_in_the_body_are_kept, RecoveryFixture) {
  Document document = parse(kFrontMatter + "~~~\ncode\n~~~\n");
  BOOST_TEST(document.body == "~~~\ncode\n~~~\n");
  BOOST_TEST(sink.all().empty());
}

BOOST_FIXTURE_TEST_CASE(subreddit_comes_from_the_file_name_unless_written, RecoveryFixture) {
  BOOST_TEST(parse(kFrontMatter).front_matter.get_string("subreddit") == "localllama");
  Document written = parse("---\ntitle: A\nsubreddit: LocalLLaMA\n---\n");
  BOOST_TEST(written.front_matter.get_string("subreddit") == "LocalLLaMA");
  BOOST_TEST(parse(kFrontMatter, "notes").front_matter.find("subreddit") == nullptr);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace digestif::plugins::digest_format

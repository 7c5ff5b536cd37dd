// Tests of `sources:` in site.yaml: strings and maps, their lines, the content folder default.
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>

#include "core/config.h"
#include "core/diagnostic.h"
#include "core/diagnostic_sink.h"
#include "tests/core/temp_folder.h"

namespace digestif {
namespace {
namespace fs = std::filesystem;

/// Loads `yaml` from a site.yaml in a fresh temp folder.
struct SourcesFixture {
  testing::TempFolder folder{"digestif-sources-test"};
  const fs::path& dir = folder.path;
  DiagnosticSink sink;
  SiteConfig load(const std::string& yaml) {
    std::ofstream(dir / "site.yaml", std::ios::binary) << yaml;
    return load_config(dir / "site.yaml", sink);
  }
  Diagnostic error_of(const std::string& yaml) {
    try {
      load(yaml);
    } catch (const Error& error) {
      return error.diagnostic();
    }
    BOOST_FAIL("no error for:\n" + yaml);
    return {};
  }
};

BOOST_AUTO_TEST_SUITE(config_sources)

BOOST_AUTO_TEST_CASE(without_sources_the_content_folder_is_the_one_source) {
  SourcesFixture fixture;
  SiteConfig config = fixture.load("content: posts\n");
  BOOST_TEST(config.sources.empty());
  auto entries = config.source_entries();
  BOOST_REQUIRE(entries.size() == 1u);
  BOOST_TEST(entries[0].location == "posts");
  BOOST_TEST(entries[0].line == 0);
  BOOST_TEST(!entries[0].is_url());
}

BOOST_AUTO_TEST_CASE(strings_and_maps_with_their_lines_and_options) {
  SourcesFixture fixture;
  SiteConfig config = fixture.load(
      "title: x\n"
      "sources:\n"
      "  - content\n"
      "  - https://x.org/index.json\n"
      "  - url: https://www.reddit.com/r/ml/comments/1/a/\n"
      "    comments: 5\n"
      "  - path: more\n");
  auto entries = config.source_entries();
  BOOST_REQUIRE(entries.size() == 4u);
  BOOST_TEST(entries[0].location == "content");
  BOOST_TEST(entries[0].line == 3);
  BOOST_TEST(entries[1].is_url());
  BOOST_TEST(entries[1].line == 4);
  BOOST_TEST(entries[2].location == "https://www.reddit.com/r/ml/comments/1/a/");
  BOOST_TEST(entries[2].line == 5);
  BOOST_TEST(entries[2].options.find("comments")->as_int() == 5);
  BOOST_TEST(entries[2].options.find("url") == nullptr);
  BOOST_TEST(entries[3].location == "more");
}

BOOST_AUTO_TEST_CASE(wrong_shapes_are_errors_at_their_line) {
  SourcesFixture fixture;
  Diagnostic error = fixture.error_of("title: x\nsources: content\n");
  BOOST_TEST(error.line == 2);
  BOOST_TEST(error.message == "\"sources\" must be a list of folders and URLs");
  error = fixture.error_of("sources:\n  - content\n  - comments: 3\n");
  BOOST_TEST(error.line == 3);
  BOOST_TEST(error.message == "a source map needs one \"url:\" or \"path:\" with a text value");
  error = fixture.error_of("sources:\n  - url: https://x.org/\n    path: content\n");
  BOOST_TEST(error.line == 2);
  error = fixture.error_of("sources:\n  - [a, b]\n");
  BOOST_TEST(error.line == 2);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace digestif

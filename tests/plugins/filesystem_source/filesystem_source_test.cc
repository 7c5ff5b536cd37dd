// Tests of the filesystem_source plugin: which content files are found, in which order.
#include "plugins/filesystem_source/filesystem_source.h"

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "core/diagnostic_sink.h"
#include "core/plugin_context.h"

namespace digestif::plugins::filesystem_source {
namespace {
namespace fs = std::filesystem;

/// A site folder under the system temp folder with a content/ folder, removed at the end.
struct SourceFixture {
  fs::path root;
  SiteConfig config;
  BuildOptions build;
  DiagnosticSink sink;

  SourceFixture() {
    std::random_device random;
    root = fs::temp_directory_path() / ("digestif-source-test-" + std::to_string(random()));
    fs::create_directories(root / "content");
    config.root = root;
  }
  ~SourceFixture() {
    std::error_code ec;
    fs::remove_all(root, ec);
  }
  void file(const std::string& relative, const std::string& text = "x") const {
    fs::create_directories((root / relative).parent_path());
    std::ofstream(root / relative, std::ios::binary) << text;
  }
  FilesystemSource source() const {
    return FilesystemSource(PluginContext("filesystem_source", Value::object(), config, build,
                                          const_cast<DiagnosticSink&>(sink), 0));
  }
  std::vector<std::string> origins() const {
    std::vector<std::string> result;
    for (const SourceItem& item : source().discover()) result.push_back(item.origin);
    return result;
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(filesystem_source)

BOOST_FIXTURE_TEST_CASE(finds_every_file_sorted_by_path, SourceFixture) {
  file("content/reviews/2025-12-27-year.md");
  file("content/digests/2025-03-11-b.md");
  file("content/digests/2025-01-30-a.md");
  file("content/about.md");
  std::vector<std::string> expected = {"content/about.md", "content/digests/2025-01-30-a.md",
                                       "content/digests/2025-03-11-b.md",
                                       "content/reviews/2025-12-27-year.md"};
  BOOST_TEST(origins() == expected, boost::test_tools::per_element());
}

BOOST_FIXTURE_TEST_CASE(skips_hidden_files_folders_and_editor_backups, SourceFixture) {
  file("content/a.md");
  file("content/.hidden.md");
  file("content/a.md~");
  file("content/#a.md#");
  file("content/.git/objects/x.md");
  std::vector<std::string> expected = {"content/a.md"};
  BOOST_TEST(origins() == expected, boost::test_tools::per_element());
}

BOOST_FIXTURE_TEST_CASE(items_carry_the_stem_and_load_their_bytes, SourceFixture) {
  file("content/digests/2025-03-11-machinelearning.md", "---\ntitle: A\n---\n");
  FilesystemSource source = this->source();
  std::vector<SourceItem> items = source.discover();
  BOOST_REQUIRE(items.size() == 1u);
  BOOST_TEST(items[0].stem == "2025-03-11-machinelearning");
  RawSource raw = source.load(items[0]);
  BOOST_TEST(raw.origin == "content/digests/2025-03-11-machinelearning.md");
  BOOST_TEST(raw.stem == "2025-03-11-machinelearning");
  BOOST_TEST(raw.bytes == "---\ntitle: A\n---\n");
}

BOOST_FIXTURE_TEST_CASE(uses_the_configured_content_folder, SourceFixture) {
  config.content_dir = "posts";
  file("posts/x.md");
  file("content/y.md");
  std::vector<std::string> expected = {"posts/x.md"};
  BOOST_TEST(origins() == expected, boost::test_tools::per_element());
}

BOOST_FIXTURE_TEST_CASE(origins_are_normal_paths_whatever_the_folder_is_written_as, SourceFixture) {
  config.content_dir = "./posts/";
  file("posts/deep/2025.notes.md");
  std::vector<SourceItem> items = source().discover();
  BOOST_REQUIRE(items.size() == 1u);
  BOOST_TEST(items[0].origin == "posts/deep/2025.notes.md");
  BOOST_TEST(items[0].stem == "2025.notes");
}

BOOST_FIXTURE_TEST_CASE(missing_content_folder_is_an_error, SourceFixture) {
  config.content_dir = "nothing-here";
  try {
    source().discover();
    BOOST_FAIL("no Error for a missing content folder");
  } catch (const Error& error) {
    BOOST_TEST(error.diagnostic().file.find("nothing-here") != std::string::npos);
  }
}

BOOST_FIXTURE_TEST_CASE(empty_content_folder_finds_nothing, SourceFixture) {
  BOOST_TEST(origins().empty());
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace digestif::plugins::filesystem_source

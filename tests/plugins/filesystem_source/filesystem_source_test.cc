// Tests of the filesystem_source plugin: which content files are found, in which order, and
// finding them again from the files a watcher saw change.
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
  std::vector<std::string> origins() const { return origins_of(source().discover()); }
  static std::vector<std::string> origins_of(const std::vector<SourceItem>& items) {
    std::vector<std::string> result;
    for (const SourceItem& item : items) result.push_back(item.origin);
    return result;
  }
  /// The version discover() gives the item at `origin` now.
  std::string version_now(const std::string& origin) const {
    for (const SourceItem& item : source().discover())
      if (item.origin == origin) return item.version;
    return "";
  }
  /// Writes the file again with other bytes (another size, so another version).
  void edit(const std::string& relative) const { file(relative, "edited text"); }
};

/// Three files found, as a build of `digestif serve` leaves them.
struct RediscoverFixture : SourceFixture {
  std::vector<SourceItem> last;
  RediscoverFixture() {
    for (const char* name : {"content/a.md", "content/b.md", "content/c.md"}) file(name);
    last = source().discover();
  }
  std::vector<SourceItem> rediscover(const std::vector<std::string>& changed) const {
    std::vector<fs::path> paths;
    for (const std::string& relative : changed) paths.push_back(root / relative);
    return source().rediscover(last, paths);
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

BOOST_FIXTURE_TEST_CASE(a_link_to_a_file_is_listed_and_a_link_to_a_folder_is_not_followed,
                        SourceFixture) {
  file("content/a.md", "linked bytes");
  file("elsewhere/inside.md");
  fs::create_symlink(root / "content/a.md", root / "content/b.md");
  fs::create_directory_symlink(root / "elsewhere", root / "content/folder");
  std::vector<SourceItem> items = source().discover();
  BOOST_REQUIRE(items.size() == 2u);
  BOOST_TEST(items[1].origin == "content/b.md");
  BOOST_TEST(items[1].version == items[0].version);  // the linked file's
  BOOST_TEST(source().load(items[1]).bytes == "linked bytes");
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

BOOST_FIXTURE_TEST_CASE(rediscover_looks_again_only_at_the_changed_files, RediscoverFixture) {
  edit("content/b.md");
  edit("content/c.md");  // not reported: rediscover trusts the watcher and keeps its version
  std::vector<SourceItem> items = rediscover({"content/b.md"});
  BOOST_TEST(origins_of(items) == origins_of(last), boost::test_tools::per_element());
  BOOST_TEST(items[1].version == version_now("content/b.md"));
  BOOST_TEST(items[1].version != last[1].version);
  BOOST_TEST(items[2].version == last[2].version);
  BOOST_TEST(items[0].version == last[0].version);
}

BOOST_FIXTURE_TEST_CASE(rediscover_finds_a_new_file_and_loses_a_removed_one, RediscoverFixture) {
  file("content/new/d.md");
  std::vector<std::string> expected = {"content/a.md", "content/b.md", "content/c.md",
                                       "content/new/d.md"};
  BOOST_TEST(origins_of(rediscover({"content/new"})) == expected, boost::test_tools::per_element());
  BOOST_TEST(origins_of(rediscover({"content/new/d.md"})) == expected,
             boost::test_tools::per_element());
  fs::remove(root / "content/b.md");
  expected = {"content/a.md", "content/c.md", "content/new/d.md"};
  BOOST_TEST(origins_of(rediscover({"content/b.md"})) == expected,
             boost::test_tools::per_element());
}

BOOST_FIXTURE_TEST_CASE(rediscover_ignores_temporary_files_and_files_elsewhere, RediscoverFixture) {
  file("content/a.md~");
  file("theme.css");
  std::vector<SourceItem> items =
      rediscover({"content/sed4Xk2a", "content/a.md~", "content/.a.md.swp", "theme.css"});
  BOOST_TEST(origins_of(items) == origins_of(last), boost::test_tools::per_element());
}

BOOST_FIXTURE_TEST_CASE(rediscover_lists_again_when_the_folder_itself_is_reported,
                        RediscoverFixture) {
  file("content/unreported.md");  // e.g. the watcher lost events and reports its whole tree
  std::vector<std::string> expected = {"content/a.md", "content/b.md", "content/c.md",
                                       "content/unreported.md"};
  BOOST_TEST(origins_of(rediscover({"content"})) == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace digestif::plugins::filesystem_source

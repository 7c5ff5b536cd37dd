// Tests of core/output_writer: atomic writes inside the root, duplicates, unchanged files, cleanup.
#include "core/output_writer.h"

#include <sys/stat.h>

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "tests/core/temp_folder.h"

namespace digestif {
namespace {
namespace fs = std::filesystem;

struct OutputFixture {
  testing::TempFolder dir{"digestif-output-test"};
  fs::path root = dir.path / "site";

  std::string contents(const fs::path& relative) const { return read_file(root / relative); }
  void plant(const fs::path& relative, const std::string& bytes) const {
    fs::create_directories((root / relative).parent_path());
    std::ofstream(root / relative, std::ios::binary) << bytes;
  }
  ino_t inode(const fs::path& relative) const {
    struct stat info {};
    BOOST_REQUIRE(::stat((root / relative).c_str(), &info) == 0);
    return info.st_ino;
  }
  /// Names of entries in the root other than the manifest, e.g. leftover temporary files.
  std::vector<std::string> entries() const {
    std::vector<std::string> names;
    for (const auto& entry : fs::recursive_directory_iterator(root))
      names.push_back(fs::relative(entry.path(), root).generic_string());
    std::sort(names.begin(), names.end());
    return names;
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(output_writer)

BOOST_FIXTURE_TEST_CASE(writes_files_in_nested_folders, OutputFixture) {
  OutputWriter writer(root);
  writer.write("index.html", "<p>home</p>", "pages");
  writer.write("2025/03/11/ml/index.html", "<p>ml</p>", "pages");
  BOOST_TEST(contents("index.html") == "<p>home</p>");
  BOOST_TEST(contents("2025/03/11/ml/index.html") == "<p>ml</p>");
  BOOST_TEST(writer.written() == 2u);
  BOOST_TEST(writer.unchanged() == 0u);
  BOOST_TEST(writer.root() == root);
}

BOOST_FIXTURE_TEST_CASE(leaves_no_temporary_files_behind, OutputFixture) {
  OutputWriter writer(root);
  writer.write("a.html", "a", "pages");
  writer.write("b/c.html", "c", "pages");
  writer.write("a.html.old", "", "pages");
  writer.finish();
  std::vector<std::string> expected = {".digestif-manifest", "a.html", "a.html.old", "b",
                                       "b/c.html"};
  BOOST_TEST(entries() == expected, boost::test_tools::per_element());
}

BOOST_FIXTURE_TEST_CASE(a_build_after_a_killed_one_sweeps_its_temporary_files, OutputFixture) {
  {
    OutputWriter killed(root);
    killed.write("a.html", "a", "pages");
    plant("b/c.html.digestif-tmp-7", "half written");
  }  // no finish(): the build stopped midway
  BOOST_TEST(fs::exists(root / ".digestif-building"));
  OutputWriter next(root);
  BOOST_TEST(!fs::exists(root / "b/c.html.digestif-tmp-7"));
  next.write("a.html", "a", "pages");
  next.finish();
  std::vector<std::string> expected = {".digestif-manifest", "a.html", "b"};
  BOOST_TEST(entries() == expected, boost::test_tools::per_element());
}

BOOST_FIXTURE_TEST_CASE(replaces_a_file_with_new_bytes, OutputFixture) {
  plant("feed.xml", "old");
  OutputWriter writer(root);
  writer.write("feed.xml", "new and longer", "feeds");
  BOOST_TEST(contents("feed.xml") == "new and longer");
  BOOST_TEST(writer.written() == 1u);
}

BOOST_FIXTURE_TEST_CASE(refuses_paths_that_leave_the_root, OutputFixture) {
  OutputWriter writer(root);
  for (const char* path :
       {"../x", "/abs", "a/../../b", "a/./b", "..", "", "a\\..\\b", ".digestif-manifest"}) {
    BOOST_TEST_CONTEXT("path: \"" << path << "\"") {
      try {
        writer.write(path, "evil", "pages");
        BOOST_ERROR("no Error");
      } catch (const Error& error) {
        BOOST_TEST(error.diagnostic().message.find("outside") != std::string::npos);
      }
    }
  }
  BOOST_TEST(!fs::exists(dir.path / "x"));
  BOOST_TEST(!fs::exists(dir.path / "b"));
  BOOST_TEST(!fs::exists("/abs"));
  BOOST_TEST(writer.written() == 0u);
}

BOOST_FIXTURE_TEST_CASE(same_path_twice_is_an_error_naming_both_producers, OutputFixture) {
  OutputWriter writer(root);
  writer.write("tags/ai/index.html", "first", "tags page");
  try {
    writer.write("tags/ai/index.html", "second", "digest /tags/ai/");
    BOOST_FAIL("no Error for a path written twice");
  } catch (const Error& error) {
    const Diagnostic& diagnostic = error.diagnostic();
    BOOST_TEST(diagnostic.file == "tags/ai/index.html");
    BOOST_TEST(diagnostic.message.find("tags page") != std::string::npos);
    BOOST_TEST(diagnostic.message.find("digest /tags/ai/") != std::string::npos);
  }
  BOOST_TEST(contents("tags/ai/index.html") == "first");
}

BOOST_FIXTURE_TEST_CASE(same_file_spelled_twice_is_an_error, OutputFixture) {
  // "a//b.html" and "a/b.html" are one file: a second spelling must not silently replace the
  // first (and be listed twice in the manifest); it is refused.
  OutputWriter writer(root);
  writer.write("tags/ai/index.html", "first", "tags page");
  BOOST_CHECK_THROW(writer.write("tags//ai/index.html", "second", "digest"), Error);
  BOOST_TEST(contents("tags/ai/index.html") == "first");
}

BOOST_FIXTURE_TEST_CASE(unchanged_bytes_are_not_rewritten, OutputFixture) {
  {
    OutputWriter writer(root);
    writer.write("index.html", "same", "pages");
    writer.write("style.css", "body{}", "theme");
    writer.finish();
  }
  ino_t before = inode("index.html");
  auto mtime = fs::last_write_time(root / "index.html");

  OutputWriter writer(root);
  writer.write("index.html", "same", "pages");
  writer.write("style.css", "body{color:red}", "theme");
  BOOST_TEST(writer.unchanged() == 1u);
  BOOST_TEST(writer.written() == 1u);
  BOOST_TEST(inode("index.html") == before);
  BOOST_TEST((fs::last_write_time(root / "index.html") == mtime));
  BOOST_TEST(contents("style.css") == "body{color:red}");
}

BOOST_FIXTURE_TEST_CASE(a_private_folder_is_written_in_place_longer_or_shorter, OutputFixture) {
  {
    OutputWriter writer(root, OutputWriter::Replace::in_place);
    writer.write("tags/ai/index.html", "a page of twenty-one", "pages");  // a new folder
    writer.write("index.html", "home", "pages");
    writer.finish();
  }
  ino_t page = inode("tags/ai/index.html");
  OutputWriter writer(root, OutputWriter::Replace::in_place);
  writer.write("tags/ai/index.html", "shorter", "pages");
  writer.write("index.html", "home, longer now", "pages");
  BOOST_TEST(contents("tags/ai/index.html") == "shorter");
  BOOST_TEST(contents("index.html") == "home, longer now");
  BOOST_TEST(inode("tags/ai/index.html") == page);  // the same file, no rename
  BOOST_TEST(writer.written() == 2u);
  BOOST_TEST((entries() == std::vector<std::string>{".digestif-building", ".digestif-manifest",
                                                    "index.html", "tags", "tags/ai",
                                                    "tags/ai/index.html"}));
}

BOOST_FIXTURE_TEST_CASE(finish_removes_stale_outputs_of_the_previous_build, OutputFixture) {
  {
    OutputWriter writer(root);
    writer.write("index.html", "home", "pages");
    writer.write("2025/01/30/old/index.html", "old", "pages");
    writer.write("tags/gone/index.html", "gone", "tags");
    writer.write("tags/kept/index.html", "kept", "tags");
    writer.finish();
    BOOST_TEST(writer.removed() == 0u);
  }
  plant("CNAME", "example.org");             // the user's own file, never written by digestif
  plant("2025/01/30/notes.txt", "private");  // in a folder digestif also wrote to

  OutputWriter writer(root);
  writer.write("index.html", "home", "pages");
  writer.write("tags/kept/index.html", "kept", "tags");
  writer.finish();
  BOOST_TEST(writer.removed() == 2u);
  BOOST_TEST(!fs::exists(root / "2025/01/30/old/index.html"));
  BOOST_TEST(!fs::exists(root / "tags/gone/index.html"));
  BOOST_TEST(fs::exists(root / "index.html"));
  BOOST_TEST(fs::exists(root / "tags/kept/index.html"));
  BOOST_TEST(contents("CNAME") == "example.org");
  BOOST_TEST(contents("2025/01/30/notes.txt") == "private");
}

BOOST_FIXTURE_TEST_CASE(unclaimed_tells_the_earlier_outputs_not_made_again, OutputFixture) {
  {
    OutputWriter writer(root);
    for (const char* path : {"a.html", "b.html", "c.html"}) writer.write(path, "x", "pages");
    writer.finish();
  }
  OutputWriter writer(root);
  writer.write("a.html", "x", "pages");
  writer.keep("c.html", "pages");
  writer.write("d.html", "x", "pages");
  std::vector<std::string_view> expected = {"b.html"};
  BOOST_TEST(writer.unclaimed() == expected, boost::test_tools::per_element());
  BOOST_TEST(writer.previous_count() == 3u);
  writer.write("b.html", "x", "pages");
  BOOST_TEST(writer.unclaimed().empty());
}

BOOST_FIXTURE_TEST_CASE(a_kept_output_is_untouched_and_not_stale, OutputFixture) {
  {
    OutputWriter writer(root);
    writer.write("index.html", "home", "pages");
    writer.write("feed.xml", "feed", "feeds");
    writer.finish();
  }
  ino_t before = inode("index.html");
  OutputWriter writer(root);
  writer.keep("index.html", "pages");
  writer.write("feed.xml", "feed", "feeds");
  BOOST_CHECK_THROW(writer.keep("index.html", "other"), Error);  // claimed once per build
  BOOST_CHECK_THROW(writer.keep("../outside.html", "pages"), Error);
  writer.finish();
  BOOST_TEST(inode("index.html") == before);
  BOOST_TEST(contents("index.html") == "home");
  BOOST_TEST(writer.kept() == 1u);
  BOOST_TEST(writer.unchanged() == 2u);
  BOOST_TEST(writer.written() == 0u);
  BOOST_TEST(writer.removed() == 0u);
  std::vector<std::string_view> outputs = {"feed.xml", "index.html"};
  std::vector<std::string_view> found = writer.outputs();
  std::sort(found.begin(), found.end());
  BOOST_TEST(found == outputs, boost::test_tools::per_element());
}

BOOST_FIXTURE_TEST_CASE(the_manifest_is_rewritten_only_when_the_outputs_change, OutputFixture) {
  auto build = [&](std::vector<std::string> paths) {
    OutputWriter writer(root);
    for (const std::string& path : paths) writer.write(path, "x", "pages");
    writer.finish();
    return writer.removed();
  };
  build({"index.html", "a/index.html"});
  ino_t manifest = inode(".digestif-manifest");
  build({"a/index.html", "index.html"});  // the same outputs: the manifest stays
  BOOST_TEST(inode(".digestif-manifest") == manifest);
  build({"index.html", "a/index.html", "b/index.html"});  // one more: recorded
  BOOST_TEST(inode(".digestif-manifest") != manifest);
  BOOST_TEST(build({"index.html"}) == 2u);  // a/ and b/ were both known, and are removed
  BOOST_TEST(!fs::exists(root / "b/index.html"));
  BOOST_TEST(entries() == std::vector<std::string>({".digestif-manifest", "index.html"}),
             boost::test_tools::per_element());
}

BOOST_FIXTURE_TEST_CASE(finish_removes_folders_left_empty, OutputFixture) {
  {
    OutputWriter writer(root);
    writer.write("2025/01/30/old/index.html", "old", "pages");
    writer.write("tags/gone/index.html", "gone", "tags");
    writer.write("tags/kept/index.html", "kept", "tags");
    writer.finish();
  }
  OutputWriter writer(root);
  writer.write("tags/kept/index.html", "kept", "tags");
  writer.finish();
  BOOST_TEST(!fs::exists(root / "2025"));
  BOOST_TEST(!fs::exists(root / "tags/gone"));
  BOOST_TEST(fs::exists(root / "tags/kept"));
  BOOST_TEST(fs::exists(root));
}

BOOST_FIXTURE_TEST_CASE(files_never_written_are_left_alone_without_a_manifest, OutputFixture) {
  plant("old/index.html", "someone else's");
  OutputWriter writer(root);
  writer.write("index.html", "home", "pages");
  writer.finish();
  BOOST_TEST(writer.removed() == 0u);
  BOOST_TEST(contents("old/index.html") == "someone else's");
}

BOOST_FIXTURE_TEST_CASE(tampered_manifest_never_deletes_outside_the_root, OutputFixture) {
  std::ofstream(dir.path / "precious.txt") << "keep me";
  plant(".digestif-manifest", "../precious.txt\n/etc/hostname\nsub/../../precious.txt\n");
  OutputWriter writer(root);
  writer.write("index.html", "home", "pages");
  writer.finish();
  BOOST_TEST(writer.removed() == 0u);
  BOOST_TEST(fs::exists(dir.path / "precious.txt"));
}

BOOST_FIXTURE_TEST_CASE(a_second_finish_keeps_what_the_build_wrote, OutputFixture) {
  {
    OutputWriter writer(root);
    writer.write("a.html", "a", "pages");
    writer.finish();
  }
  {
    OutputWriter writer(root);
    writer.write("a.html", "a", "pages");
    writer.finish();
    BOOST_TEST(writer.removed() == 0u);
  }
  BOOST_TEST(contents("a.html") == "a");
}

BOOST_FIXTURE_TEST_CASE(write_file_atomically_creates_folders, OutputFixture) {
  write_file_atomically(root / "x/y/z.txt", "bytes");
  BOOST_TEST(contents("x/y/z.txt") == "bytes");
}

BOOST_FIXTURE_TEST_CASE(write_file_atomically_replaces_a_file_and_leaves_no_other, OutputFixture) {
  plant("page.html", "old bytes, longer than the new");
  write_file_atomically(root / "page.html", "new");
  BOOST_TEST(contents("page.html") == "new");
  BOOST_TEST(entries() == std::vector<std::string>{"page.html"});
}

BOOST_FIXTURE_TEST_CASE(write_file_atomically_never_replaces_a_folder, OutputFixture) {
  plant("page.html/inside.txt", "kept");
  BOOST_CHECK_THROW(write_file_atomically(root / "page.html", "bytes"), Error);
  BOOST_TEST(contents("page.html/inside.txt") == "kept");
  BOOST_TEST(entries() == (std::vector<std::string>{"page.html", "page.html/inside.txt"}));
}

BOOST_AUTO_TEST_CASE(read_file_of_a_missing_file_is_an_error_naming_it) {
  fs::path missing = fs::temp_directory_path() / "digestif-no-such-file.txt";
  try {
    read_file(missing);
    BOOST_FAIL("no Error");
  } catch (const Error& error) {
    BOOST_TEST(error.diagnostic().file == missing.string());
  }
}

BOOST_FIXTURE_TEST_CASE(read_file_reads_every_byte_whatever_size_the_file_tells, OutputFixture) {
  std::string large(100000, 'x');
  large[0] = '\0';  // bytes, not text
  plant("large.bin", large);
  plant("empty.txt", "");
  BOOST_TEST(read_file(root / "large.bin") == large);
  BOOST_TEST(read_file(root / "empty.txt").empty());
  // /proc files tell a size of 0 and hold more.
  BOOST_TEST(read_file("/proc/self/status").find("Name:") != std::string::npos);
  BOOST_CHECK_THROW(read_file(root), Error);  // a folder
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace digestif

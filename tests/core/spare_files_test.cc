// Tests of core/spare_files: atomic replacement over a spare, and the spares kept between runs.
#include "core/spare_files.h"

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "core/output_writer.h"
#include "tests/core/temp_folder.h"

namespace digestif {
namespace {
namespace fs = std::filesystem;

struct SpareFixture {
  testing::TempFolder dir{"digestif-spare-test"};
  fs::path spare_folder = dir.path / "spare";
  fs::path site = dir.path / "site";

  SpareFixture() { fs::create_directories(site); }
  void plant(const fs::path& path, const std::string& bytes) const {
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << bytes;
  }
  /// The bytes of each spare file, sorted.
  std::vector<std::string> spare_bytes() const {
    std::vector<std::string> all;
    for (const auto& entry : fs::directory_iterator(spare_folder))
      if (entry.path().filename() != ".lock") all.push_back(read_file(entry.path()));
    std::sort(all.begin(), all.end());
    return all;
  }
};

BOOST_AUTO_TEST_SUITE(spare_files)

BOOST_FIXTURE_TEST_CASE(a_replaced_file_holds_the_new_bytes_and_becomes_the_spare, SpareFixture) {
  plant(site / "page.html", "the old page, longer than the new one");
  SpareFiles spares(spare_folder);
  BOOST_TEST(spares.replace(site / "page.html", {"new ", "page"}));
  BOOST_TEST(read_file(site / "page.html") == "new page");
  BOOST_TEST(spare_bytes() == std::vector<std::string>{"the old page, longer than the new one"});
  BOOST_TEST(spares.replace(site / "page.html", {"newer"}));  // written over the old bytes
  BOOST_TEST(read_file(site / "page.html") == "newer");
  BOOST_TEST(spare_bytes() == std::vector<std::string>{"new page"});
}

BOOST_FIXTURE_TEST_CASE(a_spare_is_never_cut_shorter_by_a_block, SpareFixture) {
  // Cut shorter, a spare frees blocks, which a disk mounted with `discard` trims while the write
  // waits: a page goes over the largest spare it fills, else over a new one.
  std::string big_old(20000, 'o'), big_new(20000, 'n'), big_newer(19000, 'N');
  plant(site / "big.html", big_old);
  plant(site / "small.html", "small, old");
  SpareFiles spares(spare_folder);
  BOOST_TEST(spares.replace(site / "big.html", {big_new}));
  BOOST_TEST(spares.replace(site / "small.html", {"small"}));  // not over the 20 KB spare
  BOOST_TEST(spare_bytes() == (std::vector<std::string>{big_old, "small, old"}));
  BOOST_TEST(spares.replace(site / "big.html", {big_newer}));  // over the old big page
  BOOST_TEST(spare_bytes() == (std::vector<std::string>{big_new, "small, old"}));
  BOOST_TEST(read_file(site / "big.html") == big_newer);
  BOOST_TEST(read_file(site / "small.html") == "small");
}

BOOST_FIXTURE_TEST_CASE(spares_are_kept_for_the_next_run, SpareFixture) {
  plant(site / "a.html", "a");
  plant(site / "b.html", "b");
  { SpareFiles(spare_folder).replace(site / "a.html", {"A"}); }
  SpareFiles again(spare_folder);
  BOOST_TEST(again.replace(site / "b.html", {"B"}));
  BOOST_TEST(read_file(site / "b.html") == "B");
  BOOST_TEST(spare_bytes() == std::vector<std::string>{"b"});  // the one spare, used again
}

BOOST_FIXTURE_TEST_CASE(a_missing_file_or_a_folder_is_not_replaced, SpareFixture) {
  plant(site / "folder.html/inside.txt", "kept");
  SpareFiles spares(spare_folder);
  BOOST_TEST(!spares.replace(site / "missing.html", {"bytes"}));
  BOOST_TEST(!fs::exists(site / "missing.html"));
  BOOST_TEST(!spares.replace(site / "folder.html", {"bytes"}));
  BOOST_TEST(read_file(site / "folder.html/inside.txt") == "kept");
  for (const auto& entry : fs::directory_iterator(spare_folder))
    BOOST_TEST(!fs::is_directory(entry.path()));
}

BOOST_FIXTURE_TEST_CASE(a_file_with_another_name_elsewhere_is_never_written_over, SpareFixture) {
  plant(site / "page.html", "old");
  fs::create_hard_link(site / "page.html", dir.path / "snapshot.html");  // as `cp -al` makes
  SpareFiles spares(spare_folder);
  BOOST_TEST(spares.replace(site / "page.html", {"new"}));
  BOOST_TEST(spare_bytes().empty());  // the old file is not kept to be written over
  plant(site / "other.html", "other");
  BOOST_TEST(spares.replace(site / "other.html", {"newer"}));
  BOOST_TEST(read_file(dir.path / "snapshot.html") == "old");
  BOOST_TEST(read_file(site / "page.html") == "new");
}

BOOST_FIXTURE_TEST_CASE(one_process_at_a_time_uses_the_folder, SpareFixture) {
  plant(site / "page.html", "old");
  plant(site / "other.html", "other");
  SpareFiles first(spare_folder);
  BOOST_TEST(first.replace(site / "other.html", {"other, new"}));  // it holds the folder now
  SpareFiles second(spare_folder);  // the lock is per open file: another process's, as here
  BOOST_TEST(!second.replace(site / "page.html", {"new"}));
  BOOST_TEST(read_file(site / "page.html") == "old");
  BOOST_TEST(first.replace(site / "page.html", {"new"}));
}

BOOST_FIXTURE_TEST_CASE(a_build_that_replaces_no_file_makes_no_folder, SpareFixture) {
  SpareFiles spares(spare_folder);
  {
    OutputWriter writer(site, OutputWriter::Replace::atomically, &spares);
    writer.write("new.html", "new", "pages");
    writer.finish();
  }
  BOOST_TEST(read_file(site / "new.html") == "new");
  BOOST_TEST(!fs::exists(spare_folder));
}

BOOST_FIXTURE_TEST_CASE(the_output_writer_replaces_pages_through_spares, SpareFixture) {
  plant(site / "page.html", "old");
  SpareFiles spares(spare_folder);
  {
    OutputWriter writer(site, OutputWriter::Replace::atomically, &spares);
    writer.write("page.html", "new", "pages");
    writer.write("fresh.html", "fresh", "pages");
    writer.finish();
  }
  BOOST_TEST(read_file(site / "page.html") == "new");
  BOOST_TEST(read_file(site / "fresh.html") == "fresh");
  BOOST_TEST(spare_bytes() == std::vector<std::string>{"old"});
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace digestif

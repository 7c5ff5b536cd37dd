// Tests of core/spare_file: a cache file replaced through its spare holds the new bytes, keeps
// the version before as the spare, writes the next version over it, and never writes over a
// version a reader still maps.
#include "core/spare_file.h"

#include <sys/stat.h>

#include <boost/test/unit_test.hpp>
#include <fstream>
#include <sstream>
#include <string>

#include "core/mapped_file.h"
#include "tests/core/temp_folder.h"

namespace digestif {
namespace {

namespace fs = std::filesystem;

void replace(const fs::path& path, std::string_view bytes) {
  replace_through_spare(path, {&bytes, 1});
}

std::string contents(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

ino_t inode_of(const fs::path& path) {
  struct stat status {};
  BOOST_REQUIRE(::stat(path.c_str(), &status) == 0);
  return status.st_ino;
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(spare_file, testing::TempFolder)

BOOST_AUTO_TEST_CASE(the_version_before_is_the_spare_and_the_next_is_written_over_it) {
  fs::path file = path / "cache" / "x.index";  // the folder is made when missing
  replace(file, "first, and longer than the others");
  BOOST_TEST(contents(file) == "first, and longer than the others");
  BOOST_TEST(!fs::exists(spare_of(file)));
  ino_t first = inode_of(file);
  replace(file, "second");
  BOOST_TEST(contents(file) == "second");
  BOOST_TEST(contents(spare_of(file)) == "first, and longer than the others");
  BOOST_TEST(inode_of(spare_of(file)) == first);
  replace(file, "third");
  BOOST_TEST(contents(file) == "third");  // cut to its size
  BOOST_TEST(inode_of(file) == first);    // the same file, written over: no new one
  BOOST_TEST(contents(spare_of(file)) == "second");
  BOOST_TEST(spare_of(file).filename() == "x.index.spare");
  BOOST_TEST(is_spare_name("x.index.spare"));
  BOOST_TEST(spared_name("x.index.spare") == "x.index");
}

BOOST_AUTO_TEST_CASE(a_version_a_reader_maps_is_not_written_over) {
  fs::path file = path / "x.products";
  replace(file, "first");
  std::optional<MappedFile> reader = MappedFile::open(file);
  BOOST_REQUIRE(reader.has_value());
  replace(file, "second");  // the first version is the spare now, and mapped
  replace(file, "third");
  BOOST_TEST(reader->bytes() == "first");
  BOOST_TEST(contents(file) == "third");
  BOOST_TEST(contents(spare_of(file)) == "second");
  reader.reset();
  replace(file, "fourth");  // over "second"
  BOOST_TEST(contents(file) == "fourth");
  BOOST_TEST(contents(spare_of(file)) == "third");
}

BOOST_AUTO_TEST_CASE(removing_takes_the_spare_along) {
  fs::path file = path / "x.log";
  replace(file, "first");
  replace(file, "second");
  remove_with_spare(file);
  BOOST_TEST(!fs::exists(file));
  BOOST_TEST(!fs::exists(spare_of(file)));
  remove_with_spare(file);  // nothing there: no error
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace digestif

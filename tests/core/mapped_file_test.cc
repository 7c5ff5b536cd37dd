// Tests of core/mapped_file: a file's bytes as they were when mapped, a missing file, an empty
// one, and a mapping that outlives its file being replaced by a rename and deleted.
#include "core/mapped_file.h"

#include <boost/test/unit_test.hpp>
#include <fstream>
#include <string>

#include "tests/core/temp_folder.h"

namespace digestif {
namespace {

namespace fs = std::filesystem;

struct MappedFileFixture {
  fs::path folder = fs::temp_directory_path() /
                    ("digestif-mapped-test-" + std::to_string(std::random_device()()));
  MappedFileFixture() { fs::create_directories(folder); }
  ~MappedFileFixture() {
    std::error_code ec;
    fs::remove_all(folder, ec);
  }
  fs::path write(const std::string& name, const std::string& bytes) const {
    std::ofstream(folder / name, std::ios::binary) << bytes;
    return folder / name;
  }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(mapped_file, MappedFileFixture)

BOOST_AUTO_TEST_CASE(maps_the_whole_file) {
  std::string bytes(100000, 'x');
  bytes += std::string("\0end", 4);
  std::optional<MappedFile> mapped = MappedFile::open(write("a.bin", bytes));
  BOOST_REQUIRE(mapped.has_value());
  BOOST_TEST(mapped->bytes() == bytes);
}

BOOST_AUTO_TEST_CASE(a_missing_file_is_nullopt_and_an_empty_one_has_no_bytes) {
  BOOST_TEST(!MappedFile::open(folder / "missing.bin").has_value());
  std::optional<MappedFile> empty = MappedFile::open(write("empty.bin", ""));
  BOOST_REQUIRE(empty.has_value());
  BOOST_TEST(empty->bytes().empty());
}

BOOST_AUTO_TEST_CASE(a_copy_keeps_the_bytes_after_the_file_is_replaced_and_deleted) {
  fs::path file = write("cache.bin", "first version");
  MappedFile copy = *MappedFile::open(file);
  fs::rename(write("next.bin", "second version, longer"), file);
  BOOST_TEST(copy.bytes() == "first version");
  BOOST_TEST(MappedFile::open(file)->bytes() == "second version, longer");
  fs::remove(file);
  BOOST_TEST(copy.bytes() == "first version");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace digestif

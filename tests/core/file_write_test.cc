// Tests of core/file_write: many pieces, empty ones among them, land in the file in order.
#include "core/file_write.h"

#include <fcntl.h>
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "tests/core/temp_folder.h"

namespace digestif {
namespace {

std::string contents(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

BOOST_AUTO_TEST_SUITE(file_write)

BOOST_AUTO_TEST_CASE(thousands_of_pieces_are_written_in_order) {
  testing::TempFolder folder("digestif-file-write-test");
  std::vector<std::string> texts;
  std::string expected;
  for (int i = 0; i < 5000; ++i) {  // more than one system call takes (IOV_MAX)
    texts.push_back(i % 7 == 0 ? std::string() : "piece " + std::to_string(i) + ";");
    expected += texts.back();
  }
  std::vector<std::string_view> pieces(texts.begin(), texts.end());
  std::filesystem::path file = folder.path / "pieces";
  int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  BOOST_REQUIRE(fd >= 0);
  BOOST_TEST(write_pieces(fd, pieces));
  ::close(fd);
  BOOST_TEST(contents(file) == expected);
}

BOOST_AUTO_TEST_CASE(a_file_that_refuses_them_is_false) {
  std::vector<std::string_view> pieces{"a", "b"};
  BOOST_TEST(!write_pieces(-1, pieces));
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace digestif

// Tests of core/key_positions: every key found at its position, and only whole ones.
#include "core/key_positions.h"

#include <boost/test/unit_test.hpp>
#include <string>

namespace digestif {

BOOST_AUTO_TEST_SUITE(key_positions)

BOOST_AUTO_TEST_CASE(finds_each_of_many_at_its_position_and_nothing_else) {
  KeyPositions index;
  for (std::size_t i = 0; i < 5000; ++i)  // grows from empty, without reserve()
    BOOST_TEST(index.emplace("/digests/" + std::to_string(i) + "/", i).second);
  BOOST_TEST(index.size() == 5000u);
  for (std::size_t i = 0; i < 5000; ++i)
    BOOST_TEST(index.find("/digests/" + std::to_string(i) + "/") == i);
  BOOST_TEST(index.find("/digests/5000/") == KeyPositions::npos);
  BOOST_TEST(index.find("") == KeyPositions::npos);
}

BOOST_AUTO_TEST_CASE(a_prefix_or_an_extension_of_a_permalink_is_not_it) {
  KeyPositions index;
  index.reserve(2);
  index.emplace("/a/b/", 0);
  index.emplace("/c/", 1);
  BOOST_TEST(index.find("/a/") == KeyPositions::npos);
  BOOST_TEST(index.find("/a/b/c/") == KeyPositions::npos);
  BOOST_TEST(index.find("/a/b") == KeyPositions::npos);
  BOOST_TEST(index.find("/a/b/") == 0u);
}

BOOST_AUTO_TEST_CASE(the_first_keeps_a_permalink_and_moving_it_changes_only_its_position) {
  KeyPositions index;
  BOOST_TEST(index.emplace("/x/", 7).first == 7u);
  auto [first, added] = index.emplace("/x/", 9);
  BOOST_TEST(!added);
  BOOST_TEST(first == 7u);
  index.emplace("/y/", 8);
  index.move("/x/", 0);
  BOOST_TEST(index.find("/x/") == 0u);
  BOOST_TEST(index.find("/y/") == 8u);
  BOOST_TEST(index.size() == 2u);
}

BOOST_AUTO_TEST_CASE(an_empty_index_finds_nothing) {
  KeyPositions index;
  BOOST_TEST(index.empty());
  BOOST_TEST(index.find("/x/") == KeyPositions::npos);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace digestif

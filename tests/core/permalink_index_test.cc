// Tests of core/permalink_index: every permalink found at its position, and only whole ones.
#include "core/permalink_index.h"

#include <boost/test/unit_test.hpp>
#include <string>

namespace digestif {

BOOST_AUTO_TEST_SUITE(permalink_index)

BOOST_AUTO_TEST_CASE(finds_each_of_many_at_its_position_and_nothing_else) {
  PermalinkIndex index;
  for (std::size_t i = 0; i < 5000; ++i)  // grows from empty, without reserve()
    BOOST_TEST(index.emplace("/digests/" + std::to_string(i) + "/", i).second);
  BOOST_TEST(index.size() == 5000u);
  for (std::size_t i = 0; i < 5000; ++i)
    BOOST_TEST(index.find("/digests/" + std::to_string(i) + "/") == i);
  BOOST_TEST(index.find("/digests/5000/") == PermalinkIndex::npos);
  BOOST_TEST(index.find("") == PermalinkIndex::npos);
}

BOOST_AUTO_TEST_CASE(a_prefix_or_an_extension_of_a_permalink_is_not_it) {
  PermalinkIndex index;
  index.reserve(2);
  index.emplace("/a/b/", 0);
  index.emplace("/c/", 1);
  BOOST_TEST(index.find("/a/") == PermalinkIndex::npos);
  BOOST_TEST(index.find("/a/b/c/") == PermalinkIndex::npos);
  BOOST_TEST(index.find("/a/b") == PermalinkIndex::npos);
  BOOST_TEST(index.find("/a/b/") == 0u);
}

BOOST_AUTO_TEST_CASE(the_first_keeps_a_permalink_and_moving_it_changes_only_its_position) {
  PermalinkIndex index;
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
  PermalinkIndex index;
  BOOST_TEST(index.empty());
  BOOST_TEST(index.find("/x/") == PermalinkIndex::npos);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace digestif

// Tests of core/build_memory: documents kept by one build and taken by the next.
#include "core/build_memory.h"

#include <boost/test/unit_test.hpp>
#include <string>

namespace digestif {
namespace {

CachedDocument made(const std::string& version, const std::string& title) {
  CachedDocument entry;
  entry.version = version;
  entry.document.title = title;
  return entry;
}

/// The title of what take() gives for `origin` at `version`, or "(none)".
std::string taken(BuildMemory& memory, const std::string& origin, const std::string& version,
                  const std::string& setup = "setup") {
  std::optional<CachedDocument> entry = memory.take(setup, origin, version);
  return entry ? entry->document.title : "(none)";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(build_memory)

BOOST_AUTO_TEST_CASE(documents_are_taken_once_at_the_version_they_were_kept) {
  BuildMemory memory;
  memory.reset("setup", "site");
  memory.keep("a.md", made("1", "A"));
  memory.keep("b.md", made("1", "B"));
  memory.keep("c.md", made("1", "C"));
  BOOST_TEST(taken(memory, "b.md", "2") == "(none)");  // edited since
  BOOST_TEST(taken(memory, "a.md", "1", "other setup") == "(none)");
  BOOST_TEST(taken(memory, "c.md", "1") == "C");  // out of order
  BOOST_TEST(taken(memory, "a.md", "1") == "A");
  BOOST_TEST(taken(memory, "a.md", "1") == "(none)");  // already taken
  BOOST_TEST(taken(memory, "b.md", "1") == "B");
  BOOST_TEST(taken(memory, "d.md", "1") == "(none)");
}

BOOST_AUTO_TEST_CASE(documents_kept_out_of_order_or_twice_are_found_and_the_last_counts) {
  BuildMemory memory;
  memory.reset("setup", "site");
  memory.keep("c.md", made("1", "C"));
  memory.keep("a.md", made("1", "A"));
  memory.keep("c.md", made("2", "C2"));
  memory.keep("b.md", made("1", "B"));
  BOOST_TEST(taken(memory, "a.md", "1") == "A");
  BOOST_TEST(taken(memory, "b.md", "1") == "B");
  BOOST_TEST(taken(memory, "c.md", "1") == "(none)");
  BOOST_TEST(taken(memory, "c.md", "2") == "C2");
}

BOOST_AUTO_TEST_CASE(a_reset_forgets_the_documents) {
  BuildMemory memory;
  memory.reset("setup", "site");
  memory.keep("a.md", made("1", "A"));
  memory.reset("setup", "site");
  BOOST_TEST(taken(memory, "a.md", "1") == "(none)");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace digestif

// Tests of core/build_memory: documents kept by one build and taken by the next.
#include "core/build_memory.h"

#include <boost/test/unit_test.hpp>
#include <initializer_list>
#include <memory>
#include <string>

namespace digestif {
namespace {

struct Kept {
  std::string origin, version, title;
};

/// A memory that a build under "setup" left these documents in, in this order.
std::unique_ptr<BuildMemory> memory_of(std::initializer_list<Kept> documents) {
  auto memory = std::make_unique<BuildMemory>();
  memory->reset("setup", "site");
  for (const Kept& kept : documents) {
    CachedDocument entry;
    entry.version = kept.version;
    entry.document.title = kept.title;
    memory->keep(kept.origin, std::move(entry));
  }
  return memory;
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
  auto kept = memory_of({{"a.md", "1", "A"}, {"b.md", "1", "B"}, {"c.md", "1", "C"}});
  BuildMemory& memory = *kept;
  BOOST_TEST(taken(memory, "b.md", "2") == "(none)");  // edited since
  BOOST_TEST(taken(memory, "a.md", "1", "other setup") == "(none)");
  BOOST_TEST(taken(memory, "c.md", "1") == "C");  // out of order
  BOOST_TEST(taken(memory, "a.md", "1") == "A");
  BOOST_TEST(taken(memory, "a.md", "1") == "(none)");  // already taken
  BOOST_TEST(taken(memory, "b.md", "1") == "B");
  BOOST_TEST(taken(memory, "d.md", "1") == "(none)");
}

BOOST_AUTO_TEST_CASE(documents_kept_out_of_order_or_twice_are_found_and_the_last_counts) {
  auto kept =
      memory_of({{"c.md", "1", "C"}, {"a.md", "1", "A"}, {"c.md", "2", "C2"}, {"b.md", "1", "B"}});
  BuildMemory& memory = *kept;
  BOOST_TEST(taken(memory, "a.md", "1") == "A");
  BOOST_TEST(taken(memory, "b.md", "1") == "B");
  BOOST_TEST(taken(memory, "c.md", "1") == "(none)");
  BOOST_TEST(taken(memory, "c.md", "2") == "C2");
}

BOOST_AUTO_TEST_CASE(a_reset_forgets_the_documents) {
  auto kept = memory_of({{"a.md", "1", "A"}});
  BuildMemory& memory = *kept;
  memory.reset("setup", "site");
  BOOST_TEST(taken(memory, "a.md", "1") == "(none)");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace digestif

// Tests of core/build_memory: documents kept by one build and taken by the next.
#include "core/build_memory.h"

#include <boost/test/unit_test.hpp>
#include <initializer_list>
#include <memory>
#include <string>

#include "tests/core/temp_folder.h"

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

/// A cache in `folder` under "setup" with `origin` at version "1" written to its journal.
std::unique_ptr<DocumentCache> cache_with(const std::filesystem::path& folder,
                                          const std::string& origin) {
  auto cache = std::make_unique<DocumentCache>(folder, "setup");
  Document document;
  document.title = origin;
  cache->write(origin, "1", document, {});
  return cache;
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

BOOST_AUTO_TEST_CASE(a_kept_cache_is_indexed_once_when_the_memory_is_saved) {
  testing::TempFolder folder("digestif-memory-cache");
  BuildMemory memory;
  memory.keep_cache(cache_with(folder.path, "a.md"), {{"a.md", "1"}});
  BOOST_TEST(!DocumentCache(folder.path, "setup").has("a.md", "1"));  // not indexed yet
  std::unique_ptr<DocumentCache> taken = memory.take_cache(folder.path, "setup");
  BOOST_REQUIRE(taken != nullptr);
  BOOST_TEST(memory.take_cache(folder.path, "setup") == nullptr);  // taken once
  Document b;
  taken->write("b.md", "1", b, {});  // the next build appends to the same journal
  memory.keep_cache(std::move(taken), {{"a.md", "1"}, {"b.md", "1"}});
  memory.save();
  DocumentCache next(folder.path, "setup");
  BOOST_TEST(next.has("a.md", "1"));
  BOOST_TEST(next.has("b.md", "1"));
  BOOST_TEST(memory.take_cache(folder.path, "setup") == nullptr);  // saved: let go
}

BOOST_AUTO_TEST_CASE(a_cache_kept_under_another_setup_is_indexed_before_it_goes) {
  testing::TempFolder folder("digestif-memory-cache");
  BuildMemory memory;
  memory.keep_cache(cache_with(folder.path, "a.md"), {{"a.md", "1"}});
  BOOST_TEST(memory.take_cache(folder.path, "other setup") == nullptr);
  BOOST_TEST(DocumentCache(folder.path, "setup").has("a.md", "1"));
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace digestif

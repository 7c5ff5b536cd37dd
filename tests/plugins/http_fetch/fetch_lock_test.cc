// Tests of the fetch lock: round trip through its file, comparison and merging.
#include "plugins/http_fetch/fetch_lock.h"

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <random>

namespace digestif::plugins::http_fetch {
namespace {
namespace fs = std::filesystem;

FetchLock sample() {
  FetchLock lock;
  lock["https://b.example/x.md"] = {"http_source", "\"v2\"", "", "sha256:bb", 1700000100};
  lock["https://a.example/y.md"] = {"http_source", "", "Wed, 21 Oct 2015 07:28:00 GMT", "sha256:aa",
                                    1700000000};
  lock["https://www.reddit.com/r/x/comments/1/s.json"] = {"reddit_source", "", "", "sha256:cc",
                                                          1700000200};
  return lock;
}

BOOST_AUTO_TEST_SUITE(fetch_lock)

BOOST_AUTO_TEST_CASE(a_lock_survives_its_file) {
  fs::path file = fs::temp_directory_path() /
                  ("digestif-lock-test-" + std::to_string(std::random_device()()) + "/fetch.lock");
  write_lock(file, sample());
  BOOST_TEST((read_lock(file) == sample()));
  std::string text = lock_text(sample());
  BOOST_TEST(text.find("\"url\": \"https://a.example/y.md\"") <
             text.find("\"url\": \"https://b.example/x.md\""));
  BOOST_TEST(text.find("\"hash\": \"sha256:bb\"") != std::string::npos);
  BOOST_TEST(text.find("\"etag\": \"\\\"v2\\\"\"") != std::string::npos);
  fs::remove_all(file.parent_path());
}

BOOST_AUTO_TEST_CASE(a_missing_or_broken_lock_is_empty) {
  BOOST_TEST(read_lock("/nonexistent/fetch.lock").empty());
  BOOST_TEST(parse_lock("{not json").empty());
  BOOST_TEST(parse_lock("[1, 2]").empty());
  BOOST_TEST(parse_lock(R"({"sources": [{"etag": "x"}, {"url": "u", "hash": "h"}]})").size() == 1);
}

BOOST_AUTO_TEST_CASE(changed_urls_are_the_new_and_the_different) {
  FetchLock previous = sample();
  FetchLock current = sample();
  current["https://b.example/x.md"].hash = "sha256:b2";
  current["https://c.example/new.md"] = {"http_source", "", "", "sha256:dd", 1};
  current["https://a.example/y.md"].fetched = 1800000000;  // refetched, same bytes
  auto changed = changed_urls(previous, current);
  BOOST_TEST(changed.size() == 2u);
  BOOST_TEST(changed[0] == "https://b.example/x.md");
  BOOST_TEST(changed[1] == "https://c.example/new.md");
}

BOOST_AUTO_TEST_CASE(merging_replaces_only_the_plugins_own_entries) {
  FetchLock current;
  current["https://a.example/y.md"] = {"http_source", "", "", "sha256:a2", 5};
  // b.example is no longer listed: dropped; the reddit entry belongs to another plugin: kept.
  FetchLock merged = merged_lock(sample(), current, "http_source", {"https://a.example/y.md"});
  BOOST_TEST(merged.size() == 2u);
  BOOST_TEST(merged.at("https://a.example/y.md").hash == "sha256:a2");
  BOOST_TEST(merged.count("https://www.reddit.com/r/x/comments/1/s.json") == 1u);
  // Listed but not fetched this time (the server was down): the last entry is kept.
  merged = merged_lock(sample(), {}, "http_source", {"https://b.example/x.md"});
  BOOST_TEST(merged.at("https://b.example/x.md").hash == "sha256:bb");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace digestif::plugins::http_fetch

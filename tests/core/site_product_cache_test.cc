// Tests of core/site_product_cache: an analyzer's products come back only for the same inputs,
// its memo always (unless not asked for with the products), and a damaged or foreign file is
// no error but nothing.
#include "core/site_product_cache.h"

#include <boost/test/unit_test.hpp>
#include <chrono>
#include <fstream>
#include <set>
#include <thread>
#include <utility>

#include "core/fingerprint.h"
#include "tests/core/temp_folder.h"

namespace digestif {
namespace {

namespace fs = std::filesystem;

struct CacheFixture {
  testing::TempFolder temp{"digestif-products-test"};
  fs::path folder = temp.path / "site";
  SiteProductCache cache{folder, "setup 1"};
  Value tags = Value::Object{{"ai", 3}};
  CacheFixture() {
    cache.write("tags", "inputs 1", "the memo", {{"tags", &tags}},
                {{Severity::warning, "a.md", 2, "a warning"}});
  }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(site_product_cache, CacheFixture)

BOOST_AUTO_TEST_CASE(products_and_memo_for_the_same_inputs) {
  std::optional<SavedAnalysis> saved = cache.read("tags", "inputs 1");
  BOOST_REQUIRE(saved && saved->products);
  BOOST_TEST(saved->memo.view == "the memo");
  BOOST_REQUIRE_EQUAL(saved->products->products.size(), 1u);
  BOOST_TEST(saved->products->products[0].first == "tags");
  BOOST_TEST((saved->products->products[0].second == tags));
  BOOST_REQUIRE_EQUAL(saved->products->diagnostics.size(), 1u);
  BOOST_TEST(saved->products->diagnostics[0].message == "a warning");
  std::optional<SavedAnalysis> without_memo = cache.read("tags", "inputs 1", false);
  BOOST_REQUIRE(without_memo && without_memo->products);
  BOOST_TEST(without_memo->memo.view.empty());
}

BOOST_AUTO_TEST_CASE(only_the_memo_for_other_inputs) {
  for (bool memo_with_products : {true, false}) {
    std::optional<SavedAnalysis> saved = cache.read("tags", "inputs 2", memo_with_products);
    BOOST_REQUIRE(saved.has_value());
    BOOST_TEST(!saved->products.has_value());
    BOOST_TEST(saved->memo.view == "the memo");
  }
  BOOST_TEST(!cache.read("tags", "")->products.has_value());  // unknown inputs
}

BOOST_AUTO_TEST_CASE(nothing_from_another_setup_a_missing_or_a_damaged_file) {
  BOOST_TEST(!SiteProductCache(folder, "setup 2").read("tags", "inputs 1").has_value());
  BOOST_TEST(!cache.read("related", "inputs 1").has_value());
  fs::path file = *fs::directory_iterator(folder);
  fs::resize_file(file, fs::file_size(file) - 3);
  BOOST_TEST(!cache.read("tags", "inputs 1").has_value());
  std::ofstream(file, std::ios::trunc) << "";
  BOOST_TEST(!cache.read("tags", "inputs 1").has_value());
}

/// A product as related leaves one: a large list for each of many documents, each sealed.
Value lists_of(int documents, int changed) {
  Value lists = Value::object();
  for (int d = 0; d < documents; ++d) {
    Value list = Value::array();
    for (int i = 0; i < 8; ++i)
      list.push_back(Value::Object{{"permalink", "/2026/01/0" + std::to_string(i) + "/post/"},
                                   {"score", d == changed ? -i : i}});
    std::uint64_t hash = Fingerprint::of(list);
    lists["/2026/02/" + std::to_string(d) + "/"] = Value::sealed(std::move(list), hash);
  }
  return lists;
}

BOOST_AUTO_TEST_CASE(products_read_back_are_written_again_without_being_decoded) {
  Value first = lists_of(50, -1);
  cache.write("related", "inputs 1", "memo", {{"related", &first}}, {});
  Value read = cache.read("related", "inputs 1")->products->products[0].second;
  Value next = lists_of(50, 7);  // one list changed
  for (const auto& [key, list] : std::as_const(read).as_object())
    if (key.str() != "/2026/02/7/") next[key.str()] = list;
  BOOST_TEST(next.find("/2026/02/3/")->is_pending());
  cache.write("related", "inputs 2", "memo", {{"related", &next}}, {});
  BOOST_TEST(next.find("/2026/02/3/")->is_pending());  // copied as it was, not read
  Value again = cache.read("related", "inputs 2")->products->products[0].second;
  BOOST_TEST((again == lists_of(50, 7)));
}

BOOST_AUTO_TEST_CASE(the_last_other_setups_analysis_is_kept_beside_this_ones) {
  SiteProductCache serve(folder, "setup 2"), later(folder, "setup 3");
  auto tick = [] { std::this_thread::sleep_for(std::chrono::milliseconds(20)); };  // newer files
  tick();
  serve.write("tags", "inputs 2", "serve's memo", {{"tags", &tags}}, {});
  tick();
  BOOST_TEST(cache.read("tags", "inputs 1")->memo.view == "the memo");  // build's, after serve's
  BOOST_TEST(serve.read("tags", "inputs 2")->memo.view == "serve's memo");
  cache.write("tags", "inputs 1", "the memo, again", {{"tags", &tags}}, {});
  tick();
  later.write("tags", "inputs 3", "a third", {{"tags", &tags}}, {});  // setup 2's goes
  BOOST_TEST(!serve.read("tags", "inputs 2").has_value());
  BOOST_TEST(cache.read("tags", "inputs 1")->memo.view == "the memo, again");
  BOOST_TEST(later.read("tags", "inputs 3")->memo.view == "a third");
  std::set<std::string> files, spares;  // setup 1's (written twice: with a spare), setup 3's
  for (const auto& entry : fs::directory_iterator(folder)) {
    std::string name = entry.path().filename().string();
    (name.ends_with(".spare") ? spares : files).insert(name);
  }
  BOOST_TEST(files.size() == 2u);
  BOOST_REQUIRE_EQUAL(spares.size(), 1u);
  BOOST_TEST(files.count(spares.begin()->substr(0, spares.begin()->size() - 6)) == 1u);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace digestif

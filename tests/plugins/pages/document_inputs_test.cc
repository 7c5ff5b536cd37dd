// Tests of pages' document_inputs() and entry_inputs(): a document page's (or list entry's)
// fingerprint changes with what it shows of the site products, and only with that; and the
// related documents a page shows.
#include <boost/test/unit_test.hpp>
#include <chrono>
#include <functional>
#include <map>
#include <string>

#include "plugins/pages/page_model.h"

namespace digestif::plugins::pages {
namespace {

struct InputsFixture {
  SiteConfig config;
  Document a, b;
  Site site{config, BuildOptions{}};

  InputsFixture() {
    config.base_url = "https://e.org/";
    for (Document* document : {&a, &b}) site.documents.push_back(document);
    a.permalink = "/a/";
    b.permalink = "/b/";
    a.fingerprint = "fa";
    b.fingerprint = "fb";
    for (const char* product : {"document_tags", "thread_index", "related", "review_links"})
      site.data[product] = Value::Object{{"/a/", Value::array()}, {"/b/", Value::array()}};
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(document_inputs_of_pages)

BOOST_FIXTURE_TEST_CASE(each_product_entry_of_the_document_counts, InputsFixture) {
  for (const char* product : {"document_tags", "thread_index", "related", "review_links"}) {
    std::string before = document_inputs(a, site), other = document_inputs(b, site);
    site.data[product]["/a/"].push_back(Value(product));
    BOOST_TEST(document_inputs(a, site) != before, product);
    BOOST_TEST(document_inputs(b, site) == other, product);  // b's page shows none of it
  }
}

BOOST_FIXTURE_TEST_CASE(the_document_and_the_site_settings_count, InputsFixture) {
  std::string before = document_inputs(a, site);
  a.fingerprint = "fa2";
  BOOST_TEST(document_inputs(a, site) != before);
  a.fingerprint = "fa";
  config.title = "Renamed";
  BOOST_TEST(document_inputs(a, site) != before);
}

BOOST_FIXTURE_TEST_CASE(what_the_page_shows_of_a_related_document_counts, InputsFixture) {
  site.data["related"]["/a/"].push_back(Value::Object{{"permalink", "/b/"}, {"score", 0.5}});
  std::string before = document_inputs(a, site);
  b.title = "Renamed";  // shown in a's related list, though b's own fingerprint is kept
  BOOST_TEST(document_inputs(a, site) != before);
  before = document_inputs(a, site);
  b.data["heading"] = "r/ml, 1 May";
  BOOST_TEST(document_inputs(a, site) != before);
  before = document_inputs(a, site);
  b.date += std::chrono::hours(24);
  BOOST_TEST(document_inputs(a, site) != before);
}

BOOST_FIXTURE_TEST_CASE(a_related_document_is_shown_from_the_document_itself, InputsFixture) {
  b.title = "B";
  b.data["heading"] = "r/ml, 1 May 2025";
  b.date = Timestamp{std::chrono::sys_days{std::chrono::year{2025} / 5 / 1}};
  site.data["related"]["/a/"] =
      Value::Array{Value::Object{{"permalink", "/b/"}, {"score", 0.25}, {"percent", 25}},
                   Value::Object{{"permalink", "/unpublished/"}, {"score", 0.2}, {"percent", 20}}};
  Value page = document_value(a, site);
  BOOST_TEST(page.find("has_related")->as_bool());
  const Value::Array& related = page.find("related")->as_array();
  BOOST_REQUIRE_EQUAL(related.size(), 1u);  // a document no longer published is left out
  BOOST_TEST(related[0].get_string("heading") == "r/ml, 1 May 2025");
  BOOST_TEST(related[0].get_string("url") == "/b/");
  BOOST_TEST(related[0].get_string("date") == "2025-05-01");
  BOOST_TEST(related[0].find("percent")->as_int() == 25);
}

BOOST_FIXTURE_TEST_CASE(a_list_entry_counts_what_it_shows_only, InputsFixture) {
  std::int64_t before = entry_inputs(a, site), other = entry_inputs(b, site);
  site.data["related"]["/a/"].push_back(Value("x"));  // a list entry does not show it
  a.fingerprint = "fa2";                              // nor the rest of the document
  a.data["word_count"] = 1234;
  BOOST_TEST(entry_inputs(a, site) == before);
  site.data["document_tags"]["/a/"].push_back(Value("tag"));
  BOOST_TEST(entry_inputs(a, site) != before);
  BOOST_TEST(entry_inputs(b, site) == other);
  std::map<std::string, std::function<void()>> shown = {
      {"description", [&] { a.description = "Another description"; }},
      {"title", [&] { a.title = "Another title"; }},
      {"date", [&] { a.date += std::chrono::hours(24); }},
      {"top thread",
       [&] {
         a.data["top_thread"] = Value::Object{{"title", "Another"}};
       }},
      {"thread count", [&] { a.data["thread_count"] = 99; }},
      {"section", [&] { a.data["section"] = "r/other"; }}};
  for (const auto& [what, change] : shown) {
    before = entry_inputs(a, site);
    change();
    BOOST_TEST(entry_inputs(a, site) != before, what);
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace digestif::plugins::pages

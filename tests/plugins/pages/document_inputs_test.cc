// Tests of pages' document_inputs() and entry_inputs(): a document page's (or list entry's)
// fingerprint changes with what it shows of the site products, and only with that.
#include <boost/test/unit_test.hpp>

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

BOOST_FIXTURE_TEST_CASE(a_list_entry_counts_its_document_and_tags_only, InputsFixture) {
  std::string before = entry_inputs(a, site), other = entry_inputs(b, site);
  site.data["related"]["/a/"].push_back(Value("x"));  // a list entry does not show it
  BOOST_TEST(entry_inputs(a, site) == before);
  site.data["document_tags"]["/a/"].push_back(Value("tag"));
  BOOST_TEST(entry_inputs(a, site) != before);
  BOOST_TEST(entry_inputs(b, site) == other);
  before = entry_inputs(a, site);
  a.fingerprint = "fa2";
  BOOST_TEST(entry_inputs(a, site) != before);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace digestif::plugins::pages

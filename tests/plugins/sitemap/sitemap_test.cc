// Tests of the sitemap plugin: planned output, listed pages, absolute URLs and lastmod dates.
#include <tinyxml2.h>

#include <boost/test/unit_test.hpp>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/diagnostic_sink.h"
#include "core/plugin_context.h"
#include "core/site.h"
#include "plugins/sitemap/sitemap_renderer.h"

namespace digestif::plugins::sitemap {
namespace {

using Strings = std::vector<std::string>;

Document make_document(const std::string& title, const std::string& date,
                       const std::string& permalink) {
  Document document;
  document.kind = "digest";
  document.title = title;
  document.date = *parse_date(date);
  document.permalink = permalink;
  document.html = "<p>" + title + "</p>";
  return document;
}

Value site_tag(const std::string& name, const std::string& slug,
               std::vector<std::string> permalinks) {
  Value tag = Value::object();
  tag["name"] = name;
  tag["slug"] = slug;
  tag["url"] = "/blog/tags/" + slug + "/";
  tag["path"] = "tags/" + slug + "/";
  tag["count"] = static_cast<int>(permalinks.size());
  tag["documents"] = Value::array();
  for (const std::string& permalink : permalinks) tag["documents"].push_back(permalink);
  return tag;
}

/// A site at https://example.org/blog/ with three documents, newest first, and two tags.
struct SiteFixture {
  SiteConfig config;
  BuildOptions build;
  DiagnosticSink sink;
  std::vector<Document> documents;
  Site site{config, build};
  SitemapRenderer renderer{PluginContext("sitemap", Value::object(), config, build, sink, 0)};

  SiteFixture() {
    config.title = "ML Digests";
    config.base_url = "https://example.org/blog/";
    documents.push_back(
        make_document("Tom & Jerry <script>", "2025-06-06 23:30", "/2025/06/06/tom/"));
    documents.push_back(make_document("March", "2025-03-11", "/2025/03/11/march/"));
    documents.push_back(make_document("January", "2025-01-30", "/2025/01/30/january/"));
    for (Document& document : documents) site.documents.push_back(&document);
    site.data["tags"] = Value::array();
    site.data["tags"].push_back(site_tag("AI", "ai", {"/2025/06/06/tom/", "/2025/03/11/march/"}));
    site.data["tags"].push_back(site_tag("R&D", "r-d", {"/2025/01/30/january/"}));
  }

  std::string render() const {
    std::vector<PlannedOutput> outputs = renderer.plan(site);
    BOOST_REQUIRE_EQUAL(outputs.size(), 1u);
    return renderer.render(outputs[0], site);
  }
};

/// The (loc, lastmod) of every <url> in `xml`, which must be a well-formed sitemaps.org urlset.
std::vector<std::pair<std::string, std::string>> parse_urls(const std::string& xml) {
  tinyxml2::XMLDocument document;
  BOOST_REQUIRE_EQUAL(document.Parse(xml.c_str()), tinyxml2::XML_SUCCESS);
  const tinyxml2::XMLElement* urlset = document.RootElement();
  BOOST_REQUIRE(std::string(urlset->Name()) == "urlset");
  BOOST_REQUIRE(std::string(urlset->Attribute("xmlns")) == kSitemapNamespace);
  std::vector<std::pair<std::string, std::string>> urls;
  for (auto* url = urlset->FirstChildElement("url"); url; url = url->NextSiblingElement("url")) {
    const tinyxml2::XMLElement* loc = url->FirstChildElement("loc");
    const tinyxml2::XMLElement* lastmod = url->FirstChildElement("lastmod");
    BOOST_REQUIRE(loc != nullptr && loc->GetText() != nullptr);
    urls.emplace_back(loc->GetText(), lastmod == nullptr ? "" : lastmod->GetText());
  }
  return urls;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(sitemap)

BOOST_FIXTURE_TEST_CASE(info_and_plan, SiteFixture) {
  PartInfo info = renderer.info();
  BOOST_TEST(info.name == "sitemap");
  BOOST_TEST((info.stage == Stage::render));
  BOOST_TEST(info.needs.empty());
  BOOST_TEST(info.wants == (Strings{"site.tags", "site.sections", "site.threads"}),
             boost::test_tools::per_element());
  BOOST_TEST(info.produces == (Strings{"output.sitemap"}), boost::test_tools::per_element());
  BOOST_TEST(!renderer.renders_documents());
  std::vector<PlannedOutput> outputs = renderer.plan(site);
  BOOST_REQUIRE_EQUAL(outputs.size(), 1u);
  BOOST_TEST(outputs[0].path == "sitemap.xml");
}

BOOST_FIXTURE_TEST_CASE(lists_every_page_with_absolute_urls, SiteFixture) {
  auto urls = parse_urls(render());
  std::vector<std::pair<std::string, std::string>> expected = {
      {"https://example.org/blog/", ""},
      {"https://example.org/blog/2025/06/06/tom/", "2025-06-06"},
      {"https://example.org/blog/2025/03/11/march/", "2025-03-11"},
      {"https://example.org/blog/2025/01/30/january/", "2025-01-30"},
      {"https://example.org/blog/tags/", ""},
      {"https://example.org/blog/tags/ai/", ""},
      {"https://example.org/blog/tags/r-d/", ""},
      {"https://example.org/blog/archive/", ""}};
  BOOST_REQUIRE_EQUAL(urls.size(), expected.size());
  for (std::size_t i = 0; i < urls.size(); ++i) {
    BOOST_TEST(urls[i].first == expected[i].first);
    BOOST_TEST(urls[i].second == expected[i].second);
  }
}

BOOST_FIXTURE_TEST_CASE(site_at_the_root_of_its_host, SiteFixture) {
  config.base_url = "http://localhost:1313";
  site.data["tags"] = Value::array();
  auto urls = parse_urls(render());
  BOOST_REQUIRE_EQUAL(urls.size(), 6u);
  BOOST_TEST(urls[0].first == "http://localhost:1313/");
  BOOST_TEST(urls[1].first == "http://localhost:1313/2025/06/06/tom/");
  BOOST_TEST(urls[4].first == "http://localhost:1313/tags/");
  BOOST_TEST(urls[5].first == "http://localhost:1313/archive/");
}

BOOST_FIXTURE_TEST_CASE(urls_are_listed_once_and_percent_encoded, SiteFixture) {
  documents[1].permalink = "/archive/";
  documents[2].permalink = "/2025/01/30/q&a/";
  std::string xml = render();
  BOOST_TEST(xml.find("q&a") == std::string::npos);
  auto urls = parse_urls(xml);
  BOOST_TEST(urls.size() == 7u);
  BOOST_TEST(urls[2].first == "https://example.org/blog/archive/");
  BOOST_TEST(urls[2].second == "2025-03-11");
  BOOST_TEST(urls[3].first == "https://example.org/blog/2025/01/30/q%26a/");
}

BOOST_FIXTURE_TEST_CASE(output_is_deterministic, SiteFixture) {
  std::string first = render();
  BOOST_TEST(first == render());
  BOOST_TEST(first.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", 0) == 0u);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace digestif::plugins::sitemap

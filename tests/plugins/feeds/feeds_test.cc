// Tests of the feeds plugin: planning, RSS/Atom/JSON content, ordering, escaping, tag feeds.
#include <tinyxml2.h>

#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/diagnostic.h"
#include "core/diagnostic_sink.h"
#include "core/plugin_context.h"
#include "core/site.h"
#include "plugins/feeds/feed_text.h"
#include "plugins/feeds/feeds_renderer.h"

namespace digestif::plugins::feeds {
namespace {

constexpr const char* kNastyTitle = "Tom & Jerry <script>alert(\"x\")</script>";

Value tag_ref(const std::string& name, const std::string& slug) {
  Value tag = Value::object();
  tag["name"] = name;
  tag["slug"] = slug;
  tag["url"] = "/blog/tags/" + slug + "/";
  tag["path"] = "tags/" + slug + "/";
  return tag;
}

Document make_document(const std::string& title, const std::string& date,
                       const std::string& permalink, std::vector<Value> tags) {
  Document document;
  document.kind = "digest";
  document.title = title;
  document.date = *parse_date(date);
  document.permalink = permalink;
  document.data["tags"] = Value(Value::Array(tags.begin(), tags.end()));
  return document;
}

Value site_tag(const std::string& name, const std::string& slug,
               std::vector<std::string> permalinks) {
  Value tag = tag_ref(name, slug);
  tag["count"] = static_cast<int>(permalinks.size());
  tag["documents"] = Value::array();
  for (const std::string& permalink : permalinks) tag["documents"].push_back(permalink);
  return tag;
}

/// A site at https://example.org/blog/ with three documents, newest first, and three tags.
struct SiteFixture {
  SiteConfig config;
  BuildOptions build;
  DiagnosticSink sink;
  std::vector<Document> documents;
  Site site{config, build};
  FeedsRenderer renderer{PluginContext("feeds", Value::object(), config, build, sink, 0)};

  SiteFixture() {
    config.title = "ML Digests";
    config.description = "Weekly digests";
    config.base_url = "https://example.org/blog/";
    config.author = "Jane Doe";
    documents.push_back(make_document(kNastyTitle, "2025-06-06 08:30", "/2025/06/06/tom/",
                                      {tag_ref("AI", "ai"), tag_ref("LLMs", "llms")}));
    documents.back().html =
        "<p>Hello <em>world</em> &amp; friends</p><script>evil()</script><p>Bye</p>";
    documents.push_back(make_document("r/ML digest", "2025-03-11", "/2025/03/11/march/",
                                      {tag_ref("Reddit", "reddit"), tag_ref("AI", "ai")}));
    documents.back().data["heading"] = "March: models";
    documents.back().description = "Second digest";
    documents.back().html = "<h2>Models</h2><p>Text</p>";
    documents.push_back(make_document("r/ML digest", "2025-01-30", "/2025/01/30/january/",
                                      {tag_ref("Deep learning", "deep-learning")}));
    documents.back().data["heading"] = "January";
    documents.back().html = "<p>First</p>";
    for (Document& document : documents) {
      site.documents.push_back(&document);
      // The tags plugin keeps each document's normalized tags in site.data["document_tags"].
      site.data["document_tags"][document.permalink] = document.data["tags"];
      document.data.edit().as_object().erase("tags");
    }
    site.data["tags"] = Value::array();
    site.data["tags"].push_back(site_tag("AI", "ai", {"/2025/06/06/tom/", "/2025/03/11/march/"}));
    site.data["tags"].push_back(site_tag("Reddit", "reddit", {"/2025/03/11/march/"}));
    site.data["tags"].push_back(
        site_tag("Deep learning", "deep-learning", {"/2025/01/30/january/"}));
  }

  std::string render(const std::string& path) const {
    for (const PlannedOutput& output : renderer.plan(site))
      if (output.path == path) return renderer.render(output, site);
    BOOST_FAIL("no planned output " << path);
    return {};
  }
};

/// Parses `xml`, failing the test when it is not well-formed.
struct ParsedXml {
  explicit ParsedXml(const std::string& xml) {
    BOOST_REQUIRE_EQUAL(document.Parse(xml.c_str()), tinyxml2::XML_SUCCESS);
  }
  tinyxml2::XMLDocument document;
};

std::string child_text(const tinyxml2::XMLElement* parent, const char* name) {
  BOOST_REQUIRE(parent != nullptr);
  const tinyxml2::XMLElement* child = parent->FirstChildElement(name);
  BOOST_REQUIRE_MESSAGE(child != nullptr, "no <" << name << ">");
  return child->GetText() == nullptr ? "" : child->GetText();
}

std::vector<std::string> texts_of(const tinyxml2::XMLElement* parent, const char* entry,
                                  const char* name) {
  std::vector<std::string> texts;
  for (auto* e = parent->FirstChildElement(entry); e != nullptr; e = e->NextSiblingElement(entry))
    texts.push_back(child_text(e, name));
  return texts;
}

/// `xml` with every CDATA section removed.
std::string without_cdata(std::string xml) {
  for (auto start = xml.find("<![CDATA["); start != std::string::npos;
       start = xml.find("<![CDATA[")) {
    auto end = xml.find("]]>", start);
    xml.erase(start, end == std::string::npos ? std::string::npos : end + 3 - start);
  }
  return xml;
}

using Strings = std::vector<std::string>;

}  // namespace

BOOST_AUTO_TEST_SUITE(feeds)

BOOST_FIXTURE_TEST_CASE(info_declares_render_stage_products, SiteFixture) {
  PartInfo info = renderer.info();
  BOOST_TEST(info.name == "feeds");
  BOOST_TEST((info.stage == Stage::render));
  BOOST_TEST(info.needs == (Strings{"document.html", "site.document_tags"}),
             boost::test_tools::per_element());
  BOOST_TEST(info.wants == (Strings{"site.tags", "site.sections"}),
             boost::test_tools::per_element());
  BOOST_TEST(info.produces == (Strings{"output.feeds"}), boost::test_tools::per_element());
  BOOST_TEST(!renderer.renders_documents());
}

BOOST_FIXTURE_TEST_CASE(plan_lists_site_and_tag_feeds, SiteFixture) {
  Strings paths;
  for (const PlannedOutput& output : renderer.plan(site)) paths.push_back(output.path);
  Strings expected = {"feed.xml",
                      "atom.xml",
                      "feed.json",
                      "tags/ai/feed.xml",
                      "tags/ai/atom.xml",
                      "tags/ai/feed.json",
                      "tags/reddit/feed.xml",
                      "tags/reddit/atom.xml",
                      "tags/reddit/feed.json",
                      "tags/deep-learning/feed.xml",
                      "tags/deep-learning/atom.xml",
                      "tags/deep-learning/feed.json"};
  BOOST_TEST(paths == expected, boost::test_tools::per_element());
}

BOOST_FIXTURE_TEST_CASE(rss_channel_and_items, SiteFixture) {
  std::string xml = render("feed.xml");
  ParsedXml parsed(xml);
  const tinyxml2::XMLElement* rss = parsed.document.RootElement();
  BOOST_TEST(std::string(rss->Name()) == "rss");
  BOOST_TEST(std::string(rss->Attribute("version")) == "2.0");
  const tinyxml2::XMLElement* channel = rss->FirstChildElement("channel");
  BOOST_TEST(child_text(channel, "title") == "ML Digests");
  BOOST_TEST(child_text(channel, "link") == "https://example.org/blog/");
  BOOST_TEST(child_text(channel, "description") == "Weekly digests");
  BOOST_TEST(child_text(channel, "language") == "en");
  BOOST_TEST(child_text(channel, "generator") == "digestif");
  BOOST_TEST(child_text(channel, "lastBuildDate") == "Fri, 06 Jun 2025 08:30:00 +0000");
  const tinyxml2::XMLElement* self = channel->FirstChildElement("atom:link");
  BOOST_REQUIRE(self != nullptr);
  BOOST_TEST(std::string(self->Attribute("href")) == "https://example.org/blog/feed.xml");
  BOOST_TEST(std::string(self->Attribute("rel")) == "self");
  BOOST_TEST(
      texts_of(channel, "item", "title") == (Strings{kNastyTitle, "March: models", "January"}),
      boost::test_tools::per_element());
  BOOST_TEST(texts_of(channel, "item", "link") ==
                 (Strings{"https://example.org/blog/2025/06/06/tom/",
                          "https://example.org/blog/2025/03/11/march/",
                          "https://example.org/blog/2025/01/30/january/"}),
             boost::test_tools::per_element());
  BOOST_TEST(texts_of(channel, "item", "pubDate") ==
                 (Strings{"Fri, 06 Jun 2025 08:30:00 +0000", "Tue, 11 Mar 2025 00:00:00 +0000",
                          "Thu, 30 Jan 2025 00:00:00 +0000"}),
             boost::test_tools::per_element());
}

BOOST_FIXTURE_TEST_CASE(rss_item_details, SiteFixture) {
  ParsedXml parsed(render("feed.xml"));
  const auto* item =
      parsed.document.RootElement()->FirstChildElement("channel")->FirstChildElement("item");
  const auto* guid = item->FirstChildElement("guid");
  BOOST_TEST(std::string(guid->GetText()) == "https://example.org/blog/2025/06/06/tom/");
  BOOST_TEST(std::string(guid->Attribute("isPermaLink")) == "true");
  BOOST_TEST(texts_of(item->Parent()->ToElement(), "item", "description")[1] == "Second digest");
  BOOST_TEST(child_text(item, "description") == "Hello world &amp; friends Bye");
  BOOST_TEST(child_text(item, "content:encoded") == documents[0].html.get());
  BOOST_TEST(child_text(item, "dc:creator") == "Jane Doe");
  BOOST_TEST(item->FirstChildElement("author") == nullptr);
  BOOST_TEST(texts_of(item->Parent()->ToElement(), "item", "category") ==
                 (Strings{"AI", "Reddit", "Deep learning"}),
             boost::test_tools::per_element());
  Strings categories;
  for (auto* c = item->FirstChildElement("category"); c; c = c->NextSiblingElement("category"))
    categories.push_back(c->GetText());
  BOOST_TEST(categories == (Strings{"AI", "LLMs"}), boost::test_tools::per_element());
}

BOOST_FIXTURE_TEST_CASE(rss_uses_author_for_email_addresses, SiteFixture) {
  config.author = "jane@example.org (Jane Doe)";
  std::string xml = render("feed.xml");
  BOOST_TEST(xml.find("xmlns:dc") == std::string::npos);
  ParsedXml parsed(xml);
  const auto* item =
      parsed.document.RootElement()->FirstChildElement("channel")->FirstChildElement("item");
  BOOST_TEST(child_text(item, "author") == "jane@example.org (Jane Doe)");
}

BOOST_FIXTURE_TEST_CASE(xml_feeds_escape_markup_in_titles, SiteFixture) {
  for (const char* path : {"feed.xml", "atom.xml"}) {
    std::string xml = render(path);
    BOOST_TEST(without_cdata(xml).find("<script") == std::string::npos, path);
    BOOST_TEST(xml.find("Tom &amp; Jerry &lt;script&gt;") != std::string::npos, path);
  }
}

BOOST_FIXTURE_TEST_CASE(feeds_are_cut_at_feed_size, SiteFixture) {
  config.feed_size = 2;
  ParsedXml rss(render("feed.xml"));
  BOOST_TEST(texts_of(rss.document.RootElement()->FirstChildElement("channel"), "item", "title") ==
                 (Strings{kNastyTitle, "March: models"}),
             boost::test_tools::per_element());
  ParsedXml atom(render("atom.xml"));
  BOOST_TEST(texts_of(atom.document.RootElement(), "entry", "title").size() == 2u);
  auto json = nlohmann::json::parse(render("feed.json"));
  BOOST_TEST(json["items"].size() == 2u);
}

BOOST_FIXTURE_TEST_CASE(atom_feed, SiteFixture) {
  ParsedXml parsed(render("atom.xml"));
  const tinyxml2::XMLElement* feed = parsed.document.RootElement();
  BOOST_TEST(std::string(feed->Name()) == "feed");
  BOOST_TEST(std::string(feed->Attribute("xmlns")) == "http://www.w3.org/2005/Atom");
  BOOST_TEST(child_text(feed, "title") == "ML Digests");
  BOOST_TEST(child_text(feed, "id") == "https://example.org/blog/atom.xml");
  BOOST_TEST(child_text(feed, "updated") == "2025-06-06T08:30:00Z");
  BOOST_TEST(child_text(feed->FirstChildElement("author"), "name") == "Jane Doe");
  Strings rels;
  for (auto* link = feed->FirstChildElement("link"); link; link = link->NextSiblingElement("link"))
    rels.push_back(std::string(link->Attribute("rel")) + " " + link->Attribute("href"));
  BOOST_TEST(rels == (Strings{"self https://example.org/blog/atom.xml",
                              "alternate https://example.org/blog/"}),
             boost::test_tools::per_element());
  BOOST_TEST(texts_of(feed, "entry", "title") == (Strings{kNastyTitle, "March: models", "January"}),
             boost::test_tools::per_element());
  BOOST_TEST(texts_of(feed, "entry", "published") ==
                 (Strings{"2025-06-06T08:30:00Z", "2025-03-11T00:00:00Z", "2025-01-30T00:00:00Z"}),
             boost::test_tools::per_element());
  const tinyxml2::XMLElement* entry = feed->FirstChildElement("entry");
  BOOST_TEST(child_text(entry, "id") == "https://example.org/blog/2025/06/06/tom/");
  BOOST_TEST(std::string(entry->FirstChildElement("content")->Attribute("type")) == "html");
  BOOST_TEST(child_text(entry, "content") == documents[0].html.get());
  BOOST_TEST(std::string(entry->FirstChildElement("category")->Attribute("term")) == "AI");
}

BOOST_FIXTURE_TEST_CASE(json_feed, SiteFixture) {
  auto json = nlohmann::json::parse(render("feed.json"));
  BOOST_TEST(json["version"] == "https://jsonfeed.org/version/1.1");
  BOOST_TEST(json["title"] == "ML Digests");
  BOOST_TEST(json["home_page_url"] == "https://example.org/blog/");
  BOOST_TEST(json["feed_url"] == "https://example.org/blog/feed.json");
  BOOST_TEST(json["description"] == "Weekly digests");
  BOOST_TEST(json["language"] == "en");
  BOOST_REQUIRE_EQUAL(json["items"].size(), 3u);
  const auto& item = json["items"][0];
  for (const char* key : {"id", "url", "title", "content_html", "summary", "date_published"})
    BOOST_TEST(item[key].is_string(), key);
  BOOST_TEST(item["title"] == kNastyTitle);
  BOOST_TEST(item["url"] == "https://example.org/blog/2025/06/06/tom/");
  BOOST_TEST(item["date_published"] == "2025-06-06T08:30:00Z");
  BOOST_TEST(item["tags"] == nlohmann::json::array({"AI", "LLMs"}));
  BOOST_TEST(json["items"][1]["title"] == "March: models");
  BOOST_TEST(json["items"][2]["date_published"] == "2025-01-30T00:00:00Z");
}

BOOST_FIXTURE_TEST_CASE(tag_feeds_hold_only_their_documents, SiteFixture) {
  ParsedXml rss(render("tags/ai/feed.xml"));
  const auto* channel = rss.document.RootElement()->FirstChildElement("channel");
  BOOST_TEST(child_text(channel, "title") == "ML Digests \xE2\x80\x94 AI");
  BOOST_TEST(child_text(channel, "link") == "https://example.org/blog/tags/ai/");
  BOOST_TEST(std::string(channel->FirstChildElement("atom:link")->Attribute("href")) ==
             "https://example.org/blog/tags/ai/feed.xml");
  BOOST_TEST(texts_of(channel, "item", "title") == (Strings{kNastyTitle, "March: models"}),
             boost::test_tools::per_element());
  ParsedXml atom(render("tags/reddit/atom.xml"));
  BOOST_TEST(texts_of(atom.document.RootElement(), "entry", "title") == (Strings{"March: models"}),
             boost::test_tools::per_element());
  BOOST_TEST(child_text(atom.document.RootElement(), "updated") == "2025-03-11T00:00:00Z");
  auto json = nlohmann::json::parse(render("tags/deep-learning/feed.json"));
  BOOST_REQUIRE_EQUAL(json["items"].size(), 1u);
  BOOST_TEST(json["items"][0]["title"] == "January");
  BOOST_TEST(json["feed_url"] == "https://example.org/blog/tags/deep-learning/feed.json");
}

BOOST_FIXTURE_TEST_CASE(output_is_deterministic, SiteFixture) {
  for (const PlannedOutput& output : renderer.plan(site))
    BOOST_TEST(renderer.render(output, site) == renderer.render(output, site), output.path);
}

BOOST_FIXTURE_TEST_CASE(unknown_tag_or_format_is_an_error, SiteFixture) {
  Value params = Value::object();
  params["format"] = "rss";
  params["product"] = "tags";
  params["slug"] = "nope";
  BOOST_CHECK_THROW(renderer.render({"tags/nope/feed.xml", params}, site), Error);
  params["format"] = "yaml";
  params["product"] = Value();
  BOOST_CHECK_THROW(renderer.render({"feed.yaml", params}, site), Error);
}

BOOST_FIXTURE_TEST_CASE(cdata_end_marker_in_html_stays_well_formed, SiteFixture) {
  documents[0].html = "<p>a ]]> b</p>\x01";
  for (const char* path : {"feed.xml", "atom.xml"}) {
    ParsedXml parsed(render(path));
    BOOST_TEST(render(path).find("\x01") == std::string::npos);
  }
  ParsedXml rss(render("feed.xml"));
  const auto* item =
      rss.document.RootElement()->FirstChildElement("channel")->FirstChildElement("item");
  BOOST_TEST(child_text(item, "content:encoded") == "<p>a ]]> b</p>");
}

BOOST_FIXTURE_TEST_CASE(empty_site_has_feeds_without_items, SiteFixture) {
  site.documents.clear();
  site.data["tags"] = Value::array();
  BOOST_TEST(renderer.plan(site).size() == 3u);
  ParsedXml atom(render("atom.xml"));
  BOOST_TEST(child_text(atom.document.RootElement(), "updated") == "1970-01-01T00:00:00Z");
  ParsedXml rss(render("feed.xml"));
  BOOST_TEST(rss.document.RootElement()->FirstChildElement("channel")->FirstChildElement("item") ==
             nullptr);
}

BOOST_AUTO_TEST_CASE(text_helpers) {
  BOOST_TEST(xml_safe("a\x01"
                      "b\tc") == "ab\tc");
  BOOST_TEST(xml_safe("caf\xC3\xA9") == "caf\xC3\xA9");
  BOOST_TEST(xml_safe("bad\xC3(") == "bad\xEF\xBF\xBD(");
  BOOST_TEST(xml_safe("\xED\xA0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
  BOOST_TEST(html_to_text("<p>A&nbsp;<b>b</b>c</p><!-- x --><p>d &#233; &#x41; &bogus;</p>") ==
             "A bc d \xC3\xA9 A &bogus;");
  BOOST_TEST(html_to_text("<a title=\"x>y\">link</a><style>p{}</style>") == "link");
  BOOST_TEST(truncate_text("one two three", 9) == "one two\xE2\x80\xA6");
  BOOST_TEST(truncate_text("short", 9) == "short");
  BOOST_TEST(truncate_text("\xC3\xA9\xC3\xA9\xC3\xA9", 3) == "\xC3\xA9\xE2\x80\xA6");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace digestif::plugins::feeds

// Tests of the fingerprints of the pages plugin's list pages (home, group, archive), taken from
// their inputs without building their contexts: each changes with what its page shows, and only
// with that; and the page still renders.
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <memory>

#include "core/document_groups.h"
#include "plugins/pages/site_pages.h"

namespace digestif::plugins::pages {
namespace {

struct ListFixture {
  SiteConfig config;
  std::vector<Document> documents = std::vector<Document>(5);
  Site site{config, BuildOptions{}};
  SitePagesRenderer renderer{std::make_shared<const Theme>(
      std::filesystem::path(DIGESTIF_SOURCE_DIR) / "themes" / "default")};

  ListFixture() {
    config.base_url = "https://e.org/";
    config.page_size = 2;
    GroupCollector tags;
    for (std::size_t i = 0; i < documents.size(); ++i) {  // newest first: d0, d1, ...
      Document& document = documents[i];
      std::string name = "d" + std::to_string(i);
      document.kind = "digest";
      document.title = "Title of " + name;
      document.permalink = "/" + name + "/";
      document.fingerprint = "f" + name;
      document.date = Timestamp{std::chrono::days(20000 - static_cast<int>(i))};
      site.documents.push_back(&document);
      site.by_permalink.emplace(document.permalink, i);
      if (i != 1) tags.add("ai", document);  // the tag's first page: d0, d2
    }
    site.data["tags"] = tags.groups(config, "tags/", [](const std::string&) { return "AI"; });
    site.data["document_tags"] = Value::object();
  }

  /// The fingerprint of the planned output at `path`, planned afresh (as each build does).
  std::string fingerprint(const std::string& path) {
    for (const PlannedOutput& output : renderer.plan(site))
      if (output.path == path) return renderer.prepare(output, site).fingerprint;
    BOOST_FAIL("no planned output " + path);
    return {};
  }

  /// The page at `path`, planned and rendered afresh.
  std::string rendered(const std::string& path) {
    for (const PlannedOutput& output : renderer.plan(site))
      if (output.path == path) return renderer.prepare(output, site).render();
    BOOST_FAIL("no planned output " + path);
    return {};
  }

  std::map<std::string, std::string> all() {
    std::map<std::string, std::string> prints;
    for (const char* path : {"index.html", "page/2/index.html", "tags/ai/index.html",
                             "tags/ai/page/2/index.html", "archive/index.html"})
      prints[path] = fingerprint(path);
    return prints;
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(list_inputs_of_pages)

BOOST_FIXTURE_TEST_CASE(a_document_changes_the_pages_that_show_it, ListFixture) {
  std::map<std::string, std::string> before = all();
  for (const auto& [path, print] : before) BOOST_TEST(!print.empty(), path);
  documents[1].fingerprint = "fd1, edited";  // a change no list shows
  BOOST_TEST((all() == before));
  documents[1].description = "Edited";             // shown on the home page 1 only
  documents[1].fingerprint = "fd1, edited again";  // as a build has it: another version
  std::map<std::string, std::string> after = all();
  BOOST_TEST(after["index.html"] != before["index.html"]);
  for (const char* path : {"page/2/index.html", "tags/ai/index.html", "tags/ai/page/2/index.html",
                           "archive/index.html"})
    BOOST_TEST(after[path] == before[path], path);  // the archive shows its link alone
  documents[1].title = "A new title";
  documents[1].fingerprint = "fd1, retitled";
  BOOST_TEST(fingerprint("archive/index.html") != before["archive/index.html"]);
}

BOOST_FIXTURE_TEST_CASE(a_plan_again_takes_what_unchanged_documents_show_from_the_last,
                        ListFixture) {
  std::map<std::string, std::string> before = all();
  documents[1].description = "Edited";  // the same Document::fingerprint: taken as unchanged
  BOOST_TEST((all() == before));
  documents[1].fingerprint.clear();  // no fingerprint: read every time
  BOOST_TEST(all()["index.html"] != before["index.html"]);
}

BOOST_FIXTURE_TEST_CASE(a_document_tagged_anew_changes_the_tag_pages, ListFixture) {
  std::map<std::string, std::string> before = all();
  GroupCollector tags;
  for (const Document* document : site.documents) tags.add("ai", *document);  // d1 joins
  site.data["tags"] = tags.groups(config, "tags/", [](const std::string&) { return "AI"; });
  site.data["document_tags"]["/d1/"] = Value::array();
  site.data["document_tags"]["/d1/"].push_back(Value::Object{{"name", "AI"}});
  std::map<std::string, std::string> after = all();
  BOOST_TEST(after["tags/ai/index.html"] != before["tags/ai/index.html"]);
  BOOST_TEST(after["tags/ai/page/2/index.html"] != before["tags/ai/page/2/index.html"]);
  BOOST_TEST(after["index.html"] != before["index.html"]);  // d1's entry shows its tags
  BOOST_TEST(after["page/2/index.html"] == before["page/2/index.html"]);
}

BOOST_FIXTURE_TEST_CASE(a_group_shrinking_changes_the_pagination_of_its_pages, ListFixture) {
  std::string before = fingerprint("tags/ai/index.html");
  GroupCollector tags;
  for (std::size_t i : {0, 2}) tags.add("ai", documents[i]);  // the same first page, alone
  site.data["tags"] = tags.groups(config, "tags/", [](const std::string&) { return "AI"; });
  BOOST_TEST(fingerprint("tags/ai/index.html") != before);  // no link to a page 2 any more
}

BOOST_FIXTURE_TEST_CASE(a_tags_charts_change_its_first_page_only, ListFixture) {
  std::map<std::string, std::string> before = all();
  site.data["charts"] =
      Value::Object{{"tags", Value::Object{{"ai", Value::Object{{"has_charts", true}}}}}};
  std::map<std::string, std::string> after = all();
  BOOST_TEST(after["tags/ai/index.html"] != before["tags/ai/index.html"]);
  BOOST_TEST(after["tags/ai/page/2/index.html"] == before["tags/ai/page/2/index.html"]);
}

BOOST_FIXTURE_TEST_CASE(a_groups_count_shows_on_its_first_page_only, ListFixture) {
  BOOST_TEST(rendered("tags/ai/index.html").find("Documents with this tag: 4.") !=
             std::string::npos);
  std::string second = rendered("tags/ai/page/2/index.html");
  BOOST_TEST(second.find("Documents with this tag") == std::string::npos);
  BOOST_TEST(second.find("Page 2 of 2") != std::string::npos);
  // A count that changes with the same documents on page 2 (and as many pages) leaves page 2.
  std::map<std::string, std::string> before = all();
  site.data["tags"].as_array()[0]["count"] = 3;
  std::map<std::string, std::string> after = all();
  BOOST_TEST(after["tags/ai/index.html"] != before["tags/ai/index.html"]);
  BOOST_TEST(after["tags/ai/page/2/index.html"] == before["tags/ai/page/2/index.html"]);
}

BOOST_FIXTURE_TEST_CASE(a_list_page_renders_the_documents_it_shows, ListFixture) {
  for (const PlannedOutput& output : renderer.plan(site)) {
    if (output.path != "page/2/index.html") continue;
    std::string html = renderer.prepare(output, site).render();
    BOOST_TEST(html.find("Title of d2") != std::string::npos);
    BOOST_TEST(html.find("Title of d0") == std::string::npos);
    return;
  }
  BOOST_FAIL("no second home page planned");
}

BOOST_FIXTURE_TEST_CASE(an_entry_shown_again_is_made_again_when_what_it_shows_changed,
                        ListFixture) {
  documents[0].description = "First words";
  BOOST_TEST(rendered("index.html").find("First words") != std::string::npos);
  BOOST_TEST(rendered("tags/ai/index.html").find("First words") != std::string::npos);
  documents[0].description = "Second words";
  documents[0].fingerprint = "fd0, edited";  // as a build has it: another version
  // Each page with the unchanged document beside d0 on it.
  for (auto [path, beside] :
       {std::pair{"index.html", "Title of d1"}, std::pair{"tags/ai/index.html", "Title of d2"}}) {
    std::string html = rendered(path);
    BOOST_TEST(html.find("Second words") != std::string::npos, path);
    BOOST_TEST(html.find("First words") == std::string::npos, path);
    BOOST_TEST(html.find(beside) != std::string::npos, path);
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace digestif::plugins::pages

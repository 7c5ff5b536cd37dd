// Tests of the tags plugin's TagsAnalyzer on an in-memory Site: site tags and document tags.
#include "plugins/tags/tags_analyzer.h"

#include <boost/test/unit_test.hpp>
#include <deque>
#include <string>
#include <vector>

#include "core/diagnostic_sink.h"
#include "core/plugin_context.h"
#include "core/site.h"

namespace digestif::plugins::tags {
namespace {

/// A site at https://e.org/blog/ whose documents are added newest first.
struct TagsFixture {
  SiteConfig config;
  DiagnosticSink sink;
  std::deque<Document> documents;
  Site site{config, BuildOptions{}};

  TagsFixture() { config.base_url = "https://e.org/blog/"; }

  void add(const std::string& permalink, std::vector<std::string> tags) {
    Document& document = documents.emplace_back();
    document.source = "content/digests" + permalink + "x.md";
    document.permalink = permalink;
    document.tags = std::move(tags);
    site.documents.push_back(&document);
  }

  void analyze() {
    TagsAnalyzer analyzer(PluginContext("tags", Value::object(), config, site.options, sink, 0));
    analyzer.analyze(site);
  }

  const Value& tags() const { return *site.data.find("tags"); }
  const Value& tag(std::size_t i) const { return tags().as_array().at(i); }
  const Value& document_tags(const std::string& permalink) const {
    return *site.data.find("document_tags")->find(permalink);
  }
};

std::vector<std::string> strings(const Value& array) {
  std::vector<std::string> result;
  for (const Value& item : array.as_array()) result.push_back(item.as_string());
  return result;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(tags_analyzer)

BOOST_FIXTURE_TEST_CASE(declares_the_site_products_it_writes, TagsFixture) {
  TagsAnalyzer analyzer(PluginContext("tags", Value::object(), config, site.options, sink, 0));
  PartInfo info = analyzer.info();
  BOOST_TEST(info.name == "tags");
  BOOST_TEST((info.stage == Stage::analyze));
  std::vector<std::string> produces = {"site.tags", "site.document_tags"};
  BOOST_TEST(info.produces == produces, boost::test_tools::per_element());
}

BOOST_FIXTURE_TEST_CASE(groups_documents_by_tag_sorted_by_slug, TagsFixture) {
  add("/2025/06/06/c/", {"Reddit", "Machine Learning"});
  add("/2025/03/11/b/", {"machine learning", "AI"});
  add("/2025/01/30/a/", {"Machine Learning"});
  analyze();

  BOOST_REQUIRE(tags().size() == 3u);
  BOOST_TEST(tag(0).get_string("slug") == "ai");
  BOOST_TEST(tag(1).get_string("slug") == "machine-learning");
  BOOST_TEST(tag(2).get_string("slug") == "reddit");

  const Value& ml = tag(1);
  BOOST_TEST(ml.get_string("name") == "Machine Learning");
  BOOST_TEST(ml.get_string("url") == "/blog/tags/machine-learning/");
  BOOST_TEST(ml.find("count")->as_int() == 3);
  std::vector<std::string> newest_first = {"/2025/06/06/c/", "/2025/03/11/b/", "/2025/01/30/a/"};
  BOOST_TEST(strings(*ml.find("documents")) == newest_first, boost::test_tools::per_element());

  BOOST_TEST(tag(0).get_string("name") == "AI");
  BOOST_TEST(tag(0).find("count")->as_int() == 1);
  BOOST_TEST(sink.warnings() == 0);
}

BOOST_FIXTURE_TEST_CASE(each_document_lists_its_tags_once, TagsFixture) {
  add("/2025/03/11/b/", {"Machine Learning", "machine-learning", "AI", "machine learning"});
  add("/2025/01/30/a/", {});
  analyze();

  const Value& own = document_tags("/2025/03/11/b/");
  BOOST_REQUIRE(own.size() == 2u);
  BOOST_TEST(own.as_array()[0].get_string("slug") == "machine-learning");
  BOOST_TEST(own.as_array()[0].get_string("url") == "/blog/tags/machine-learning/");
  BOOST_TEST(own.as_array()[1].get_string("slug") == "ai");
  BOOST_TEST(own.as_array()[1].get_string("name") == "AI");
  BOOST_TEST(document_tags("/2025/01/30/a/").is_array());
  BOOST_TEST(document_tags("/2025/01/30/a/").size() == 0u);
  BOOST_TEST(tag(1).find("count")->as_int() == 1);
}

BOOST_FIXTURE_TEST_CASE(machinelearning_is_its_own_tag, TagsFixture) {
  add("/2025/03/11/b/", {"machinelearning", "machine learning"});
  analyze();
  BOOST_REQUIRE(tags().size() == 2u);
  BOOST_TEST(tag(0).get_string("slug") == "machine-learning");
  BOOST_TEST(tag(1).get_string("slug") == "machinelearning");
}

BOOST_FIXTURE_TEST_CASE(aliases_of_the_config_merge_tags, TagsFixture) {
  config.tag_aliases = {{"ml", "machine-learning"}, {"machinelearning", "machine-learning"}};
  add("/2025/06/06/c/", {"ML"});
  add("/2025/03/11/b/", {"machinelearning"});
  add("/2025/01/30/a/", {"Machine Learning"});
  analyze();
  BOOST_REQUIRE(tags().size() == 1u);
  BOOST_TEST(tag(0).get_string("slug") == "machine-learning");
  BOOST_TEST(tag(0).get_string("name") == "Machine Learning");
  BOOST_TEST(tag(0).find("count")->as_int() == 3);
  BOOST_TEST(document_tags("/2025/06/06/c/").as_array()[0].get_string("name") ==
             "Machine Learning");
}

BOOST_FIXTURE_TEST_CASE(tag_without_letters_is_left_out_with_a_warning, TagsFixture) {
  add("/2025/03/11/b/", {"!!!", "AI"});
  analyze();
  BOOST_REQUIRE(tags().size() == 1u);
  BOOST_TEST(document_tags("/2025/03/11/b/").size() == 1u);
  BOOST_REQUIRE(sink.warnings() == 1);
  Diagnostic warning = sink.all().at(0);
  BOOST_TEST(warning.file == "content/digests/2025/03/11/b/x.md");
  BOOST_TEST(warning.message.find("!!!") != std::string::npos);
}

BOOST_FIXTURE_TEST_CASE(site_without_documents_has_empty_tags, TagsFixture) {
  analyze();
  BOOST_TEST(tags().is_array());
  BOOST_TEST(tags().size() == 0u);
  BOOST_TEST(site.data.find("document_tags")->is_object());
  BOOST_TEST(site.data.find("document_tags")->size() == 0u);
}

BOOST_FIXTURE_TEST_CASE(root_site_urls_start_at_the_root, TagsFixture) {
  config.base_url = "https://e.org";
  add("/2025/03/11/b/", {"AI"});
  analyze();
  BOOST_TEST(tag(0).get_string("url") == "/tags/ai/");
}

BOOST_FIXTURE_TEST_CASE(documents_are_never_modified, TagsFixture) {
  add("/2025/03/11/b/", {"Machine Learning", "ml"});
  analyze();
  std::vector<std::string> written = {"Machine Learning", "ml"};
  BOOST_TEST(documents[0].tags == written, boost::test_tools::per_element());
  BOOST_TEST(documents[0].data.size() == 0u);
}

/// Groups with the live memo of the last run, and checks the products and warnings equal a run
/// without one.
struct LiveTags : TagsFixture {
  AnalyzerMemo live;
  void group_again_and_compare() {
    TagsAnalyzer analyzer(PluginContext("tags", Value::object(), config, site.options, sink, 0));
    std::size_t before = sink.all().size();
    analyzer.analyze_with_live_memo(site, live);
    BOOST_TEST(live.live != nullptr);
    Value tags = *site.data.find("tags"), by_document = *site.data.find("document_tags");
    std::size_t warned = sink.all().size() - before;
    analyzer.analyze(site);
    BOOST_TEST((tags == *site.data.find("tags")));
    BOOST_TEST((by_document == *site.data.find("document_tags")));
    std::vector<Diagnostic> all = sink.all();
    BOOST_REQUIRE_EQUAL(all.size(), before + 2 * warned);
    for (std::size_t i = 0; i < warned; ++i)
      BOOST_TEST(all[before + warned + i].format() == all[before + i].format());
  }
};

BOOST_FIXTURE_TEST_CASE(grouping_again_from_the_last_run_in_memory_equals_grouping_afresh,
                        LiveTags) {
  for (int i = 0; i < 40; ++i)
    add("/2025/06/" + std::to_string(40 - i) + "/d/",
        {i % 3 ? "AI" : "Machine Learning", i % 4 ? "robotics" : "NLP", i % 7 ? "AI" : "!!!"});
  group_again_and_compare();  // no memo yet
  group_again_and_compare();  // nothing changed
  documents[3].tags = {"NLP", "fresh tag"};
  group_again_and_compare();
  documents[3].tags = {"AI"};  // "fresh tag" goes with its last document
  group_again_and_compare();
  documents[5].tags = {"!!!", "robotics"};
  group_again_and_compare();
  for (int i : {0, 1, 2, 4, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16})
    documents[static_cast<std::size_t>(i)].tags = {"nlp"};  // "nlp" outnumbers "NLP": renamed
  group_again_and_compare();
  BOOST_TEST(document_tags("/2025/06/20/d/").as_array()[1].get_string("name") == "nlp");
  site.documents.pop_back();  // another set of documents
  group_again_and_compare();
  documents[20].tags = {"AI", "AI", "ai"};
  group_again_and_compare();
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace digestif::plugins::tags

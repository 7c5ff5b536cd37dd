// Tests of site_analysis's RelatedAnalyzer on in-memory Sites: text and tag similarity, ties,
// limits and a site of 10,000 documents.
#include "plugins/site_analysis/related_analyzer.h"

#include <boost/test/unit_test.hpp>

#include "plugins/site_analysis/tfidf.h"
#include "tests/plugins/site_analysis/site_fixture.h"

namespace digestif::plugins::site_analysis {
namespace {

using testing::thread;

struct RelatedFixture : testing::SiteFixture {
  void analyze() {
    count_terms();
    RelatedAnalyzer().analyze(site);
  }
  const Value::Array& related(const std::string& permalink) const {
    return site.data.find("related")->find(permalink)->as_array();
  }
  std::vector<std::string> permalinks(const std::string& permalink) const {
    std::vector<std::string> result;
    for (const Value& item : related(permalink)) result.push_back(item.get_string("permalink"));
    return result;
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(related_analyzer)

BOOST_AUTO_TEST_CASE(tfidf_vectors_are_unit_length_and_ignore_common_terms) {
  std::vector<TermCounts> documents = {{{"common", 1}, {"rare", 2}}, {{"common", 3}}};
  std::vector<TermVector> vectors = tfidf_vectors(documents, 32);
  BOOST_REQUIRE(vectors[0].size() == 1u);
  BOOST_TEST(vectors[0][0].second == 1.0, boost::test_tools::tolerance(1e-9));
  BOOST_TEST(vectors[1].empty());
  BOOST_TEST(dot(vectors[0], vectors[0]) == 1.0, boost::test_tools::tolerance(1e-9));
}

BOOST_FIXTURE_TEST_CASE(similar_threads_make_documents_related, RelatedFixture) {
  add("/a/", 5, {}, {thread("a1", "Transformer attention heads explained", 10)});
  add("/b/", 4, {}, {thread("b1", "Why attention heads in a transformer matter", 5)});
  add("/c/", 3, {}, {thread("c1", "Reinforcement learning reward shaping", 7)});
  add("/d/", 2, {}, {thread("d1", "Reward shaping tricks for reinforcement agents", 7)});
  analyze();
  BOOST_TEST(permalinks("/a/") == std::vector<std::string>{"/b/"},
             boost::test_tools::per_element());
  BOOST_TEST(permalinks("/c/") == std::vector<std::string>{"/d/"},
             boost::test_tools::per_element());
  const Value& first = related("/a/").front();
  BOOST_TEST(first.size() == 3u);  // permalink, score, percent: a page shows the rest
  BOOST_TEST(first.find("percent")->as_int() > 0);
  BOOST_TEST(first.find("percent")->as_int() <= 100);
}

BOOST_FIXTURE_TEST_CASE(shared_tags_relate_documents_without_shared_words, RelatedFixture) {
  add("/a/", 5, {"Robotics"}, {thread("a1", "Grasping with soft hands", 1)});
  add("/b/", 4, {"robotics"}, {thread("b1", "Legged locomotion benchmarks", 1)});
  add("/c/", 3, {"Vision"}, {thread("c1", "Segmenting satellite images", 1)});
  analyze();
  BOOST_TEST(permalinks("/a/") == std::vector<std::string>{"/b/"},
             boost::test_tools::per_element());
  BOOST_TEST(related("/c/").empty());
  BOOST_TEST(related("/a/").front().find("score")->as_double() == 0.3,
             boost::test_tools::tolerance(1e-9));
}

BOOST_FIXTURE_TEST_CASE(site_tags_are_used_when_the_tags_plugin_made_them, RelatedFixture) {
  add("/a/", 5, {"ML"}, {thread("a1", "Grasping", 1)});
  add("/b/", 4, {"machine learning"}, {thread("b1", "Locomotion", 1)});
  Value same = Value::Array{Value::Object{{"slug", "machine-learning"}}};
  site.data["document_tags"] = Value::Object{{"/a/", same}, {"/b/", same}};
  analyze();
  BOOST_TEST(permalinks("/a/") == std::vector<std::string>{"/b/"},
             boost::test_tools::per_element());
}

BOOST_FIXTURE_TEST_CASE(ties_go_to_the_newer_then_by_permalink_and_lists_hold_five,
                        RelatedFixture) {
  add("/x/", 20, {"t"}, {});
  for (int day = 10; day >= 1; --day)
    add("/d" + std::to_string(day % 3) + "-" + std::to_string(day) + "/", day % 3 + 1, {"t"}, {});
  add("/z/", 1, {"other"}, {});
  analyze();
  std::vector<std::string> expected = {"/d2-2/", "/d2-5/", "/d2-8/", "/d1-1/", "/d1-10/"};
  BOOST_TEST(permalinks("/x/") == expected, boost::test_tools::per_element());
  BOOST_TEST(related("/z/").empty());
}

BOOST_FIXTURE_TEST_CASE(reviews_are_compared_by_their_body, RelatedFixture) {
  Document& review = add("/review/", 6, {}, {});
  review.data = Value::object();
  review.body = "A year of diffusion models and video generation.";
  add("/a/", 5, {}, {thread("a1", "Diffusion models for video generation", 3)});
  add("/b/", 4, {}, {thread("b1", "Tabular data cleaning", 3)});
  analyze();
  BOOST_TEST(permalinks("/review/") == std::vector<std::string>{"/a/"},
             boost::test_tools::per_element());
}

BOOST_FIXTURE_TEST_CASE(ten_thousand_documents_are_all_related, RelatedFixture) {
  const std::vector<std::string> topics = {"attention", "diffusion",    "robotics",  "reward",
                                           "tokenizer", "quantization", "retrieval", "agents",
                                           "benchmark", "compiler",     "kernels",   "sparsity"};
  for (int i = 0; i < 10000; ++i) {
    std::string a = topics[i % topics.size()], b = topics[(i / 7) % topics.size()];
    std::string unique = "word" + std::to_string(i % 997);
    add("/d" + std::to_string(i) + "/", 1 + i % 28, {"tag" + std::to_string(i % 40)},
        {thread("p" + std::to_string(i), a + " " + b + " " + unique, i % 100, "about " + a)});
  }
  analyze();
  BOOST_TEST(site.data.find("related")->size() == 10000u);
  BOOST_TEST(related("/d0/").size() == 5u);
}

/// A site of 400 digests on a few topics, for ranking again after changes.
struct ChangingSite : RelatedFixture {
  const std::vector<std::string> topics = {"attention", "diffusion",    "robotics",  "reward",
                                           "tokenizer", "quantization", "retrieval", "agents"};
  std::string memo;

  ChangingSite() {
    for (int i = 0; i < 400; ++i) add_digest(i);
    count_terms();
  }
  Document& add_digest(int i) {
    std::string a = topics[i % topics.size()], b = topics[(i / 3) % topics.size()];
    Document& document =
        add("/d" + std::to_string(i) + "/", 1 + i % 28,
            {"tag" + std::to_string(i % 9), "tag" + std::to_string(i % 4)},
            {thread("p" + std::to_string(i), a + " " + b + " word" + std::to_string(i % 37),
                    i % 100, "about " + a)});
    document.fingerprint = "made from version 1 of " + document.permalink;  // as a build sets it
    return document;
  }
  /// A document edited: what it is made from changes.
  Document& edited(std::size_t i) {
    documents[i].fingerprint += ", edited";
    return documents[i];
  }
  /// The document first on /d0/'s list.
  Document& first_listed() {
    std::string listed =
        site.data.find("related")->find("/d0/")->as_array().at(0).get_string("permalink");
    return **std::find_if(site.documents.begin(), site.documents.end(),
                          [&](const Document* d) { return d->permalink == listed; });
  }
  void unpublish_one_listed() {
    const Document* listed = &first_listed();
    std::erase(site.documents, listed);
  }
  /// Ranks with the memo of the last run, and checks the lists equal a run without one.
  void rank_again_and_compare() {
    RelatedAnalyzer().analyze_with_memo(site, memo);
    BOOST_TEST(!memo.empty());
    Value incremental = *site.data.find("related");
    std::string fresh;  // records kept from the last memo are as a run afresh writes them
    RelatedAnalyzer().analyze_with_memo(site, fresh);
    BOOST_TEST((memo == fresh));
    RelatedAnalyzer().analyze(site);
    BOOST_TEST((incremental == *site.data.find("related")));
    same_seals(incremental, *site.data.find("related"));
  }
  /// Each list of `incremental` is sealed with the hash of the list `fresh` holds (lists not
  /// made yet with the hash the memo kept).
  static void same_seals(const Value& incremental, const Value& fresh) {
    for (const auto& [permalink, list] : fresh.as_object()) {
      const Value* other = incremental.find(permalink);
      BOOST_REQUIRE(other != nullptr);
      BOOST_TEST(list.later_hash() != 0u);
      BOOST_TEST(other->later_hash() == list.later_hash());
    }
  }
};

BOOST_FIXTURE_TEST_CASE(after_an_edit_only_the_lists_read_are_made, ChangingSite) {
  RelatedAnalyzer().analyze_with_memo(site, memo);
  RelatedAnalyzer().analyze_with_memo(site, memo);  // from a memo that knows each list's hash
  std::size_t pending = 0;
  for (const auto& [permalink, list] : site.data.find("related")->as_object())
    pending += list.is_pending() ? 1 : 0;
  BOOST_TEST(pending == site.documents.size());
  edited(10).tags = {"tag3", "fresh-tag"};
  RelatedAnalyzer().analyze_with_memo(site, memo);
  Value incremental = *site.data.find("related");
  pending = 0;
  for (const auto& [permalink, list] : incremental.as_object())
    pending += list.is_pending() ? 1 : 0;
  BOOST_TEST(pending > site.documents.size() / 2);  // the lists the edit did not reach
  BOOST_TEST(pending < site.documents.size());      // and those it did are made again
  RelatedAnalyzer().analyze(site);
  same_seals(incremental, *site.data.find("related"));
  BOOST_TEST((incremental == *site.data.find("related")));  // read now, each made
}

BOOST_FIXTURE_TEST_CASE(ranking_again_after_changes_equals_ranking_afresh, ChangingSite) {
  rank_again_and_compare();  // no memo yet
  rank_again_and_compare();  // nothing changed
  edited(10).tags = {"tag3", "fresh-tag"};
  rank_again_and_compare();
  Value before = *site.data.find("related")->find("/d20/");
  Value& thread = edited(20).data["threads"].as_array()[0];
  thread["title"] = thread["title_plain"] = "tokenizer quantization tokenizer";
  DocumentTerms().analyze(documents[20]);  // new terms for it, and new IDF for all
  rank_again_and_compare();
  BOOST_TEST((*site.data.find("related")->find("/d20/") != before));  // the edit shows
  edited(30).date = documents[200].date;                              // ties may turn
  rank_again_and_compare();
  site.documents.erase(site.documents.begin() + 40);  // a document unpublished
  unpublish_one_listed();                             // and one that lists showed
  rank_again_and_compare();
  first_listed().permalink += "renamed/";  // a listed document under another permalink
  rank_again_and_compare();
  DocumentTerms().analyze(add_digest(1000));  // and one added
  rank_again_and_compare();
  RelatedAnalyzer().analyze_with_memo(site, memo = "damaged");
  Value from_damaged = *site.data.find("related");
  RelatedAnalyzer().analyze(site);
  BOOST_TEST((from_damaged == *site.data.find("related")));
}

/// The same site ranked by a process that builds again: the memo is the last run itself.
struct LiveSite : ChangingSite {
  AnalyzerMemo live;

  /// Ranks with the live memo, and checks the lists equal a run without one, and the memo's
  /// bytes those a run from the saved memo leaves.
  void rank_live_and_compare() {
    std::string saved = live.saved();
    RelatedAnalyzer().analyze_with_live_memo(site, live);
    BOOST_TEST(live.live != nullptr);
    Value incremental = *site.data.find("related");
    RelatedAnalyzer().analyze_with_memo(site, saved);
    BOOST_TEST((incremental == *site.data.find("related")));
    BOOST_TEST((live.saved() == saved));
    std::string fresh;
    RelatedAnalyzer().analyze_with_memo(site, fresh);
    BOOST_TEST((saved == fresh));
    RelatedAnalyzer().analyze(site);
    BOOST_TEST((incremental == *site.data.find("related")));
  }
};

BOOST_FIXTURE_TEST_CASE(ranking_again_from_the_last_run_in_memory_equals_ranking_afresh, LiveSite) {
  rank_live_and_compare();  // no memo yet
  rank_live_and_compare();  // nothing changed
  Value before = *site.data.find("related")->find("/d10/");
  edited(10).tags = {"tag3", "fresh-tag"};  // in place: the same terms, other tags
  rank_live_and_compare();
  BOOST_TEST((*site.data.find("related")->find("/d10/") != before));
  edited(11).tags = {};
  edited(12).tags = {"tag5"};
  rank_live_and_compare();
  edited(30).date = documents[200].date;  // ties may turn
  rank_live_and_compare();
  Value& thread = edited(20).data["threads"].as_array()[0];
  thread["title"] = thread["title_plain"] = "tokenizer quantization tokenizer";
  DocumentTerms().analyze(documents[20]);  // new terms: ranked from the saved form
  rank_live_and_compare();
  edited(21).tags = {"tag1"};
  rank_live_and_compare();
  site.documents.erase(site.documents.begin() + 40);  // another set of documents
  rank_live_and_compare();
  unpublish_one_listed();
  rank_live_and_compare();
  edited(22).tags = {"tag2"};
  rank_live_and_compare();
}

BOOST_FIXTURE_TEST_CASE(a_live_memo_of_another_kind_counts_as_its_bytes, LiveSite) {
  struct Other : LiveMemo {
    std::string bytes() const override { return "not a related memo"; }
  };
  live.live = std::make_unique<Other>();
  RelatedAnalyzer().analyze_with_live_memo(site, live);
  Value from_other = *site.data.find("related");
  RelatedAnalyzer().analyze(site);
  BOOST_TEST((from_other == *site.data.find("related")));
}

BOOST_AUTO_TEST_CASE(declares_site_related_and_wants_document_tags) {
  PartInfo info = RelatedAnalyzer().info();
  BOOST_TEST(info.produces == std::vector<std::string>{"site.related"},
             boost::test_tools::per_element());
  BOOST_TEST(info.wants == std::vector<std::string>{"site.document_tags"},
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace digestif::plugins::site_analysis

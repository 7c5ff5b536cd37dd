// Tests of site_analysis's DocumentTerms and the text form of term tallies.
#include "plugins/site_analysis/document_terms.h"

#include <boost/test/unit_test.hpp>

#include "plugins/site_analysis/term_tally_text.h"
#include "tests/plugins/site_analysis/site_fixture.h"

namespace digestif::plugins::site_analysis {
namespace {

using testing::thread;

Tally tally_of(std::string_view text) {
  Tally tally;
  for (const auto& [term, count] : read_tally(text)) tally[std::string(term)] = count;
  return tally;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(document_terms)

BOOST_AUTO_TEST_CASE(tally_text_reads_back_sorted) {
  Tally tally = {{"zeta", 1}, {"café", 12}, {"alpha", 3}};
  std::string text = tally_text(tally);
  BOOST_TEST(text == "alpha 3\ncafé 12\nzeta 1\n");
  TallyEntries entries = read_tally(text);
  BOOST_REQUIRE_EQUAL(entries.size(), 3u);
  BOOST_TEST(entries[1].first == "café");
  BOOST_TEST(entries[1].second == 12);
  BOOST_TEST((tally_of(text) == tally));
}

BOOST_AUTO_TEST_CASE(lines_that_are_not_term_and_count_are_skipped) {
  BOOST_TEST(read_tally("").empty());
  TallyEntries entries = read_tally("good 2\nnocount\n 4\nbad x\nlast 7");
  BOOST_REQUIRE_EQUAL(entries.size(), 2u);
  BOOST_TEST(entries[0].first == "good");
  BOOST_TEST(entries[1].first == "last");
  BOOST_TEST(entries[1].second == 7);
}

BOOST_FIXTURE_TEST_CASE(titles_count_twice_and_threads_count_once_per_thread,
                        testing::SiteFixture) {
  Document& digest = add("/a/", 5, {},
                         {thread("a1", "Diffusion diffusion models", 1, "About diffusion"),
                          thread("a2", "Robotics", 1, "The thread discusses diffusion")});
  digest.title = "Weekly diffusion";
  count_terms();
  Tally weighted = tally_of(terms_text(digest, "weighted"));
  // title 2 + thread titles 2 × 2 + summaries 1 + 1
  BOOST_TEST(weighted["diffusion"] == 8);
  BOOST_TEST(weighted["robotics"] == 2);
  BOOST_TEST(weighted.count("the") == 0u);
  Tally threads = tally_of(terms_text(digest, "threads"));
  BOOST_TEST(threads["diffusion"] == 2);  // both threads, once each
  BOOST_TEST(threads.count("thread") == 0u);
  BOOST_TEST(threads.count("weekly") == 0u);  // the document title is no thread's
}

BOOST_FIXTURE_TEST_CASE(a_document_without_threads_counts_its_body, testing::SiteFixture) {
  Document& review = add("/review/", 6, {}, {});
  review.body = "Agents and agents everywhere.";
  count_terms();
  BOOST_TEST(tally_of(terms_text(review, "weighted"))["agents"] == 2);
  BOOST_TEST(terms_text(review, "threads").empty());
  BOOST_TEST(terms_text(Document{}, "weighted").empty());
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace digestif::plugins::site_analysis

// Tests of heading anchors: ids on the review's `<h2>` headings, matched by their text's slug.
#include "plugins/pages/heading_anchors.h"

#include <boost/test/unit_test.hpp>

namespace digestif::plugins::pages {

BOOST_AUTO_TEST_SUITE(heading_anchors)

BOOST_AUTO_TEST_CASE(headings_get_ids_in_order_and_unmatched_ones_are_skipped) {
  std::string html =
      "<p>intro</p>\n<h2>Big &amp; <em>Small</em></h2>\n<p>x</p>\n<h2>Unlisted</h2>\n"
      "<h2>Big &amp; Small</h2>\n<h2 id=\"own\">Kept</h2>\n<h3>Big</h3>\n";
  std::vector<HeadingAnchor> anchors = {{"big-small", "theme-big-small"},
                                        {"big-small", "theme-big-small-2"},
                                        {"missing", "theme-missing"}};
  AnchoredHtml out = anchor_headings(html, anchors);
  BOOST_TEST(out.html ==
             "<p>intro</p>\n<h2 id=\"theme-big-small\">Big &amp; <em>Small</em></h2>\n<p>x</p>\n"
             "<h2>Unlisted</h2>\n<h2 id=\"theme-big-small-2\">Big &amp; Small</h2>\n"
             "<h2 id=\"own\">Kept</h2>\n<h3>Big</h3>\n");
  BOOST_TEST(out.placed.size() == 2u);
  BOOST_TEST(out.placed.count("theme-missing") == 0u);
}

BOOST_AUTO_TEST_CASE(html_without_headings_is_unchanged) {
  AnchoredHtml out = anchor_headings("<p>a</p><h2>unclosed", {{"unclosed", "theme-unclosed"}});
  BOOST_TEST(out.html == "<p>a</p><h2>unclosed");
  BOOST_TEST(out.placed.empty());
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace digestif::plugins::pages

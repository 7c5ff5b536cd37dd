// Tests of the chart builders: well-formed SVG (parsed with tinyxml2), one mark per bar or
// segment, escaped labels, empty data and a single point; and the chart series of documents.
#include <tinyxml2.h>

#include <boost/test/unit_test.hpp>
#include <cmath>
#include <deque>
#include <string>
#include <vector>

#include "core/document_groups.h"
#include "core/markup_escape.h"
#include "core/site.h"
#include "plugins/charts/chart_series.h"
#include "plugins/charts/chart_set.h"
#include "plugins/charts/charts_analyzer.h"
#include "plugins/charts/column_chart.h"
#include "plugins/charts/horizontal_bar_chart.h"
#include "plugins/charts/stacked_bar_chart.h"
#include "plugins/charts/svg_text.h"

namespace digestif::plugins::charts {
namespace {

/// A parsed SVG, with the elements the tests count.
struct ParsedSvg {
  tinyxml2::XMLDocument xml;
  explicit ParsedSvg(const std::string& svg) {
    BOOST_REQUIRE_MESSAGE(xml.Parse(svg.c_str()) == tinyxml2::XML_SUCCESS, "not XML: " << svg);
    BOOST_REQUIRE(root() != nullptr);
  }
  const tinyxml2::XMLElement* root() const { return xml.FirstChildElement("svg"); }
  /// Direct children of <svg> named `name` whose class starts with `css`.
  std::vector<const tinyxml2::XMLElement*> all(const char* name, const std::string& css) const {
    std::vector<const tinyxml2::XMLElement*> found;
    for (auto* e = root()->FirstChildElement(name); e; e = e->NextSiblingElement(name))
      if (std::string(e->Attribute("class") ? e->Attribute("class") : "").rfind(css, 0) == 0)
        found.push_back(e);
    return found;
  }
  std::vector<std::string> texts(const std::string& css) const {
    std::vector<std::string> out;
    for (auto* e : all("text", css)) out.push_back(e->GetText() ? e->GetText() : "");
    return out;
  }
  std::string tooltip(const tinyxml2::XMLElement* rect) const {
    return rect->FirstChildElement("title")->GetText();
  }
};

const ChartText kText{"Scores <&> \"quoted\"", "A description with <tags> & 'quotes'"};

}  // namespace

BOOST_AUTO_TEST_SUITE(charts)

BOOST_AUTO_TEST_CASE(column_chart_draws_one_bar_per_point_with_escaped_text) {
  std::vector<ChartPoint> points = {{"2025-01-30", 386}, {"<b>&", 12}, {"2025-06-06", 0}};
  ParsedSvg svg(column_chart(kText, points));
  BOOST_TEST(svg.root()->FirstChildElement("title")->GetText() == kText.title);
  BOOST_TEST(svg.root()->FirstChildElement("desc")->GetText() == kText.description);
  BOOST_TEST(svg.root()->Attribute("role") == std::string("img"));
  auto bars = svg.all("rect", "chart-bar");
  BOOST_REQUIRE_EQUAL(bars.size(), 3u);
  BOOST_TEST(svg.tooltip(bars[1]) == "<b>&: 12");
  // The highest bar spans the plot; a zero bar has no height.
  BOOST_TEST(bars[0]->DoubleAttribute("height") > bars[1]->DoubleAttribute("height"));
  BOOST_TEST(bars[2]->DoubleAttribute("height") == 0);
  std::vector<std::string> labels = svg.texts("chart-label");
  BOOST_TEST(labels == (std::vector<std::string>{"2025-01-30", "<b>&", "2025-06-06"}),
             boost::test_tools::per_element());
  BOOST_TEST(svg.texts("chart-tick") == (std::vector<std::string>{"386", "0"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(column_chart_of_one_point_and_of_none) {
  ParsedSvg one(column_chart(kText, {{"2025-03-11", 30}}));
  BOOST_TEST(one.all("rect", "chart-bar").size() == 1u);
  BOOST_TEST(column_chart(kText, {}).empty());
}

BOOST_AUTO_TEST_CASE(column_chart_labels_at_most_six_points) {
  std::vector<ChartPoint> points;
  for (int i = 0; i < 234; ++i) points.push_back({"d" + std::to_string(i), double(i % 17)});
  ParsedSvg svg(column_chart(kText, points));
  BOOST_TEST(svg.all("rect", "chart-bar").size() == 234u);
  BOOST_TEST(svg.texts("chart-label").size() <= 6u);
  BOOST_TEST(svg.texts("chart-label").front() == "d0");
}

BOOST_AUTO_TEST_CASE(stacked_chart_draws_nonzero_segments_and_a_legend) {
  std::vector<Series> series = {{"positive", "#0a0"}, {"neg<ative>", "#a00"}};
  std::vector<StackedBar> bars = {{"2025-01", {3, 1}}, {"2025-03", {0, 2}}, {"2025-04", {0, 0}}};
  ParsedSvg svg(stacked_bar_chart(kText, series, bars));
  auto segments = svg.all("rect", "chart-segment");
  BOOST_REQUIRE_EQUAL(segments.size(), 3u);
  BOOST_TEST(svg.tooltip(segments[1]) == "2025-01, neg<ative>: 1");
  BOOST_TEST(svg.all("rect", "chart-key").size() == 2u);
  BOOST_TEST(svg.texts("chart-legend") == (std::vector<std::string>{"positive", "neg<ative>"}),
             boost::test_tools::per_element());
  BOOST_TEST(svg.texts("chart-label").size() == 3u);
  // Segments of a bar stack: the second starts where the first ends.
  double top_of_first = segments[0]->DoubleAttribute("y");
  double bottom_of_second =
      segments[1]->DoubleAttribute("y") + segments[1]->DoubleAttribute("height");
  BOOST_TEST(std::abs(bottom_of_second - top_of_first) < 0.11);
}

BOOST_AUTO_TEST_CASE(stacked_chart_without_data_is_empty) {
  std::vector<Series> series = {{"positive", "#0a0"}};
  BOOST_TEST(stacked_bar_chart(kText, series, {}).empty());
  BOOST_TEST(stacked_bar_chart(kText, series, {{"2025-01", {0}}}).empty());
  ParsedSvg one(stacked_bar_chart(kText, series, {{"2025-01", {4}}}));
  BOOST_TEST(one.all("rect", "chart-segment").size() == 1u);
}

BOOST_AUTO_TEST_CASE(horizontal_chart_draws_one_row_per_point) {
  std::vector<ChartPoint> points = {
      {"Discussion", 10}, {"A very long flair name that goes on & on", 5}, {"Research", 1}};
  ParsedSvg svg(horizontal_bar_chart(kText, points));
  auto bars = svg.all("rect", "chart-bar");
  BOOST_REQUIRE_EQUAL(bars.size(), 3u);
  BOOST_TEST(svg.tooltip(bars[1]) == "A very long flair name that goes on & on: 5");
  BOOST_TEST(svg.texts("chart-value") == (std::vector<std::string>{"10", "5", "1"}),
             boost::test_tools::per_element());
  BOOST_TEST(svg.texts("chart-label")[1] == "A very long flair name t…");
  BOOST_TEST(bars[0]->DoubleAttribute("width") > bars[2]->DoubleAttribute("width"));
  BOOST_TEST(horizontal_bar_chart(kText, {}).empty());
  ParsedSvg one(horizontal_bar_chart(kText, {{"Only", 0}}));
  BOOST_TEST(one.all("rect", "chart-bar").size() == 1u);
}

BOOST_AUTO_TEST_CASE(svg_text_escapes_and_formats) {
  BOOST_TEST(digestif::escape_markup("a<b>&\"c'\x01") == "a&lt;b&gt;&amp;&quot;c&#39;");
  BOOST_TEST(svg_number(12.0) == "12");
  BOOST_TEST(svg_number(12.46) == "12.5");
  BOOST_TEST(svg_number(-0.01) == "0");
}

BOOST_AUTO_TEST_CASE(series_of_documents) {
  Document newer, older, review;
  newer.date = Timestamp{std::chrono::sys_days{std::chrono::year{2025} / 3 / 11}};
  older.date = Timestamp{std::chrono::sys_days{std::chrono::year{2025} / 1 / 30}};
  newer.data["stats"] = Value::Object{{"top_score", 30}};
  older.data["stats"] = Value::Object{{"top_score", 386}};
  newer.data["emotion_mix"] = Value::Object{{"positive", 2}, {"negative", 1}};
  Value flair = Value::Object{{"name", "Discussion"}};
  newer.data["threads"] =
      Value::Array{Value::Object{{"post_id", "a"}, {"flairs", Value::Array{flair}}},
                   Value::Object{{"post_id", "b"}, {"flairs", Value::Array{flair}}},
                   Value::Object{{"post_id", "c"}}};
  older.data["threads"] =
      Value::Array{Value::Object{{"post_id", "a"}, {"flairs", Value::Array{flair}}}};
  std::vector<ChartFacts> facts = chart_facts({&newer, &older, &review});
  FactsList documents = pointers_to(facts);
  std::vector<ChartPoint> scores = top_score_points(documents);
  BOOST_REQUIRE_EQUAL(scores.size(), 2u);
  BOOST_TEST(scores[0].label == "2025-01-30");
  BOOST_TEST(scores[0].value == 386);
  std::vector<StackedBar> months = emotion_months(documents);
  BOOST_REQUIRE_EQUAL(months.size(), 1u);
  BOOST_TEST(months[0].label == "2025-03");
  BOOST_TEST(months[0].values == (std::vector<double>{2, 0, 0, 1}),
             boost::test_tools::per_element());
  std::vector<ChartPoint> flairs = flair_counts(documents);
  BOOST_REQUIRE_EQUAL(flairs.size(), 2u);
  BOOST_TEST(flairs[0].label == "Discussion");
  BOOST_TEST(flairs[0].value == 2);  // thread "a" in both digests counts once
  BOOST_TEST(flairs[1].label == "No flair");

  Value set = chart_set(documents, "the site");
  BOOST_TEST(set.find("has_charts")->as_bool());
  BOOST_TEST(set.find("top_scores")->find("has_svg")->as_bool());
  BOOST_TEST(set.find("top_scores")->get_string("description").find("386 on 2025-01-30") !=
             std::string::npos);
  Value empty = chart_set({&facts[2]}, "tag “x”");
  BOOST_TEST(!empty.find("has_charts")->as_bool());
  BOOST_TEST(!empty.find("flairs")->find("has_svg")->as_bool());
  BOOST_TEST(empty.find("flairs")->get_string("note") == "No data for this chart.");
}

BOOST_AUTO_TEST_CASE(flairs_count_each_thread_once_per_flair) {
  // 3,000 digests of 2 threads each: thread i under "Research" in digests i and i + 1000 (so
  // 1,000 threads twice), and a thread of its own under "[D]" and also "News" in each.
  std::vector<Document> documents(3000);
  std::vector<ChartFacts> facts(documents.size());
  for (std::size_t d = 0; d < documents.size(); ++d) {
    facts[d].document = &documents[d];
    facts[d].has_threads = true;
    facts[d].flaired_threads = {{"Research", d % 2000 < 1000 ? d % 1000 : 5000 + d},
                                {"[D]", 10000 + d},
                                {"News", 10000 + d}};
  }
  facts[0].flaired_threads.push_back({"Research", 0});  // hash 0 is a thread like any other
  std::vector<ChartPoint> flairs = flair_counts(pointers_to(facts));
  BOOST_REQUIRE_EQUAL(flairs.size(), 3u);
  BOOST_TEST(flairs[0].label == "News");  // a tie: by name
  BOOST_TEST(flairs[0].value == 3000);
  BOOST_TEST(flairs[1].label == "[D]");
  BOOST_TEST(flairs[1].value == 3000);
  BOOST_TEST(flairs[2].label == "Research");
  BOOST_TEST(flairs[2].value == 2000);  // 1,000 shared by two digests, 1,000 of one each
}

BOOST_AUTO_TEST_CASE(long_series_merge_into_months_then_years) {
  // 400 digests, one a day from 2020-01-01: 14 months, 2 years.
  std::vector<Document> days(400);
  std::vector<const Document*> digests;
  for (std::size_t i = 0; i < days.size(); ++i) {
    days[i].date = Timestamp{std::chrono::sys_days{std::chrono::year{2020} / 1 / 1} +
                             std::chrono::days{static_cast<int>(i)}};
    days[i].permalink = "/d" + std::to_string(i) + "/";
    days[i].fingerprint = "made from version 1 of " + days[i].permalink;  // as a build sets it
    days[i].data["stats"] = Value::Object{{"top_score", static_cast<long>(i == 45 ? 9000 : i)}};
    days[i].data["emotion_mix"] = Value::Object{{"positive", 1}};
    days[i].data["threads"] = Value::Array{Value::Object{{"post_id", std::to_string(i)}}};
    digests.push_back(&days[i]);
  }
  std::vector<ChartFacts> facts = chart_facts(digests);
  FactsList documents = pointers_to(facts);
  std::vector<ChartPoint> months = highest_per_period(top_score_points(documents), 7);
  BOOST_REQUIRE_EQUAL(months.size(), 14u);
  BOOST_TEST(months[1].label == "2020-02");
  BOOST_TEST(months[1].value == 9000);  // 2020-02-15's, the highest of February
  BOOST_TEST(months[13].label == "2021-02");
  std::vector<StackedBar> years = sum_per_period(emotion_months(documents), 4);
  BOOST_REQUIRE_EQUAL(years.size(), 2u);
  BOOST_TEST(years[0].values[0] == 366);  // 2020 is a leap year
  BOOST_TEST(years[1].values[0] == 34);

  Value set = chart_set(documents, "the site");
  const Value& scores = *set.find("top_scores");
  BOOST_TEST(scores.get_string("title") == "Top score per month");
  BOOST_TEST(scores.get_string("description").find("months from 2020-01 to 2021-02") !=
             std::string::npos);
  BOOST_TEST(scores.get_string("description").find("9000 on 2020-02-15") != std::string::npos);
  BOOST_TEST(ParsedSvg(scores.get_string("svg")).all("rect", "chart-bar").size() == 14u);
  BOOST_TEST(set.find("emotions")->get_string("title") == "Emotion mix per month");
  ParsedSvg emotions(set.find("emotions")->get_string("svg"));
  BOOST_TEST(emotions.texts("chart-label").size() == 5u);  // months 1, 4, 7, 10, 13 of 14
  BOOST_TEST(emotions.texts("chart-label")[1] == "2020-04");
}

/// The charts a run without a memo draws.
Value again_of(Site& site) {
  Site fresh = site;
  ChartsAnalyzer().analyze(fresh);
  return *fresh.data.find("charts");
}

BOOST_AUTO_TEST_CASE(drawing_again_after_changes_equals_drawing_afresh) {
  SiteConfig config;
  Site site{config};
  std::deque<Document> days(90);
  for (std::size_t i = 0; i < days.size(); ++i) {
    days[i].date = Timestamp{std::chrono::sys_days{std::chrono::year{2025} / 6 / 1} -
                             std::chrono::days{static_cast<int>(i)}};
    days[i].permalink = "/d" + std::to_string(i) + "/";
    days[i].fingerprint = "made from version 1 of " + days[i].permalink;  // as a build sets it
    days[i].data["stats"] = Value::Object{{"top_score", static_cast<long>(i * 7 % 50)}};
    days[i].data["emotion_mix"] = Value::Object{{"positive", 1}};
    days[i].data["threads"] = Value::Array{Value::Object{{"post_id", std::to_string(i)}}};
    site.documents.push_back(&days[i]);
  }
  auto group_by_tag = [&] {  // as the tags plugin does: t0, t1, t2 by day
    GroupCollector collector;
    for (const Document* document : site.documents)
      collector.add("t" + std::to_string(document->permalink.size() % 3), *document);
    site.data["tags"] = collector.groups(config, "tags/", [](const std::string& s) { return s; });
  };
  std::string memo;
  AnalyzerMemo live;  // as a process that builds again keeps it
  auto draw_again_and_compare = [&] {
    group_by_tag();
    ChartsAnalyzer().analyze_with_memo(site, memo);
    Value again = *site.data.find("charts");
    ChartsAnalyzer().analyze_with_live_memo(site, live);
    BOOST_TEST(live.live != nullptr);
    Value again_live = *site.data.find("charts");
    ChartsAnalyzer().analyze(site);
    BOOST_TEST((again == *site.data.find("charts")));
    BOOST_TEST((again_live == *site.data.find("charts")));
    // What was taken from a memo is saved again as it was: the same bytes as drawn afresh.
    Site fresh = site;
    std::string fresh_memo;
    ChartsAnalyzer().analyze_with_memo(fresh, fresh_memo);
    BOOST_TEST(memo.size() == fresh_memo.size());
    BOOST_TEST((memo == fresh_memo));
    BOOST_TEST((live.saved() == fresh_memo));
  };
  draw_again_and_compare();
  draw_again_and_compare();  // nothing changed
  days[5].data["stats"]["top_score"] = 9000;
  days[5].fingerprint += ", edited";
  draw_again_and_compare();
  days[6].permalink = "/longer-permalink/";  // moves to another tag
  days[6].fingerprint += ", edited";
  draw_again_and_compare();
  site.documents.pop_back();
  draw_again_and_compare();
  ChartsAnalyzer().analyze_with_memo(site, memo = live.saved());  // the live memo, saved
  BOOST_TEST((*site.data.find("charts") == again_of(site)));
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace digestif::plugins::charts

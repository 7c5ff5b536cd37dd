// Tests of the pages plugin's Theme: loading checks with file:line, layout, escaping, partials.
#include "plugins/pages/theme.h"

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include "core/diagnostic.h"
#include "core/fingerprint.h"

namespace digestif::plugins::pages {
namespace {
namespace fs = std::filesystem;

/// A theme folder under the system temp folder, removed at the end.
struct ThemeFixture {
  fs::path folder;

  ThemeFixture() {
    std::random_device random;
    folder = fs::temp_directory_path() / ("digestif-theme-test-" + std::to_string(random()));
    fs::create_directories(folder / "templates");
    fs::create_directories(folder / "partials");
    file("templates/layout.mustache",
         "<html><head><title>{{title}}</title></head>\n"
         "<body>{{> header}}{{{content}}}</body></html>\n");
    file("templates/digest.mustache", "<h1>{{title}}</h1>\n<p>{{summary}}</p>\n{{> footer}}\n");
    file("partials/header.mustache", "<header>{{site_name}}</header>");
    file("partials/footer.mustache", "<footer>theme footer</footer>");
  }
  ~ThemeFixture() {
    std::error_code ec;
    fs::remove_all(folder, ec);
  }

  void file(const std::string& relative, const std::string& text) const {
    std::ofstream(folder / relative, std::ios::binary) << text;
  }

  /// The diagnostic of the Error loading the theme throws; fails the test when it does not.
  Diagnostic load_error() const {
    try {
      Theme theme(folder);
    } catch (const Error& error) {
      return error.diagnostic();
    }
    BOOST_FAIL("loading the theme did not throw");
    return {};
  }
};

Value page_context() {
  Value context = Value::object();
  context["title"] = "March digest";
  context["summary"] = "Ten threads";
  context["site_name"] = "ML Digest";
  return context;
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(theme)

BOOST_FIXTURE_TEST_CASE(renders_a_page_inside_the_layout, ThemeFixture) {
  Theme theme(folder);
  BOOST_TEST(theme.has_template("digest"));
  BOOST_TEST(theme.has_template("layout"));
  BOOST_TEST(!theme.has_template("review"));
  std::string html = theme.render_page("digest", page_context());
  BOOST_TEST(html.rfind("<html><head><title>March digest</title></head>", 0) == 0u);
  BOOST_TEST(contains(html, "<body><header>ML Digest</header><h1>March digest</h1>"));
  BOOST_TEST(contains(html, "<p>Ten threads</p>"));
  BOOST_TEST(contains(html, "<footer>theme footer</footer>"));
  BOOST_TEST(contains(html, "</body></html>"));
}

BOOST_FIXTURE_TEST_CASE(html_in_variables_is_escaped, ThemeFixture) {
  Theme theme(folder);
  Value context = page_context();
  context["title"] = "Tom & Jerry <script>alert(\"x\")</script>";
  context["summary"] = "<img src=x onerror=alert(1)>";
  std::string html = theme.render_page("digest", context);
  BOOST_TEST(!contains(html, "<script"));
  BOOST_TEST(!contains(html, "<img"));
  BOOST_TEST(contains(html, "Tom &amp; Jerry &lt;script&gt;"));
}

BOOST_FIXTURE_TEST_CASE(content_of_the_page_is_not_escaped_twice, ThemeFixture) {
  Theme theme(folder);
  std::string html = theme.render_page("digest", page_context());
  BOOST_TEST(!contains(html, "&lt;h1&gt;"));
}

BOOST_FIXTURE_TEST_CASE(sections_lists_and_missing_values, ThemeFixture) {
  file("templates/tag.mustache",
       "{{#entries}}<li>{{name}}</li>{{/entries}}{{^entries}}none{{/entries}}"
       "{{#missing}}hidden{{/missing}}{{#flag}}shown{{/flag}}[{{absent}}]");
  Theme theme(folder);
  Value context = Value::object();
  context["entries"].push_back(Value::object());
  context["entries"].as_array()[0]["name"] = "a";
  context["entries"].push_back(Value::object());
  context["entries"].as_array()[1]["name"] = "b";
  context["missing"] = Value();
  context["flag"] = true;
  std::string html = theme.render_page("tag", context);
  BOOST_TEST(contains(html, "<li>a</li><li>b</li>"));
  BOOST_TEST(!contains(html, "none"));
  BOOST_TEST(!contains(html, "hidden"));
  BOOST_TEST(contains(html, "shown[]"));
}

BOOST_FIXTURE_TEST_CASE(dotted_names_resolve_whole_from_the_innermost_section_out, ThemeFixture) {
  file("templates/tag.mustache",
       "{{#entries}}[{{site.path}}|{{entry.name}}|{{.}}|{{site.title}}|{{entry.}}]{{/entries}}"
       "{{site.path}}");
  Theme theme(folder);
  Value context = Value::object();
  context["site"]["path"] = "/blog/";
  context["site"]["title"] = "Blog";
  Value entry = Value::object();
  entry["site"]["title"] = "Entry's own site";  // has no path: site.path comes from outside
  entry["entry"]["name"] = "a";
  context["entries"].push_back(entry);
  std::string html = theme.render_page("tag", context);
  BOOST_TEST(contains(html, "[/blog/|a||Entry&apos;s own site|]/blog/"), html);
}

BOOST_FIXTURE_TEST_CASE(sealed_entries_render_as_plain_ones_on_every_page, ThemeFixture) {
  file("templates/tag.mustache",
       "{{#entries}}[{{title}}|{{#tags}}<{{name}}>{{/tags}}{{^tags}}no tags{{/tags}}|"
       "{{top.url}}|{{#top}}{{url}}{{/top}}|{{site.path}}]{{/entries}}{{page}}");
  Theme theme(folder);
  auto entry = [](const std::string& title, bool tagged) {
    Value made = Value::object();
    made["title"] = title;
    made["top"]["url"] = "https://example.org/" + title;
    made["tags"] = Value::array();
    if (tagged) made["tags"].push_back(Value::Object{{"name", "nlp"}});
    return made;
  };
  auto page = [&](int number, bool sealed) {
    Value context = Value::object();
    context["site"]["path"] = "/blog/";
    context["page"] = number;
    for (auto [title, tagged] : {std::pair{"a", true}, {"b", false}, {"a", true}}) {
      Value shown = entry(title, tagged);
      context["entries"].push_back(sealed ? Value::sealed(shown, Fingerprint::of(shown)) : shown);
    }
    return theme.render_page("tag", context, true);
  };
  std::string expected =
      "[a|<nlp>|https://example.org/a|https://example.org/a|/blog/]"
      "[b|no tags|https://example.org/b|https://example.org/b|/blog/]"
      "[a|<nlp>|https://example.org/a|https://example.org/a|/blog/]";
  BOOST_TEST(contains(page(1, false), expected + "1"));
  for (int number : {1, 2})  // made, then found again
    BOOST_TEST(page(number, true) == page(number, false));
}

BOOST_FIXTURE_TEST_CASE(partials_do_not_clash_with_data_of_the_same_name, ThemeFixture) {
  Theme theme(folder);
  Value context = page_context();
  context["footer"] = "<b>data footer</b>";
  context["header"] = "{{title}} from data";
  std::string html = theme.render_page("digest", context);
  BOOST_TEST(contains(html, "<footer>theme footer</footer>"));
  BOOST_TEST(contains(html, "<header>ML Digest</header>"));
  BOOST_TEST(!contains(html, "data footer"));
  BOOST_TEST(!contains(html, "from data"));
}

BOOST_FIXTURE_TEST_CASE(partials_can_include_partials, ThemeFixture) {
  file("partials/footer.mustache", "<footer>{{> credits}}</footer>");
  file("partials/credits.mustache", "made by {{site_name}}");
  Theme theme(folder);
  BOOST_TEST(
      contains(theme.render_page("digest", page_context()), "<footer>made by ML Digest</footer>"));
}

BOOST_FIXTURE_TEST_CASE(missing_partial_is_an_error_with_its_file_and_line, ThemeFixture) {
  file("templates/review.mustache", "<h1>{{title}}</h1>\n\n{{> sidebar }}\n");
  Diagnostic error = load_error();
  BOOST_TEST(fs::path(error.file) == folder / "templates" / "review.mustache");
  BOOST_TEST(error.line == 3);
  BOOST_TEST(error.message.find("sidebar") != std::string::npos);
}

BOOST_FIXTURE_TEST_CASE(missing_partial_inside_a_partial_names_the_partial, ThemeFixture) {
  file("partials/footer.mustache", "<footer>\n{{>nowhere}}</footer>");
  Diagnostic error = load_error();
  BOOST_TEST(fs::path(error.file) == folder / "partials" / "footer.mustache");
  BOOST_TEST(error.line == 2);
  BOOST_TEST(error.message.find("nowhere") != std::string::npos);
}

BOOST_FIXTURE_TEST_CASE(unclosed_section_is_an_error_naming_the_file, ThemeFixture) {
  file("templates/archive.mustache", "<ul>\n{{#entries}}\n<li>{{title}}</li>\n</ul>\n");
  Diagnostic error = load_error();
  BOOST_TEST(fs::path(error.file) == folder / "templates" / "archive.mustache");
  BOOST_TEST(error.message.find("entries") != std::string::npos);
}

BOOST_FIXTURE_TEST_CASE(mismatched_section_is_an_error_naming_the_file, ThemeFixture) {
  file("partials/header.mustache", "{{#a}}{{/b}}");
  Diagnostic error = load_error();
  BOOST_TEST(fs::path(error.file) == folder / "partials" / "header.mustache");
}

BOOST_FIXTURE_TEST_CASE(theme_without_layout_is_an_error, ThemeFixture) {
  fs::remove(folder / "templates" / "layout.mustache");
  Diagnostic error = load_error();
  BOOST_TEST(error.message.find("layout") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(missing_theme_folder_is_an_error) {
  fs::path nowhere = fs::temp_directory_path() / "digestif-no-such-theme";
  BOOST_CHECK_THROW(Theme{nowhere}, Error);
}

BOOST_FIXTURE_TEST_CASE(unknown_template_is_an_error_when_rendering, ThemeFixture) {
  Theme theme(folder);
  try {
    theme.render_page("review", page_context());
    BOOST_FAIL("no Error for a missing template");
  } catch (const Error& error) {
    BOOST_TEST(error.diagnostic().message.find("review.mustache") != std::string::npos);
  }
}

BOOST_FIXTURE_TEST_CASE(files_without_the_mustache_extension_are_ignored, ThemeFixture) {
  file("templates/notes.txt", "{{#broken");
  file("templates/digest.mustache~", "{{#broken");
  Theme theme(folder);
  BOOST_TEST(!theme.has_template("notes"));
  BOOST_TEST(contains(theme.render_page("digest", page_context()), "March digest"));
}

BOOST_AUTO_TEST_CASE(the_default_theme_loads) {
  Theme theme(fs::path(DIGESTIF_SOURCE_DIR) / "themes" / "default");
  BOOST_TEST(theme.has_template("layout"));
  BOOST_TEST(theme.has_template("digest"));
  BOOST_TEST(theme.has_template("home"));
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace digestif::plugins::pages

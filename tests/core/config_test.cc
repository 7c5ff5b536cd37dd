// Tests of core/config: load_config defaults, keys, warnings, errors with lines, and URL helpers.
#include "core/config.h"

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <string>

#include "core/diagnostic.h"
#include "core/diagnostic_sink.h"
#include "tests/core/temp_folder.h"

namespace digestif {
namespace {
namespace fs = std::filesystem;

/// Writes `yaml` to site.yaml in a temp folder and loads it.
struct ConfigFixture {
  testing::TempFolder dir{"digestif-config-test"};
  DiagnosticSink sink;

  fs::path write(const std::string& yaml) {
    fs::path file = dir.path / "site.yaml";
    std::ofstream(file, std::ios::binary) << yaml;
    return file;
  }
  SiteConfig load(const std::string& yaml) { return load_config(write(yaml), sink); }

  /// The diagnostic of the Error load_config throws; fails the test when it does not throw.
  Diagnostic error_of(const std::string& yaml) {
    fs::path file = write(yaml);
    try {
      load_config(file, sink);
    } catch (const Error& error) {
      return error.diagnostic();
    }
    BOOST_FAIL("load_config did not throw for:\n" + yaml);
    return {};
  }
};

SiteConfig with_base_url(const std::string& url) {
  SiteConfig config;
  config.base_url = url;
  return config;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(config)

BOOST_FIXTURE_TEST_CASE(empty_file_gives_the_defaults, ConfigFixture) {
  SiteConfig config = load("");
  BOOST_TEST(config.title == "digestif site");
  BOOST_TEST(config.base_url == "http://localhost:1313/");
  BOOST_TEST(config.description == "");
  BOOST_TEST(config.language == "en");
  BOOST_TEST(config.author == "");
  BOOST_TEST(config.theme == "default");
  BOOST_TEST(config.content_dir == fs::path("content"));
  BOOST_TEST(config.output_dir == fs::path("site"));
  BOOST_TEST(config.themes_dir == fs::path("themes"));
  BOOST_TEST(config.page_size == 10);
  BOOST_TEST(config.feed_size == 20);
  BOOST_TEST(config.permalink == "/:year/:month/:day/:slug/");
  BOOST_TEST(config.tag_aliases.empty());
  BOOST_TEST(config.plugins.empty());
  BOOST_TEST(sink.warnings() == 0);
  BOOST_TEST(sink.errors() == 0);
}

BOOST_FIXTURE_TEST_CASE(root_is_the_folder_of_the_file, ConfigFixture) {
  SiteConfig config = load("title: x\n");
  BOOST_TEST(config.file == dir.path / "site.yaml");
  BOOST_TEST(config.root == dir.path);
  BOOST_TEST(config.output_path() == dir.path / "site");
  BOOST_TEST(config.theme_dir() == dir.path / "themes" / "default");
}

BOOST_FIXTURE_TEST_CASE(every_key_is_read, ConfigFixture) {
  SiteConfig config = load(
      "title: \"My Site\"\n"
      "base_url: \"https://e.org/blog/\"\n"
      "description: A description\n"
      "language: fr\n"
      "author: Jane Doe\n"
      "theme: dark\n"
      "content: posts\n"
      "output: public\n"
      "themes: looks\n"
      "page_size: 5\n"
      "feed_size: 7\n"
      "permalink: \"/posts/:slug/\"\n"
      "tag_aliases:\n"
      "  ml: machine-learning\n"
      "  AI: artificial intelligence\n");
  BOOST_TEST(config.title == "My Site");
  BOOST_TEST(config.base_url == "https://e.org/blog/");
  BOOST_TEST(config.description == "A description");
  BOOST_TEST(config.language == "fr");
  BOOST_TEST(config.author == "Jane Doe");
  BOOST_TEST(config.theme == "dark");
  BOOST_TEST(config.content_dir == fs::path("posts"));
  BOOST_TEST(config.output_dir == fs::path("public"));
  BOOST_TEST(config.themes_dir == fs::path("looks"));
  BOOST_TEST(config.page_size == 5);
  BOOST_TEST(config.feed_size == 7);
  BOOST_TEST(config.permalink == "/posts/:slug/");
  BOOST_TEST(config.tag_aliases.size() == 2u);
  BOOST_TEST(config.tag_aliases.at("ml") == "machine-learning");
  BOOST_TEST(config.tag_aliases.at("AI") == "artificial intelligence");
  BOOST_TEST(config.theme_dir() == dir.path / "looks" / "dark");
  BOOST_TEST(config.output_path() == dir.path / "public");
  BOOST_TEST(sink.warnings() == 0);
}

BOOST_FIXTURE_TEST_CASE(the_sample_site_config_loads_without_warnings, ConfigFixture) {
  SiteConfig config = load_config(fs::path(DIGESTIF_SOURCE_DIR) / "site.yaml", sink);
  BOOST_TEST(config.title == "ML Digest");
  BOOST_TEST(config.base_url == "https://example.org/");
  BOOST_TEST(config.tag_aliases.at("ml") == "machine-learning");
  BOOST_TEST(sink.warnings() == 0);
}

BOOST_FIXTURE_TEST_CASE(unknown_key_warns_with_its_line, ConfigFixture) {
  SiteConfig config = load(
      "title: Site\n"
      "# a comment\n"
      "page_sise: 5\n"
      "author: Me\n");
  BOOST_TEST(config.title == "Site");
  BOOST_TEST(config.author == "Me");
  BOOST_TEST(config.page_size == 10);
  BOOST_REQUIRE(sink.warnings() == 1);
  BOOST_TEST(sink.errors() == 0);
  Diagnostic warning = sink.all().at(0);
  BOOST_TEST((warning.severity == Severity::warning));
  BOOST_TEST(warning.line == 3);
  BOOST_TEST(warning.file == (dir.path / "site.yaml").string());
  BOOST_TEST(warning.message.find("page_sise") != std::string::npos);
}

BOOST_FIXTURE_TEST_CASE(unknown_key_with_a_block_value_warns_at_the_key_line, ConfigFixture) {
  load(
      "title: Site\n"
      "extras:\n"
      "  - one\n"
      "  - two\n");
  BOOST_REQUIRE(sink.warnings() == 1);
  BOOST_TEST(sink.all().at(0).line == 2);
}

BOOST_FIXTURE_TEST_CASE(unknown_key_without_a_value_warns_at_its_line, ConfigFixture) {
  load(
      "title: Site\n"
      "author: Me\n"
      "nothing:\n");
  BOOST_REQUIRE(sink.warnings() == 1);
  BOOST_TEST(sink.all().at(0).line == 3);
}

BOOST_FIXTURE_TEST_CASE(text_page_size_is_an_error_at_its_line, ConfigFixture) {
  Diagnostic error = error_of(
      "title: Site\n"
      "page_size: \"x\"\n");
  BOOST_TEST(error.line == 2);
  BOOST_TEST(error.file == (dir.path / "site.yaml").string());
  BOOST_TEST(error.message.find("page_size") != std::string::npos);
}

BOOST_FIXTURE_TEST_CASE(out_of_range_sizes_are_errors, ConfigFixture) {
  BOOST_TEST(error_of("page_size: 0\n").line == 1);
  BOOST_TEST(error_of("title: a\nfeed_size: -3\n").line == 2);
  BOOST_TEST(error_of("page_size: 2.5\n").line == 1);
}

BOOST_FIXTURE_TEST_CASE(list_title_is_an_error_at_its_line, ConfigFixture) {
  Diagnostic error = error_of(
      "description: d\n"
      "\n"
      "title: [a]\n");
  BOOST_TEST(error.line == 3);
  BOOST_TEST(error.message.find("title") != std::string::npos);
}

BOOST_FIXTURE_TEST_CASE(block_list_title_is_an_error_at_the_key_line, ConfigFixture) {
  Diagnostic error = error_of(
      "description: d\n"
      "title:\n"
      "  - a\n"
      "  - b\n");
  BOOST_TEST(error.line == 2);
}

BOOST_FIXTURE_TEST_CASE(empty_title_is_an_error_at_its_line, ConfigFixture) {
  // An empty value's mark is where the next token starts (line 3): the Error must name the
  // key's line instead.
  Diagnostic error = error_of(
      "author: me\n"
      "title:\n"
      "language: en\n");
  BOOST_TEST(error.line == 2);
}

BOOST_FIXTURE_TEST_CASE(invalid_yaml_is_an_error_at_its_line, ConfigFixture) {
  Diagnostic error = error_of(
      "title: a\n"
      "author: b\n"
      "description: [unclosed\n");
  BOOST_TEST(error.line >= 3);
  BOOST_TEST(error.file == (dir.path / "site.yaml").string());
}

BOOST_FIXTURE_TEST_CASE(a_config_that_is_not_a_map_is_an_error, ConfigFixture) {
  BOOST_CHECK_THROW(load("- a\n- b\n"), Error);
}

BOOST_FIXTURE_TEST_CASE(base_url_without_scheme_is_an_error, ConfigFixture) {
  Diagnostic error = error_of("base_url: example.org\n");
  BOOST_TEST(error.message.find("http") != std::string::npos);
}

BOOST_FIXTURE_TEST_CASE(permalink_without_slug_is_an_error, ConfigFixture) {
  Diagnostic error = error_of("permalink: \"/:year/\"\n");
  BOOST_TEST(error.message.find(":slug") != std::string::npos);
}

BOOST_FIXTURE_TEST_CASE(tag_aliases_must_be_a_map, ConfigFixture) {
  Diagnostic error = error_of("title: a\ntag_aliases: [ml]\n");
  BOOST_TEST(error.line == 2);
}

BOOST_FIXTURE_TEST_CASE(plugins_map_reads_options_and_switches, ConfigFixture) {
  SiteConfig config = load(
      "title: Site\n"
      "plugins:\n"
      "  markdown:\n"
      "    unsafe_html: true\n"
      "    smart: false\n"
      "  sitemap: false\n"
      "  feeds:\n"
      "    enabled: false\n"
      "    rss: true\n"
      "  tags:\n"
      "  pages: true\n");
  BOOST_REQUIRE(config.plugins.size() == 5u);

  const PluginConfig& markdown = config.plugins[0];
  BOOST_TEST(markdown.name == "markdown");
  BOOST_TEST(markdown.enabled);
  BOOST_TEST(markdown.line == 3);
  BOOST_TEST((markdown.options.find("unsafe_html") != nullptr));
  BOOST_TEST(markdown.options.find("unsafe_html")->as_bool() == true);
  BOOST_TEST(markdown.options.find("smart")->as_bool() == false);

  const PluginConfig& sitemap = config.plugins[1];
  BOOST_TEST(sitemap.name == "sitemap");
  BOOST_TEST(!sitemap.enabled);
  BOOST_TEST(sitemap.line == 6);
  BOOST_TEST(sitemap.options.size() == 0u);

  const PluginConfig& feeds = config.plugins[2];
  BOOST_TEST(feeds.name == "feeds");
  BOOST_TEST(!feeds.enabled);
  BOOST_TEST(feeds.line == 7);
  BOOST_TEST((feeds.options.find("enabled") == nullptr));
  BOOST_TEST(feeds.options.find("rss")->as_bool() == true);

  const PluginConfig& tags = config.plugins[3];
  BOOST_TEST(tags.name == "tags");
  BOOST_TEST(tags.enabled);
  BOOST_TEST(tags.line == 10);

  BOOST_TEST(config.plugins[4].name == "pages");
  BOOST_TEST(config.plugins[4].enabled);
  BOOST_TEST(sink.warnings() == 0);
}

BOOST_FIXTURE_TEST_CASE(plugins_list_enables_each_name, ConfigFixture) {
  SiteConfig config = load("plugins: [markdown, tags]\n");
  BOOST_REQUIRE(config.plugins.size() == 2u);
  BOOST_TEST(config.plugins[0].name == "markdown");
  BOOST_TEST(config.plugins[1].name == "tags");
  BOOST_TEST(config.plugins[0].enabled);
}

BOOST_FIXTURE_TEST_CASE(plugin_switch_that_is_not_a_boolean_is_an_error, ConfigFixture) {
  Diagnostic error = error_of(
      "plugins:\n"
      "  markdown: maybe\n");
  BOOST_TEST(error.line == 2);
  BOOST_TEST(error.message.find("markdown") != std::string::npos);
}

BOOST_FIXTURE_TEST_CASE(plugin_enabled_that_is_not_a_boolean_is_an_error, ConfigFixture) {
  Diagnostic error = error_of(
      "plugins:\n"
      "  feeds:\n"
      "    enabled: sometimes\n");
  BOOST_TEST(error.message.find("enabled") != std::string::npos);
}

BOOST_FIXTURE_TEST_CASE(duplicate_plugin_option_is_an_error_at_the_second_line, ConfigFixture) {
  Diagnostic error = error_of(
      "plugins:\n"
      "  markdown:\n"
      "    smart: true\n"
      "    smart: false\n");
  BOOST_TEST(error.line == 4);
}

BOOST_AUTO_TEST_CASE(missing_file_is_an_error_naming_it) {
  DiagnosticSink sink;
  fs::path missing = fs::temp_directory_path() / "digestif-no-such-folder" / "site.yaml";
  try {
    load_config(missing, sink);
    BOOST_FAIL("no Error for a missing site.yaml");
  } catch (const Error& error) {
    BOOST_TEST(error.diagnostic().file == missing.string());
    BOOST_TEST((error.diagnostic().severity == Severity::error));
  }
}

BOOST_AUTO_TEST_CASE(base_path_is_the_path_of_base_url_ending_in_slash) {
  BOOST_TEST(with_base_url("https://e.org").base_path() == "/");
  BOOST_TEST(with_base_url("https://e.org/").base_path() == "/");
  BOOST_TEST(with_base_url("https://e.org/blog").base_path() == "/blog/");
  BOOST_TEST(with_base_url("https://e.org/blog/").base_path() == "/blog/");
  BOOST_TEST(with_base_url("http://localhost:1313/").base_path() == "/");
}

BOOST_AUTO_TEST_CASE(absolute_url_joins_the_origin_and_a_root_relative_path) {
  for (const char* url : {"https://e.org", "https://e.org/"}) {
    SiteConfig config = with_base_url(url);
    BOOST_TEST(config.absolute_url(config.base_path()) == "https://e.org/");
    BOOST_TEST(config.absolute_url(config.base_path() + "2025/03/11/x/") ==
               "https://e.org/2025/03/11/x/");
  }
  for (const char* url : {"https://e.org/blog", "https://e.org/blog/"}) {
    SiteConfig config = with_base_url(url);
    BOOST_TEST(config.absolute_url(config.base_path()) == "https://e.org/blog/");
    BOOST_TEST(config.absolute_url(config.base_path() + "tags/ai/") ==
               "https://e.org/blog/tags/ai/");
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace digestif

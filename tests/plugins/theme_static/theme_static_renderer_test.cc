// Tests of the theme_static plugin: every static theme file is copied with its bytes unchanged.
#include "plugins/theme_static/theme_static_renderer.h"

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

namespace digestif::plugins::theme_static {
namespace {
namespace fs = std::filesystem;

struct StaticFixture {
  fs::path folder;
  SiteConfig config;
  Site site{config, BuildOptions{}};

  StaticFixture() {
    std::random_device random;
    folder = fs::temp_directory_path() / ("digestif-static-test-" + std::to_string(random()));
    fs::create_directories(folder);
  }
  ~StaticFixture() {
    std::error_code ec;
    fs::remove_all(folder, ec);
  }
  void file(const std::string& relative, const std::string& bytes) const {
    fs::create_directories((folder / relative).parent_path());
    std::ofstream(folder / relative, std::ios::binary) << bytes;
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(theme_static_renderer)

BOOST_FIXTURE_TEST_CASE(plans_one_output_per_file_sorted, StaticFixture) {
  file("css/style.css", "body{}");
  file("js/app.js", "1");
  file("favicon.ico", "ico");
  file(".DS_Store", "junk");
  ThemeStaticRenderer renderer(folder);
  std::vector<std::string> paths;
  for (const PlannedOutput& output : renderer.plan(site)) paths.push_back(output.path);
  std::vector<std::string> expected = {"css/style.css", "favicon.ico", "js/app.js"};
  BOOST_TEST(paths == expected, boost::test_tools::per_element());
}

BOOST_FIXTURE_TEST_CASE(renders_the_bytes_unchanged, StaticFixture) {
  std::string bytes("\x89PNG\r\n\x1a\n\0\xff binary", 18);
  file("img/logo.png", bytes);
  ThemeStaticRenderer renderer(folder);
  std::vector<PlannedOutput> outputs = renderer.plan(site);
  BOOST_REQUIRE(outputs.size() == 1u);
  BOOST_TEST(renderer.render(outputs[0], site) == bytes);
}

BOOST_FIXTURE_TEST_CASE(missing_static_folder_plans_nothing, StaticFixture) {
  ThemeStaticRenderer renderer(folder / "static");
  BOOST_TEST(renderer.plan(site).empty());
}

BOOST_AUTO_TEST_CASE(the_default_theme_ships_its_stylesheet) {
  SiteConfig config;
  Site site{config, BuildOptions{}};
  ThemeStaticRenderer renderer(fs::path(DIGESTIF_SOURCE_DIR) / "themes/default/static");
  bool found = false;
  for (const PlannedOutput& output : renderer.plan(site)) found |= output.path == "css/style.css";
  BOOST_TEST(found);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace digestif::plugins::theme_static

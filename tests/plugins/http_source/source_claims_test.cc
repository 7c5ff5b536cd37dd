// Tests of which source plugin claims which `sources:` entry.
#include <boost/test/unit_test.hpp>

#include "core/diagnostic_sink.h"
#include "core/plugin_registry.h"
#include "plugins/builtin.h"

namespace digestif {
namespace {

/// The enabled source parts and the names of those that claim `location`.
struct Claims {
  SiteConfig config;
  BuildOptions build;
  DiagnosticSink sink;
  PartSet parts;
  Claims() {
    config.root = DIGESTIF_SOURCE_DIR;  // the themes the pages plugin checks
    PluginRegistry registry;
    plugins::register_builtin_plugins(registry);
    parts = registry.enable(config, build, sink);
  }
  std::vector<std::string> of(const std::string& location) const {
    std::vector<std::string> owners;
    for (const auto& source : parts.sources)
      if (source.part->claims(SourceEntry{location})) owners.push_back(source.plugin);
    return owners;
  }
};

BOOST_AUTO_TEST_SUITE(source_claims)

BOOST_AUTO_TEST_CASE(each_kind_of_entry_has_one_source) {
  Claims claims;
  using List = std::vector<std::string>;
  BOOST_TEST((claims.of("content") == List{"filesystem_source"}));
  BOOST_TEST((claims.of("/srv/digests") == List{"filesystem_source"}));
  BOOST_TEST((claims.of("https://x.org/digests/index.json") == List{"http_source"}));
  BOOST_TEST((claims.of("HTTP://x.org/a.md") == List{"http_source"}));
  BOOST_TEST(
      (claims.of("https://www.reddit.com/r/ml/comments/1px1agd/a_year/") == List{"reddit_source"}));
  BOOST_TEST((claims.of("https://old.reddit.com/r/ml/comments/1px1agd") == List{"reddit_source"}));
}

BOOST_AUTO_TEST_CASE(other_schemes_and_reddit_shapes_elsewhere_have_none) {
  Claims claims;
  BOOST_TEST(claims.of("ftp://x.org/a.md").empty());
  BOOST_TEST(claims.of("file:///etc/passwd").empty());
  BOOST_TEST(claims.of("https://mirror.example/r/ml/comments/1px1agd/a_year/").empty());
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace digestif

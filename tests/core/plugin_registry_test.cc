// Tests of core/plugin_registry: the order plugins are enabled in, options, unknown names.
#include "core/plugin_registry.h"

#include <boost/test/unit_test.hpp>
#include <string>
#include <vector>

namespace digestif {
namespace {

/// A plugin adding nothing, checking it has no options.
Plugin empty_plugin(const std::string& name) {
  return {name, "adds nothing", [](PluginSetup& setup) { setup.context().check_options({}); }};
}

std::vector<std::string> names(const std::vector<const Plugin*>& plugins) {
  std::vector<std::string> result;
  for (const Plugin* plugin : plugins) result.push_back(plugin->name);
  return result;
}

struct RegistryFixture {
  PluginRegistry registry;
  SiteConfig config;
  std::vector<Diagnostic> diagnostics;
  DiagnosticSink sink{[this](const Diagnostic& d) { diagnostics.push_back(d); }};

  RegistryFixture() {
    for (const char* name : {"a", "b", "c"}) registry.add(empty_plugin(name));
    config.file = "site.yaml";
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(plugin_registry)

BOOST_FIXTURE_TEST_CASE(unlisted_plugins_keep_their_order, RegistryFixture) {
  BOOST_TEST(names(registry.enable_order(config)) == (std::vector<std::string>{"a", "b", "c"}),
             boost::test_tools::per_element());
}

BOOST_FIXTURE_TEST_CASE(listed_plugins_come_first_in_site_yaml_order, RegistryFixture) {
  config.plugins = {{"c", true, Value::object(), 3}, {"b", true, Value::object(), 4}};
  BOOST_TEST(names(registry.enable_order(config)) == (std::vector<std::string>{"c", "b", "a"}),
             boost::test_tools::per_element());
}

BOOST_FIXTURE_TEST_CASE(unknown_name_is_an_error_at_its_line, RegistryFixture) {
  config.plugins = {{"zzz", true, Value::object(), 5}};
  try {
    registry.enable(config, BuildOptions{}, sink);
    BOOST_FAIL("no Error for an unknown plugin");
  } catch (const Error& error) {
    BOOST_TEST(error.diagnostic().line == 5);
  }
}

BOOST_FIXTURE_TEST_CASE(path_option_is_not_passed_on, RegistryFixture) {
  config.plugins = {{"a", true, Value::object(), 3}};
  config.plugins[0].options["path"] = "liba.so";
  config.plugins[0].options["colour"] = "blue";
  registry.enable(config, BuildOptions{}, sink);
  BOOST_REQUIRE(diagnostics.size() == 1);
  BOOST_TEST(diagnostics[0].message.find("\"colour\"") != std::string::npos);
  BOOST_TEST(diagnostics[0].line == 3);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace digestif

// Tests of core/plugin_loader: loading the example plugin library, and each way loading fails.
#include "core/plugin_loader.h"

#include <boost/test/unit_test.hpp>
#include <string>

#include "core/plugin_abi.h"

namespace digestif {
namespace {

const PluginOrigin kOrigin{"word_count", "site.yaml", 7};

/// The message of the Error loading `path` as `origin` throws, checked to be at site.yaml:7.
std::string load_error(const std::string& path, const PluginOrigin& origin = kOrigin) {
  PluginRegistry registry;
  try {
    load_plugin_library(path, registry, origin);
  } catch (const Error& error) {
    BOOST_TEST(error.diagnostic().file == "site.yaml");
    BOOST_TEST(error.diagnostic().line == 7);
    return error.diagnostic().message;
  }
  BOOST_FAIL("no Error loading " + path);
  return "";
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(plugin_loader)

BOOST_AUTO_TEST_CASE(example_plugin_is_registered_with_its_library) {
  PluginRegistry registry;
  load_plugin_library(DIGESTIF_WORD_COUNT_PLUGIN, registry, kOrigin);
  const Plugin* plugin = registry.find("word_count");
  BOOST_REQUIRE(plugin != nullptr);
  BOOST_TEST(plugin->library == DIGESTIF_WORD_COUNT_PLUGIN);
}

BOOST_AUTO_TEST_CASE(example_plugin_counts_words_of_a_document) {
  PluginRegistry registry;
  load_plugin_library(DIGESTIF_WORD_COUNT_PLUGIN, registry, kOrigin);
  SiteConfig config;
  config.plugins.push_back({"word_count", true, Value::object(), 7});
  config.plugins.back().options["words_per_minute"] = 2;
  DiagnosticSink sink([](const Diagnostic&) {});
  PartSet parts = registry.enable(config, BuildOptions{}, sink);
  BOOST_REQUIRE(parts.document_analyzers.size() == 1);
  BOOST_TEST(parts.document_analyzers[0].plugin == "word_count");
  Document document;
  document.body = "# Top threads\n\n1. **Ünïcode** words - and 42 | more\n";
  parts.document_analyzers[0].part->analyze(document);
  BOOST_TEST(document.data["words"].as_int() == 8);
  BOOST_TEST(document.data["minutes_to_read"].as_int() == 4);
  BOOST_TEST(parts.renderers.size() == 1);
}

BOOST_AUTO_TEST_CASE(missing_library_names_the_path) {
  std::string message = load_error("/nonexistent/libnothing.so");
  BOOST_TEST(message.rfind("plugin \"word_count\": no plugin library at /nonexistent", 0) == 0);
}

BOOST_AUTO_TEST_CASE(library_without_entry_point_is_refused) {
  BOOST_TEST(contains(load_error(DIGESTIF_NO_ENTRY_POINT_PLUGIN),
                      "has no digestif_plugin_info() entry point"));
}

BOOST_AUTO_TEST_CASE(wrong_abi_version_is_refused_before_registering) {
  std::string message = load_error(DIGESTIF_WRONG_ABI_PLUGIN, {"wrong_abi", "site.yaml", 7});
  BOOST_TEST(contains(message, "plugin ABI version " + std::to_string(kPluginApiVersion + 1000)));
}

BOOST_AUTO_TEST_CASE(library_registering_nothing_is_refused) {
  std::string message =
      load_error(DIGESTIF_REGISTERS_NOTHING_PLUGIN, {"registers_nothing", "site.yaml", 7});
  BOOST_TEST(contains(message, "registers 0 plugins"));
}

BOOST_AUTO_TEST_CASE(entry_named_otherwise_is_refused) {
  std::string message = load_error(DIGESTIF_WORD_COUNT_PLUGIN, {"words", "site.yaml", 7});
  BOOST_TEST(contains(message, "holds the plugin \"word_count\""));
}

BOOST_AUTO_TEST_CASE(name_already_taken_is_refused) {
  PluginRegistry registry;
  registry.add({"word_count", "a built-in of the same name", [](PluginSetup&) {}});
  try {
    load_plugin_library(DIGESTIF_WORD_COUNT_PLUGIN, registry, kOrigin);
    BOOST_FAIL("no Error for a taken name");
  } catch (const Error& error) {
    BOOST_TEST(contains(error.diagnostic().message, "already taken by a built-in plugin"));
  }
}

BOOST_AUTO_TEST_CASE(compatibility_needs_the_same_compiler_and_standard_library) {
  BOOST_TEST(abi_compatible(DIGESTIF_COMPILER, DIGESTIF_STD_LIBRARY));
  BOOST_TEST(!abi_compatible(DIGESTIF_COMPILER, "libc++ 1"));
  BOOST_TEST(!abi_compatible("msvc 19.0", DIGESTIF_STD_LIBRARY));
}

BOOST_AUTO_TEST_CASE(path_option_is_taken_from_site_yaml_folder) {
  SiteConfig config;
  config.file = "site.yaml";
  config.plugins.push_back({"word_count", true, Value::object(), 7});
  config.plugins.back().options["path"] = "no/such/lib.so";
  PluginRegistry registry;
  try {
    load_external_plugins(config, registry);
    BOOST_FAIL("no Error for a missing library");
  } catch (const Error& error) {
    BOOST_TEST(error.diagnostic().line == 7);
    BOOST_TEST(contains(error.diagnostic().message, "no/such/lib.so"));
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace digestif

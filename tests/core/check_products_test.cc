// Tests of check_products (core/site_build.h): conflicts and missing needs name the plugins.
#include <boost/test/unit_test.hpp>
#include <string>

#include "core/site_build.h"

namespace digestif {
namespace {

/// An analyzer that only declares what it needs and produces.
class DeclaringAnalyzer : public DocumentAnalyzer {
 public:
  DeclaringAnalyzer(std::vector<std::string> needs, std::vector<std::string> produces)
      : needs_(std::move(needs)), produces_(std::move(produces)) {}
  PartInfo info() const override { return {"declaring", Stage::analyze, needs_, produces_}; }
  void analyze(Document&) const override {}

 private:
  std::vector<std::string> needs_, produces_;
};

void add(PartSet& parts, const std::string& plugin, std::vector<std::string> needs,
         std::vector<std::string> produces) {
  parts.document_analyzers.push_back(
      {plugin, std::make_unique<DeclaringAnalyzer>(std::move(needs), std::move(produces))});
}

/// The Error check_products throws.
Diagnostic failure(const PartSet& parts, const SiteConfig& config) {
  try {
    check_products(parts, config);
  } catch (const Error& error) {
    return error.diagnostic();
  }
  BOOST_FAIL("no Error from check_products");
  return {};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(check_products_suite)

BOOST_AUTO_TEST_CASE(two_producers_are_named_at_the_listed_ones_line) {
  SiteConfig config;
  config.file = "site.yaml";
  config.plugins = {{"extra", true, Value::object(), 9}};
  PartSet parts;
  add(parts, "builtin", {"document"}, {"document.words"});
  add(parts, "extra", {"document"}, {"document.words"});
  Diagnostic diagnostic = failure(parts, config);
  BOOST_TEST(diagnostic.file == "site.yaml");
  BOOST_TEST(diagnostic.line == 9);
  BOOST_TEST(diagnostic.message.find("\"builtin\" and \"extra\" both produce document.words") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(need_nobody_produces_names_the_plugin) {
  SiteConfig config;
  config.file = "site.yaml";
  PartSet parts;
  add(parts, "lonely", {"document.nothing"}, {});
  Diagnostic diagnostic = failure(parts, config);
  BOOST_TEST(diagnostic.line == 0);
  BOOST_TEST(diagnostic.message.find("plugin \"lonely\" needs document.nothing") !=
             std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace digestif

// Tests of core/build_log: what a build log keeps comes back as it was, whatever its text holds,
// and a damaged log is no log.
#include "core/build_log.h"

#include <boost/test/unit_test.hpp>
#include <fstream>
#include <iterator>

#include "tests/core/temp_folder.h"

namespace digestif {
namespace {

BuildLog sample_log() {
  BuildLog log;
  log.inputs = {{"content/a.md", "10:1.5"}, {"theme tab\there", "new\nline and back\\slash"}};
  log.outputs = {{"a/index.html", "20:2.5"}, {"b/index.html", "30:3.5"}};
  log.fingerprints = {{"a/index.html", "00ff"}};  // b's is unknown
  log.renders = {{"pages/document_pages\tcontent/a.md", {"key1", {"a/index.html"}, "own1"}},
                 {"pages/document_pages\tcontent/b.md", {"key2", {}, "own2"}},
                 {"other/part\tcontent/a.md", {"key3", {"x.json", "y.json"}}}};
  log.own_entry_inputs = {{"pages/document_pages", "inputs1"}};
  log.diagnostics = {{Severity::warning, "content/a.md", 3, "bad\tthing: fix it\nnow"}};
  log.documents = 2;
  log.due = 1767225600;
  return log;
}

std::string text_of(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(build_log)

BOOST_AUTO_TEST_CASE(a_saved_log_loads_back_the_same) {
  testing::TempFolder folder;
  BuildLog saved = sample_log();
  save_build_log(folder.path / "build.log", saved);
  std::optional<BuildLog> loaded = load_build_log(folder.path / "build.log");
  BOOST_REQUIRE(loaded.has_value());
  BOOST_TEST((loaded->inputs == saved.inputs));
  BOOST_TEST((loaded->outputs == saved.outputs));
  BOOST_TEST((loaded->fingerprints == saved.fingerprints));
  BOOST_REQUIRE(loaded->renders.size() == 3u);
  for (const auto& [name, record] : saved.renders) {
    BOOST_REQUIRE(loaded->renders.count(name) == 1u);
    BOOST_TEST(loaded->renders.at(name).key == record.key);
    BOOST_TEST(loaded->renders.at(name).paths == record.paths, boost::test_tools::per_element());
    BOOST_TEST(loaded->renders.at(name).own == record.own);
  }
  BOOST_TEST((loaded->own_entry_inputs == saved.own_entry_inputs));
  BOOST_REQUIRE(loaded->diagnostics.size() == 1u);
  BOOST_TEST(loaded->diagnostics[0].message == "bad\tthing: fix it\nnow");
  BOOST_TEST(loaded->diagnostics[0].line == 3);
  BOOST_TEST(loaded->documents == 2u);
  BOOST_TEST(loaded->due == 1767225600);
}

BOOST_AUTO_TEST_CASE(a_missing_cut_short_or_foreign_log_is_no_log) {
  testing::TempFolder folder;
  std::filesystem::path file = folder.path / "build.log";
  BOOST_TEST(!load_build_log(file).has_value());
  save_build_log(file, sample_log());
  std::string text = text_of(file);
  std::ofstream(file, std::ios::binary) << text.substr(0, text.size() - 5);
  BOOST_TEST(!load_build_log(file).has_value());
  std::ofstream(file, std::ios::binary) << "digestif-build-log 2\ninput\ta\tb\n";
  BOOST_TEST(!load_build_log(file).has_value());
  std::ofstream(file, std::ios::binary)
      << text.substr(0, text.find('\n') + 1) << "what\tis\tthis\n";
  BOOST_TEST(!load_build_log(file).has_value());
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace digestif

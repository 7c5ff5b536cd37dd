// Tests of core/document_cache: a document comes back as it was saved, for the same input
// version and setup only; a damaged or foreign file is no cache.
#include "core/document_cache.h"

#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>

#include "core/fingerprint.h"

namespace digestif {
namespace {

namespace fs = std::filesystem;

struct TempFolder {
  fs::path path = fs::temp_directory_path() / ("digestif-cache-test-" + std::to_string(::getpid()));
  TempFolder() { fs::create_directories(path); }
  ~TempFolder() { fs::remove_all(path); }
};

Document sample_document() {
  Document document;
  document.source = "content/digests/2025-03-11-ml.md";
  document.source_stem = "2025-03-11-ml";
  document.kind = "digest";
  document.title = "ML digest";
  document.date = Timestamp(std::chrono::seconds(1741651200));
  document.tags = {"ai", "Machine Learning"};
  document.draft = true;
  document.slug = "ml";
  document.permalink = "/2025/03/11/ml/";
  document.body = std::string("# Body\n\nwith \0 a nul byte", 25);
  document.body_line = 7;
  document.html = "<h1>Body</h1>";
  document.front_matter["title"] = "ML digest";
  document.data["threads"].push_back(Value::Object{
      {"score", 1234}, {"ratio", 0.25}, {"flairs", Value::array()}, {"gone", Value()}});
  document.data["has_threads"] = true;
  return document;
}

const std::vector<Diagnostic> kWarnings = {
    {Severity::warning, "content/digests/2025-03-11-ml.md", 3, "mojibake repaired"}};

BOOST_AUTO_TEST_SUITE(document_cache)

BOOST_AUTO_TEST_CASE(a_document_comes_back_whole_with_its_diagnostics) {
  TempFolder folder;
  Document document = sample_document();
  DocumentCache(folder.path, "setup-1").write(document.source, "120:17.5", document, kWarnings);
  DocumentCache cache(folder.path, "setup-1");  // a later build
  BOOST_TEST(cache.has(document.source, "120:17.5"));
  std::optional<CachedDocument> entry = cache.read(document.source, "120:17.5");
  BOOST_TEST_REQUIRE(entry.has_value());
  const Document& back = entry->document;
  BOOST_TEST(back.title == document.title);
  BOOST_TEST(back.body == document.body);
  BOOST_TEST(back.html == document.html);
  BOOST_TEST(back.permalink == document.permalink);
  BOOST_TEST((back.date == document.date));
  BOOST_TEST(back.tags == document.tags, boost::test_tools::per_element());
  BOOST_TEST(back.draft);
  BOOST_TEST(back.body_line == 7);
  BOOST_TEST((back.front_matter == document.front_matter));
  BOOST_TEST((back.data == document.data));
  BOOST_TEST_REQUIRE(entry->diagnostics.size() == 1u);
  BOOST_TEST(entry->diagnostics[0].format() == document.source + ":3: warning: mojibake repaired");
}

BOOST_AUTO_TEST_CASE(another_version_or_setup_finds_nothing) {
  TempFolder folder;
  Document document = sample_document();
  DocumentCache(folder.path, "setup-1").write(document.source, "120:17.5", document, kWarnings);
  DocumentCache same(folder.path, "setup-1"), other(folder.path, "setup-2");
  BOOST_TEST(!same.has(document.source, "121:18.0"));
  BOOST_TEST(!same.read(document.source, "121:18.0").has_value());
  BOOST_TEST(!same.has("content/other.md", "120:17.5"));
  BOOST_TEST(!same.has(document.source, ""));  // an unknown version is never cached
  BOOST_TEST(!other.has(document.source, "120:17.5"));
  BOOST_TEST(!DocumentCache(folder.path / "missing", "setup-1").has(document.source, "120:17.5"));
}

BOOST_AUTO_TEST_CASE(a_damaged_file_is_no_cache) {
  TempFolder folder;
  Document document = sample_document();
  DocumentCache(folder.path, "setup-1").write(document.source, "120:17.5", document, kWarnings);
  fs::path file = fs::directory_iterator(folder.path)->path();
  for (std::uintmax_t size : {fs::file_size(file) - 1, std::uintmax_t{60}, std::uintmax_t{3}}) {
    fs::resize_file(file, size);
    BOOST_TEST(!DocumentCache(folder.path, "setup-1").read(document.source, "120:17.5"),
               "size " << size);
  }
  std::ofstream(file, std::ios::binary) << std::string(4096, '\xff');
  BOOST_TEST(!DocumentCache(folder.path, "setup-1").read(document.source, "120:17.5"));
}

BOOST_AUTO_TEST_CASE(stale_files_are_removed) {
  TempFolder folder;
  Document document = sample_document();
  DocumentCache cache(folder.path, "setup-1");
  cache.write(document.source, "1:1", document, {});
  cache.write(document.source, "2:2", document, {});
  cache.write("content/removed.md", "1:1", document, {});
  cache.remove_all_but({{document.source, "2:2"}});
  DocumentCache later(folder.path, "setup-1");
  BOOST_TEST(later.has(document.source, "2:2"));
  BOOST_TEST(!later.has(document.source, "1:1"));
  BOOST_TEST(!later.has("content/removed.md", "1:1"));
  BOOST_TEST(std::distance(fs::directory_iterator(folder.path), fs::directory_iterator()) == 1);
}

BOOST_AUTO_TEST_CASE(fingerprints_tell_values_apart) {
  auto hex = [](const Value& value) { return Fingerprint().add(value).hex(); };
  Document document = sample_document();
  BOOST_TEST(hex(document.data) == hex(sample_document().data));
  BOOST_TEST(hex(Value("1")) != hex(Value(1)));
  BOOST_TEST(hex(Value(1)) != hex(Value(1.0)));
  BOOST_TEST(hex(Value::array()) != hex(Value::object()));
  BOOST_TEST(Fingerprint().add("ab").add("c").hex() != Fingerprint().add("a").add("bc").hex());
  Value changed = document.data;
  changed["threads"].as_array()[0]["score"] = 1235;
  BOOST_TEST(hex(changed) != hex(document.data));
  BOOST_TEST(hex(document.data).size() == 16u);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace digestif

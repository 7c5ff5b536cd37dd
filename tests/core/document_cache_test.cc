// Tests of core/document_cache: a document comes back as it was saved, for the same input
// version and setup only; a damaged record or index is no cache; packs and indexes stay few.
#include "core/document_cache.h"

#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <map>

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

/// A document of its own for `origin`, its body saying `text`.
Document document_for(const std::string& origin, const std::string& text) {
  Document document = sample_document();
  document.source = origin;
  document.title = "Title of " + origin;
  document.body = text + std::string(2000, '.');
  document.data["said"] = text;
  return document;
}

/// One build: writes `documents` (origin -> text, each at version `text`), then indexes them
/// and the `kept` ones (origin -> version of the last build).
void build(const fs::path& folder, const std::string& setup,
           const std::map<std::string, std::string>& documents,
           const std::map<std::string, std::string>& kept = {}) {
  DocumentCache cache(folder, setup);
  std::vector<std::pair<std::string, std::string>> current(kept.begin(), kept.end());
  for (const auto& [origin, text] : documents) {
    cache.write(origin, text, document_for(origin, text), kWarnings);
    current.emplace_back(origin, text);
  }
  cache.finish(current);
}

/// True when the cache gives back the document build() wrote for `origin` with `text`.
bool reads_back(const DocumentCache& cache, const std::string& origin, const std::string& text) {
  std::optional<CachedDocument> entry = cache.read(origin, text);
  Document expected = document_for(origin, text);
  return entry && entry->document.title == expected.title &&
         entry->document.body == expected.body && entry->document.data == expected.data &&
         entry->diagnostics.size() == 1;
}

std::vector<fs::path> files_ending(const fs::path& folder, const std::string& extension) {
  std::vector<fs::path> found;
  for (const auto& entry : fs::directory_iterator(folder))
    if (entry.path().extension() == extension) found.push_back(entry.path());
  return found;
}

std::string contents(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

BOOST_AUTO_TEST_SUITE(document_cache)

BOOST_AUTO_TEST_CASE(a_document_comes_back_whole_with_its_diagnostics) {
  TempFolder folder;
  Document document = sample_document();
  {
    DocumentCache cache(folder.path, "setup-1");
    cache.write(document.source, "120:17.5", document, kWarnings);
    cache.finish({{document.source, "120:17.5"}});
  }
  DocumentCache cache(folder.path, "setup-1");  // a later build
  BOOST_TEST(cache.has(document.source, "120:17.5"));
  std::optional<CachedDocument> entry = cache.read(document.source, "120:17.5");
  BOOST_TEST_REQUIRE(entry.has_value());
  const Document& back = entry->document;
  BOOST_TEST(back.title == document.title);
  BOOST_TEST(back.body == document.body);
  BOOST_TEST(back.html.get() == document.html.get());
  BOOST_TEST(back.permalink == document.permalink);
  BOOST_TEST((back.date == document.date));
  BOOST_TEST(back.tags == document.tags, boost::test_tools::per_element());
  BOOST_TEST(back.draft);
  BOOST_TEST(back.body_line == 7);
  BOOST_TEST(back.front_matter.is_pending());  // decoded when a page shows it
  BOOST_TEST((back.front_matter == document.front_matter));
  BOOST_TEST((back.data == document.data));
  BOOST_TEST_REQUIRE(entry->diagnostics.size() == 1u);
  BOOST_TEST(entry->diagnostics[0].format() == document.source + ":3: warning: mojibake repaired");
}

BOOST_AUTO_TEST_CASE(a_document_read_back_outlives_the_cache_and_its_files) {
  // digestif serve keeps restored documents from one build to the next, while later builds
  // replace the packs they were read from.
  TempFolder folder;
  Document document = sample_document();
  std::optional<CachedDocument> entry;
  {
    DocumentCache writer(folder.path, "setup-1");
    writer.write(document.source, "120:17.5", document, kWarnings);
    writer.finish({{document.source, "120:17.5"}});
    DocumentCache reader(folder.path, "setup-1");
    entry = reader.read(document.source, "120:17.5");
  }
  fs::remove_all(folder.path);
  BOOST_TEST_REQUIRE(entry.has_value());
  BOOST_TEST(entry->document.html.get() == "<h1>Body</h1>");
  BOOST_TEST((entry->document.data == document.data));
  BOOST_TEST(entry->document.data.find("threads")->as_array()[0].find("score")->as_int() == 1234);
}

BOOST_AUTO_TEST_CASE(another_version_or_setup_finds_nothing) {
  TempFolder folder;
  Document document = sample_document();
  build(folder.path, "setup-1", {{document.source, "120:17.5"}});
  DocumentCache same(folder.path, "setup-1"), other(folder.path, "setup-2");
  BOOST_TEST(same.has(document.source, "120:17.5"));
  BOOST_TEST(!same.has(document.source, "121:18.0"));
  BOOST_TEST(!same.read(document.source, "121:18.0").has_value());
  BOOST_TEST(!same.has("content/other.md", "120:17.5"));
  BOOST_TEST(!same.has(document.source, ""));  // an unknown version is never cached
  BOOST_TEST(!other.has(document.source, "120:17.5"));
  BOOST_TEST(!other.read(document.source, "120:17.5").has_value());
  BOOST_TEST(!DocumentCache(folder.path / "missing", "setup-1").has(document.source, "120:17.5"));
}

BOOST_AUTO_TEST_CASE(one_pack_holds_a_build_and_what_it_no_longer_needs_goes) {
  TempFolder folder;
  std::ofstream(folder.path / "0123456789abcdef.document") << "the cache before packs";
  build(folder.path, "setup-1", {{"a.md", "a1"}, {"b.md", "b1"}, {"c.md", "c1"}});
  BOOST_TEST(files_ending(folder.path, ".pack").size() == 1u);
  BOOST_TEST(files_ending(folder.path, ".index").size() == 1u);
  BOOST_TEST(!fs::exists(folder.path / "0123456789abcdef.document"));
  build(folder.path, "setup-1", {{"a.md", "a2"}}, {{"b.md", "b1"}});  // c.md removed
  DocumentCache cache(folder.path, "setup-1");
  BOOST_TEST(reads_back(cache, "a.md", "a2"));
  BOOST_TEST(reads_back(cache, "b.md", "b1"));
  BOOST_TEST(!cache.has("a.md", "a1"));
  BOOST_TEST(!cache.has("c.md", "c1"));
}

BOOST_AUTO_TEST_CASE(a_damaged_record_is_no_cache_while_the_others_still_read) {
  TempFolder folder;
  build(folder.path, "setup-1",
        {{"a.md", "text of a"}, {"b.md", "text of b"}, {"c.md", "text of c"}});
  fs::path index = files_ending(folder.path, ".index").at(0);
  std::size_t at = contents(index).find("text of b" + std::string(100, '.'));
  BOOST_TEST_REQUIRE(at != std::string::npos);  // the part a restore reads is in the index
  {
    std::fstream file(index, std::ios::in | std::ios::out | std::ios::binary);
    file.seekp(static_cast<std::streamoff>(at + 50));
    file.put(',');  // one byte of b's body changed
  }
  DocumentCache damaged(folder.path, "setup-1");
  BOOST_TEST(damaged.has("b.md", "text of b"));  // the index still names it
  BOOST_TEST(!damaged.read("b.md", "text of b").has_value());
  BOOST_TEST(reads_back(damaged, "a.md", "text of a"));
  BOOST_TEST(reads_back(damaged, "c.md", "text of c"));
}

BOOST_AUTO_TEST_CASE(a_pack_no_longer_as_indexed_is_no_cache) {
  TempFolder folder;
  build(folder.path, "setup-1", {{"a.md", "text of a"}, {"b.md", "text of b"}});
  fs::path pack = files_ending(folder.path, ".pack").at(0);
  std::uintmax_t size = fs::file_size(pack);
  fs::resize_file(pack, size - 1);  // the last record cut short
  BOOST_TEST(!DocumentCache(folder.path, "setup-1").has("a.md", "text of a"));
  std::ofstream(pack, std::ios::binary) << std::string(size, '\xff');  // replaced
  DocumentCache replaced(folder.path, "setup-1");
  BOOST_TEST(!replaced.has("a.md", "text of a"));
  BOOST_TEST(!replaced.read("b.md", "text of b").has_value());
}

BOOST_AUTO_TEST_CASE(a_restored_document_hashes_its_data_members_as_the_original_did) {
  TempFolder folder;
  Document document = sample_document();
  document.data["large"] = std::string(3000, 'd');
  {
    DocumentCache cache(folder.path, "setup-1");
    cache.write("a.md", "a1", document, {});
    cache.finish({{"a.md", "a1"}});
  }
  std::optional<CachedDocument> read = DocumentCache(folder.path, "setup-1").read("a.md", "a1");
  BOOST_TEST_REQUIRE(read.has_value());
  for (const char* member : {"large", "threads", "has_threads", "missing"})
    BOOST_TEST(read->document.data.hash_of(member) == document.data.hash_of(member));
  BOOST_TEST(document.data.hash_of("missing") == 0u);
  BOOST_TEST(document.data.hash_of("large") != document.data.hash_of("threads"));
}

BOOST_AUTO_TEST_CASE(damage_to_the_html_or_large_data_is_an_error_when_they_are_read) {
  TempFolder folder;
  Document document = sample_document();
  document.html = "<p>" + std::string(3000, 'h') + "</p>";
  document.data["large"] = std::string(3000, 'd');
  {
    DocumentCache cache(folder.path, "setup-1");
    cache.write("a.md", "a1", document, {});
    cache.finish({{"a.md", "a1"}});
  }
  fs::path pack = files_ending(folder.path, ".pack").at(0);
  std::size_t at = contents(pack).find(std::string(3000, 'h'));
  BOOST_TEST_REQUIRE(at != std::string::npos);
  auto written = fs::last_write_time(pack);
  {
    std::fstream file(pack, std::ios::in | std::ios::out | std::ios::binary);
    file.seekp(static_cast<std::streamoff>(at + 1500));
    file.put('x');
  }
  fs::last_write_time(pack, written);  // damage the pack's size and time do not show
  DocumentCache cache(folder.path, "setup-1");
  std::optional<CachedDocument> read = cache.read("a.md", "a1");
  BOOST_TEST_REQUIRE(read.has_value());  // what a list page reads is read at once, and whole
  BOOST_TEST(read->document.title == document.title);
  BOOST_TEST((*read->document.data.find("has_threads") == Value(true)));
  for (auto read_later : {std::function<void()>([&] { read->document.html.get(); }),
                          std::function<void()>([&] { read->document.data.find("large"); })}) {
    try {
      read_later();
      BOOST_FAIL("damaged bytes read back");
    } catch (const Error& error) {
      BOOST_TEST(error.diagnostic().file == "a.md");
      BOOST_TEST(error.diagnostic().message.find("delete .digestif/ and build again") !=
                 std::string::npos);
    }
  }
}

BOOST_AUTO_TEST_CASE(a_damaged_index_is_no_cache) {
  TempFolder folder;
  build(folder.path, "setup-1", {{"a.md", "text of a"}});
  fs::path index = files_ending(folder.path, ".index").at(0);
  for (std::uintmax_t size : {fs::file_size(index) - 1, std::uintmax_t{20}, std::uintmax_t{0}}) {
    fs::resize_file(index, size);
    BOOST_TEST(!DocumentCache(folder.path, "setup-1").has("a.md", "text of a"), "size " << size);
  }
  std::ofstream(index, std::ios::binary) << std::string(4096, '\xff');
  BOOST_TEST(!DocumentCache(folder.path, "setup-1").has("a.md", "text of a"));
}

BOOST_AUTO_TEST_CASE(a_build_stopped_before_finishing_leaves_the_last_index) {
  TempFolder folder;
  build(folder.path, "setup-1", {{"a.md", "a1"}, {"b.md", "b1"}});
  {
    DocumentCache stopped(folder.path, "setup-1");
    stopped.write("a.md", "a2", document_for("a.md", "a2"), {});
  }  // never finished
  BOOST_TEST(files_ending(folder.path, ".pack").size() == 2u);
  DocumentCache next(folder.path, "setup-1");
  BOOST_TEST(!next.has("a.md", "a2"));
  BOOST_TEST(reads_back(next, "a.md", "a1"));
  BOOST_TEST(reads_back(next, "b.md", "b1"));
  // A build still writing its journal keeps it while another one finishes.
  DocumentCache running(folder.path, "setup-2");
  running.write("a.md", "a1", document_for("a.md", "a1"), kWarnings);
  next.finish({{"a.md", "a1"}, {"b.md", "b1"}});
  BOOST_TEST(files_ending(folder.path, ".pack").size() == 2u);  // the stopped journal is gone
  running.finish({{"a.md", "a1"}});
  BOOST_TEST(reads_back(DocumentCache(folder.path, "setup-2"), "a.md", "a1"));
  BOOST_TEST(reads_back(DocumentCache(folder.path, "setup-1"), "b.md", "b1"));
}

BOOST_AUTO_TEST_CASE(many_one_document_edits_keep_the_packs_few) {
  TempFolder folder;
  std::map<std::string, std::string> texts;
  for (int i = 0; i < 40; ++i) texts["doc" + std::to_string(i) + ".md"] = "version 0";
  build(folder.path, "setup-1", texts);
  fs::path first = files_ending(folder.path, ".pack").at(0);
  std::uintmax_t first_size = fs::file_size(first);
  for (int edit = 1; edit <= 60; ++edit) {
    std::string origin = "doc" + std::to_string(edit * 7 % 40) + ".md";
    texts[origin] = "version " + std::to_string(edit);
    std::map<std::string, std::string> kept = texts;
    kept.erase(origin);
    build(folder.path, "setup-1", {{origin, texts[origin]}}, kept);
    std::vector<fs::path> packs = files_ending(folder.path, ".pack");
    BOOST_TEST(packs.size() <= 8u, "after edit " << edit);
    if (edit == 1) {  // one edit adds a small pack: the others are not rewritten
      BOOST_TEST(fs::file_size(first) == first_size);
      BOOST_TEST(packs.size() == 2u);
    }
    // The first pack stays while most of its records are live, then its live ones are copied.
    if (edit == 15) BOOST_TEST(fs::exists(first));
    if (edit == 25) BOOST_TEST(!fs::exists(first));
  }
  DocumentCache cache(folder.path, "setup-1");
  for (const auto& [origin, text] : texts) BOOST_TEST(reads_back(cache, origin, text), origin);
}

BOOST_AUTO_TEST_CASE(two_setups_both_stay_a_third_drops_the_oldest) {
  TempFolder folder;
  build(folder.path, "setup-1", {{"a.md", "a1"}});
  build(folder.path, "setup-2", {{"a.md", "a2"}});
  BOOST_TEST(reads_back(DocumentCache(folder.path, "setup-1"), "a.md", "a1"));
  build(folder.path, "setup-1", {}, {{"a.md", "a1"}});  // setup-1 again: setup-2 stays
  BOOST_TEST(reads_back(DocumentCache(folder.path, "setup-2"), "a.md", "a2"));
  BOOST_TEST(files_ending(folder.path, ".index").size() == 2u);
  build(folder.path, "setup-3", {{"a.md", "a3"}});  // setup-2, the oldest, goes
  BOOST_TEST(!DocumentCache(folder.path, "setup-2").has("a.md", "a2"));
  BOOST_TEST(reads_back(DocumentCache(folder.path, "setup-1"), "a.md", "a1"));
  BOOST_TEST(reads_back(DocumentCache(folder.path, "setup-3"), "a.md", "a3"));
  BOOST_TEST(files_ending(folder.path, ".index").size() == 2u);
  BOOST_TEST(files_ending(folder.path, ".pack").size() == 2u);
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

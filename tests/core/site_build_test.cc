// Tests of build_site (core/site_build.h): the order and concurrency of a document's steps,
// builds again and again in one process, documents not prepared again (and one failing alone),
// documents prepared after their renderer's plan, a plan kept, planned pages failing alone, and
// what the build log keeps.
#include "core/site_build.h"

#include <unistd.h>

#include <atomic>
#include <boost/test/unit_test.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "core/build_log.h"

namespace digestif {
namespace {

/// Lists `count` made-up inputs.
class MemorySource : public Source {
 public:
  explicit MemorySource(int count) : count_(count) {}
  PartInfo info() const override { return {"memory", Stage::fetch, {}, {}}; }
  bool claims(const SourceEntry&) const override { return true; }
  std::vector<SourceItem> discover() const override {
    std::vector<SourceItem> items;
    for (int i = 0; i < count_; ++i)
      items.push_back({"doc" + std::to_string(i), "doc" + std::to_string(i), {}});
    return items;
  }
  RawSource load(const SourceItem& item) const override { return {item.origin, item.stem, "text"}; }

 private:
  int count_;
};

class PlainFormat : public Format {
 public:
  PartInfo info() const override { return {"plain", Stage::fetch, {}, {"document"}}; }
  bool accepts(const RawSource&) const override { return true; }
  Document parse(const RawSource& raw) const override {
    Document document;
    document.title = raw.origin;
    document.body = raw.bytes;
    document.date = *parse_date("2025-01-01");
    return document;
  }
};

/// Counts, per document, how many steps run on it at once; records the most ever seen.
struct Overlap {
  std::mutex mutex;
  std::map<std::string, int> active;
  int most = 0;
  void enter(const std::string& document) {
    std::lock_guard lock(mutex);
    most = std::max(most, ++active[document]);
  }
  void leave(const std::string& document) {
    std::lock_guard lock(mutex);
    --active[document];
  }
};

/// A step that needs only the parsed document, so nothing but the builder orders it.
class SlowStep : public DocumentAnalyzer {
 public:
  SlowStep(std::string name, Stage stage, Overlap& overlap)
      : name_(std::move(name)), stage_(stage), overlap_(overlap) {}
  PartInfo info() const override { return {name_, stage_, {"document"}, {"document." + name_}}; }
  void analyze(Document& document) const override {
    overlap_.enter(document.source);
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
    document.data[name_] = true;
    overlap_.leave(document.source);
  }

 private:
  std::string name_;
  Stage stage_;
  Overlap& overlap_;
};

/// Copies the body a document step sees into data["seen"].
class BodyReader : public DocumentAnalyzer {
 public:
  PartInfo info() const override {
    return {"seen", Stage::analyze, {"document"}, {"document.seen"}};
  }
  void analyze(Document& document) const override { document.data["seen"] = document.body; }
};

/// Writes "<title>.txt": what the document step saw, then the body as the renderer sees it.
class BodyRenderer : public Renderer {
 public:
  explicit BodyRenderer(bool declares_body) : declares_body_(declares_body) {}
  PartInfo info() const override {
    PartInfo info{"bodies", Stage::render, {"document.seen"}, {"output.bodies"}};
    if (declares_body_) info.needs.push_back("document.body");
    return info;
  }
  bool renders_documents() const override { return true; }
  std::vector<OutputFile> render_document(const Document& document, const Site&) const override {
    return {{document.title + ".txt", document.data.get_string("seen") + "|" + document.body}};
  }

 private:
  bool declares_body_;
};

/// Counts its runs in its memo and publishes the count as site.<name>.
class RunCounter : public SiteAnalyzer {
 public:
  explicit RunCounter(std::string name) : name_(std::move(name)) {}
  PartInfo info() const override { return {name_, Stage::analyze, {}, {"site." + name_}}; }
  void analyze(Site&) const override {}
  void analyze_with_memo(Site& site, std::string& memo) const override {
    memo += "x";
    site.data[name_] = static_cast<std::int64_t>(memo.size());
  }

 private:
  std::string name_;
};

/// Writes counts.txt: the value of each site product it names.
class CountsRenderer : public Renderer {
 public:
  explicit CountsRenderer(std::vector<std::string> names) : names_(std::move(names)) {}
  PartInfo info() const override {
    PartInfo info{"counts", Stage::render, {}, {"output.counts"}};
    for (const std::string& name : names_) info.needs.push_back("site." + name);
    return info;
  }
  std::vector<PlannedOutput> plan(const Site&) const override { return {{"counts.txt", {}}}; }
  std::string render(const PlannedOutput&, const Site& site) const override {
    std::string text;
    for (const std::string& name : names_)
      text += name + "=" + std::to_string(site.data.find(name)->as_int()) + "\n";
    return text;
  }

 private:
  std::vector<std::string> names_;
};

/// Inputs whose text a test sets; each version is the text itself.
class TextSource : public Source {
 public:
  explicit TextSource(std::map<std::string, std::string>& texts) : texts_(texts) {}
  PartInfo info() const override { return {"texts", Stage::fetch, {}, {}}; }
  bool claims(const SourceEntry&) const override { return true; }
  std::vector<SourceItem> discover() const override {
    std::vector<SourceItem> items;
    for (const auto& [origin, text] : texts_) items.push_back({origin, origin, {}, text});
    return items;
  }
  RawSource load(const SourceItem& item) const override {
    return {item.origin, item.stem, texts_.at(item.origin)};
  }

 private:
  std::map<std::string, std::string>& texts_;
};

/// Title on the first line, body after it.
class TitledFormat : public Format {
 public:
  PartInfo info() const override { return {"titled", Stage::fetch, {}, {"document"}}; }
  bool accepts(const RawSource&) const override { return true; }
  Document parse(const RawSource& raw) const override {
    Document document;
    document.title = raw.bytes.substr(0, raw.bytes.find('\n'));
    document.body = raw.bytes.substr(raw.bytes.find('\n') + 1);
    document.date = *parse_date("2025-01-01");
    return document;
  }
};

/// TitledFormat that warns about a question mark, into the sink of the build under way.
class QuestioningFormat : public TitledFormat {
 public:
  explicit QuestioningFormat(DiagnosticSink*& sink) : sink_(sink) {}
  Document parse(const RawSource& raw) const override {
    if (raw.bytes.find('?') != std::string::npos)
      sink_->warn(raw.origin, 2, "a question; answer it");
    return TitledFormat::parse(raw);
  }

 private:
  DiagnosticSink*& sink_;
};

/// Writes "<origin>.html": the document's body and the titles of all documents; counts the
/// documents it prepares.
class ListingRenderer : public Renderer {
 public:
  PartInfo info() const override {
    return {"listing", Stage::render, {"document.body"}, {"output.listing"}};
  }
  bool renders_documents() const override { return true; }
  std::vector<PreparedOutput> prepare_document(const Document& document,
                                               const Site& site) const override {
    ++prepared;
    if (!planned) ++prepared_unplanned;
    if (document.source == failing) throw Error(document.source, 1, "cannot list this one");
    std::string bytes = document.body;
    for (const Document* other : site.documents) bytes += "|" + other->title;
    return {{document.source + ".html", Fingerprint().add(bytes).hex(), [bytes] { return bytes; }}};
  }
  bool fingerprint_listed(const Document& other, Fingerprint& fingerprint) const override {
    fingerprint.add(other.title);
    return true;
  }
  /// Plans `pages`, slowly: a document prepared before plan() ends is counted.
  std::vector<PlannedOutput> plan(const Site&) const override {
    std::this_thread::sleep_for(std::chrono::milliseconds(pages.empty() ? 0 : 50));
    planned = true;
    std::vector<PlannedOutput> outputs;
    for (const std::string& page : pages) outputs.push_back({page, {}});
    return outputs;
  }
  std::string render(const PlannedOutput& output, const Site&) const override {
    if (output.path == failing) throw Error(output.path, 1, "cannot write this page");
    return "page " + output.path;
  }
  mutable std::atomic<int> prepared{0};
  std::string failing;  // the origin of a document it cannot prepare, or a page it cannot write
  std::vector<std::string> pages = {};
  mutable std::atomic<bool> planned{false};
  mutable std::atomic<int> prepared_unplanned{0};
};

/// A ListingRenderer whose pages also show every document's title, and that tells it; counts
/// its plans.
class TitledPagesRenderer : public ListingRenderer {
 public:
  bool fingerprint_planned(const Document& document, Fingerprint& fingerprint) const override {
    fingerprint.add(document.title);
    return true;
  }
  std::vector<PlannedOutput> plan(const Site& site) const override {
    ++plans;
    return ListingRenderer::plan(site);
  }
  std::string render(const PlannedOutput& output, const Site& site) const override {
    std::string bytes = ListingRenderer::render(output, site);
    for (const Document* document : site.documents) bytes += "|" + document->title;
    return bytes;
  }
  mutable std::atomic<int> plans{0};
};

/// site.mentions: for each document, the titles of the documents whose body says "see <its
/// title>".
class MentionsAnalyzer : public SiteAnalyzer {
 public:
  PartInfo info() const override {
    return {"mentions", Stage::analyze, {"document.body"}, {"site.mentions"}};
  }
  void analyze(Site& site) const override {
    Value mentions = Value::object();
    for (const Document* mentioned : site.documents) {
      Value& by = mentions[mentioned->permalink] = Value::array();
      for (const Document* other : site.documents)
        if (other->body.find("see " + mentioned->title) != std::string::npos)
          by.push_back(other->title);
    }
    site.data["mentions"] = std::move(mentions);
  }
  /// What analyze() reads: the title, and whom the body mentions.
  bool fingerprint_document(const Document& document, Fingerprint& fingerprint) const override {
    std::size_t see = document.body.find("see ");
    fingerprint.add(document.title)
        .add(see == std::string::npos ? std::string_view()
                                      : std::string_view(document.body).substr(see));
    return true;
  }
};

/// Writes "<origin>.html": the document's body and who mentions it (its own entry of
/// site.mentions); counts the documents it prepares.
class MentionedRenderer : public Renderer {
 public:
  PartInfo info() const override {
    PartInfo info{"mentioned", Stage::render, {"document.body"}, {"output.mentioned"}};
    info.wants = info.own_entries = {"site.mentions"};
    return info;
  }
  bool renders_documents() const override { return true; }
  bool fingerprint_listed(const Document&, Fingerprint&) const override { return true; }
  std::vector<PreparedOutput> prepare_document(const Document& document,
                                               const Site& site) const override {
    {
      std::lock_guard lock(mutex);
      prepared.insert(document.title);
    }
    std::string bytes = document.body + ", mentioned by";
    for (const Value& title : site.data.find("mentions")->find(document.permalink)->as_array())
      bytes += " " + title.as_string();
    return {{document.source + ".html", Fingerprint().add(bytes).hex(), [bytes] { return bytes; }}};
  }
  mutable std::mutex mutex;
  mutable std::set<std::string> prepared;  // titles
};

/// The bytes of `path`, "" when missing.
std::string file_text(const std::filesystem::path& path) {
  std::ifstream in(path);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

/// A site of titled texts that a ListingRenderer renders, in a temporary folder of its own.
struct ListingSite {
  explicit ListingSite(const std::string& name)
      : root(std::filesystem::temp_directory_path() /
             ("digestif-site-" + name + "-" + std::to_string(::getpid()))) {
    config.root = root;
    config.output_dir = "site";
    parts.sources.push_back({"test", std::make_unique<TextSource>(texts)});
    parts.formats.push_back({"test", std::make_unique<TitledFormat>()});
    auto renderer = std::make_unique<ListingRenderer>();
    listing = renderer.get();
    parts.renderers.push_back({"test", std::move(renderer)});
  }
  ~ListingSite() { std::filesystem::remove_all(root); }

  std::filesystem::path root;
  SiteConfig config;
  std::map<std::string, std::string> texts = {
      {"a", "A\nfirst"}, {"b", "B\nsecond"}, {"c", "C\nthird"}};
  PartSet parts;
  ListingRenderer* listing = nullptr;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(site_build)

BOOST_AUTO_TEST_CASE(the_body_outlives_the_document_steps_only_for_parts_that_declare_it) {
  for (bool declares : {false, true}) {
    auto root = std::filesystem::temp_directory_path() /
                ("digestif-site-body-" + std::to_string(::getpid()) + (declares ? "-y" : "-n"));
    SiteConfig config;
    config.root = root;
    config.output_dir = "site";
    PartSet parts;
    parts.sources.push_back({"test", std::make_unique<MemorySource>(3)});
    parts.formats.push_back({"test", std::make_unique<PlainFormat>()});
    parts.document_analyzers.push_back({"test", std::make_unique<BodyReader>()});
    parts.renderers.push_back({"test", std::make_unique<BodyRenderer>(declares)});
    DiagnosticSink sink;
    build_site(config, BuildOptions{}, parts, sink, 2);
    BOOST_TEST(sink.errors() == 0);
    BOOST_TEST(file_text(root / "site" / "doc1.txt") == (declares ? "text|text" : "text|"));
    std::filesystem::remove_all(root);
  }
}

BOOST_AUTO_TEST_CASE(steps_of_one_document_never_run_at_once) {
  auto root = std::filesystem::temp_directory_path() /
              ("digestif-site-build-" + std::to_string(::getpid()));
  SiteConfig config;
  config.root = root;
  config.output_dir = "site";
  Overlap per_document;
  PartSet parts;
  parts.sources.push_back({"test", std::make_unique<MemorySource>(8)});
  parts.formats.push_back({"test", std::make_unique<PlainFormat>()});
  for (const char* name : {"one", "two", "three"})
    parts.document_analyzers.push_back(
        {"test", std::make_unique<SlowStep>(name, Stage::analyze, per_document)});
  parts.document_analyzers.push_back(
      {"test", std::make_unique<SlowStep>("render", Stage::render, per_document)});
  DiagnosticSink sink;
  BuildSummary summary = build_site(config, BuildOptions{}, parts, sink, 4);
  BOOST_TEST(summary.documents == 8u);
  BOOST_TEST(sink.errors() == 0);
  BOOST_TEST(per_document.most == 1);
  BOOST_TEST(summary.tasks.failed == 0u);
  std::filesystem::remove_all(root);
}

BOOST_AUTO_TEST_CASE(a_process_that_builds_again_and_again_keeps_every_site_analyzers_run) {
  auto root = std::filesystem::temp_directory_path() /
              ("digestif-site-memory-" + std::to_string(::getpid()));
  SiteConfig config;
  config.root = root;
  config.output_dir = "site";
  std::vector<std::string> names;
  for (int i = 0; i < 48; ++i) names.push_back("counter" + std::to_string(i));
  PartSet parts;
  parts.sources.push_back({"test", std::make_unique<MemorySource>(2)});
  parts.formats.push_back({"test", std::make_unique<PlainFormat>()});
  for (const std::string& name : names)
    parts.site_analyzers.push_back({"test", std::make_unique<RunCounter>(name)});
  parts.renderers.push_back({"test", std::make_unique<CountsRenderer>(names)});
  BuildMemory memory;  // what `digestif serve` keeps between its builds
  for (int build = 1; build <= 200; ++build) {
    DiagnosticSink sink;
    build_site(config, BuildOptions{}, parts, sink, 8, &memory);
    BOOST_REQUIRE(sink.errors() == 0);
    std::string expected;
    for (const std::string& name : names) expected += name + "=" + std::to_string(build) + "\n";
    BOOST_REQUIRE(file_text(root / "site" / "counts.txt") == expected);
  }
  std::filesystem::remove_all(root);
}

BOOST_AUTO_TEST_CASE(a_document_whose_inputs_are_unchanged_is_not_prepared_again) {
  ListingSite site("listing");
  auto& [root, config, texts, parts, listing] = site;
  auto build = [&] {
    listing->prepared = 0;
    DiagnosticSink sink;
    build_site(config, BuildOptions{}, parts, sink, 2);
    BOOST_REQUIRE(sink.errors() == 0);
    return listing->prepared.load();
  };
  BOOST_TEST(build() == 3);
  texts["b"] = "B\nsecond, edited";  // its body only: the others show nothing of it
  BOOST_TEST(build() == 1);
  BOOST_TEST(file_text(root / "site" / "b.html") == "second, edited|A|B|C");
  texts["c"] = "C, retitled\nthird";  // a title every document shows
  BOOST_TEST(build() == 3);
  BOOST_TEST(file_text(root / "site" / "a.html") == "first|A|B|C, retitled");
  std::filesystem::remove(root / "site" / "a.html");  // an output changed behind the build's back
  texts["b"] = "B\nsecond";
  BOOST_TEST(build() == 2);
  BOOST_TEST(file_text(root / "site" / "a.html") == "first|A|B|C, retitled");
}

BOOST_AUTO_TEST_CASE(a_build_with_nothing_to_do_repeats_the_last_ones_documents_and_warnings) {
  for (bool in_memory : {false, true}) {
    ListingSite site(in_memory ? "nothing-m" : "nothing-d");
    std::filesystem::create_directories(site.root);
    site.config.file = site.root / "site.yaml";  // a build without one has always changed
    std::ofstream(site.config.file) << "title: Nothing new\n";
    site.texts["b"] = "B\nsecond?";
    DiagnosticSink* current = nullptr;
    site.parts.formats[0].part = std::make_unique<QuestioningFormat>(current);
    BuildMemory memory;
    BuildSummary summary;
    for (int build = 1; build <= 4 && !summary.up_to_date; ++build) {
      DiagnosticSink sink;
      current = &sink;
      summary = build_site(site.config, BuildOptions{}, site.parts, sink, 2,
                           in_memory ? &memory : nullptr);
      BOOST_REQUIRE(sink.errors() == 0);
      BOOST_TEST_REQUIRE(sink.warnings() == 1);
      BOOST_TEST(sink.all().back().format() == "b:2: warning: a question; answer it");
    }
    BOOST_TEST(summary.up_to_date);
    BOOST_TEST(summary.documents == 3u);
  }
}

BOOST_AUTO_TEST_CASE(a_document_that_fails_to_render_again_fails_alone) {
  for (bool in_memory : {false, true}) {  // restored from the cache on disk, or kept in memory
    ListingSite site(in_memory ? "failing-m" : "failing-d");
    auto& [root, config, texts, parts, listing] = site;
    BuildMemory memory;
    DiagnosticSink first;
    build_site(config, BuildOptions{}, parts, first, 2, in_memory ? &memory : nullptr);
    BOOST_REQUIRE(first.errors() == 0);
    listing->failing = "a";
    texts["c"] = "C, retitled\nthird";  // every document is prepared again
    DiagnosticSink sink;
    build_site(config, BuildOptions{}, parts, sink, 2, in_memory ? &memory : nullptr);
    BOOST_REQUIRE(sink.errors() == 1);
    BOOST_TEST(sink.all().back().file == "a");
    BOOST_TEST(sink.all().back().message == "cannot list this one");
    BOOST_TEST(file_text(root / "site" / "b.html") == "second|A|B|C, retitled");
    BOOST_TEST(file_text(root / "site" / "c.html") == "third|A|B|C, retitled");
  }
}

BOOST_AUTO_TEST_CASE(documents_are_prepared_after_their_renderers_plan) {
  for (bool in_memory : {false, true}) {
    ListingSite site(in_memory ? "planned-m" : "planned-d");
    auto& [root, config, texts, parts, listing] = site;
    listing->pages = {"index.html"};
    BuildMemory memory;
    for (const char* title : {"C", "C, retitled"}) {  // the second prepares them all again
      texts["c"] = std::string(title) + "\nthird";
      listing->planned = false;
      listing->prepared = 0;
      DiagnosticSink sink;
      build_site(config, BuildOptions{}, parts, sink, 2, in_memory ? &memory : nullptr);
      BOOST_REQUIRE(sink.errors() == 0);
      BOOST_TEST(listing->prepared == 3);
      BOOST_TEST(listing->prepared_unplanned == 0);
    }
  }
}

BOOST_AUTO_TEST_CASE(a_plan_made_from_the_same_inputs_is_kept_with_its_outputs) {
  for (bool in_memory : {false, true}) {
    ListingSite site(in_memory ? "plan-kept-m" : "plan-kept-d");
    auto& [root, config, texts, parts, listing] = site;
    auto renderer = std::make_unique<TitledPagesRenderer>();
    TitledPagesRenderer* titled = renderer.get();
    titled->pages = {"index.html", "more.html"};
    parts.renderers[0].part = std::move(renderer);
    BuildMemory memory;
    auto plans = [&] {  // builds; how many times the renderer planned
      titled->plans = 0;
      DiagnosticSink sink;
      build_site(config, BuildOptions{}, parts, sink, 2, in_memory ? &memory : nullptr);
      BOOST_REQUIRE(sink.errors() == 0);
      return titled->plans.load();
    };
    std::filesystem::path index = root / "site" / "index.html";
    BOOST_TEST(plans() == 1);
    BOOST_TEST(file_text(index) == "page index.html|A|B|C");
    texts["b"] = "B\nsecond, edited";  // its body only: the pages show nothing of it
    BOOST_TEST(plans() == 0);
    BOOST_TEST(file_text(index) == "page index.html|A|B|C");
    BOOST_TEST(file_text(root / "site" / "more.html") == "page more.html|A|B|C");
    BOOST_TEST(file_text(root / "site" / "b.html") == "second, edited|A|B|C");
    texts["c"] = "C, retitled\nthird";  // a title the pages show
    BOOST_TEST(plans() == 1);
    BOOST_TEST(file_text(index) == "page index.html|A|B|C, retitled");
    if (!in_memory) {  // a build that remembers its outputs does not look at them again
      std::filesystem::remove(index);  // an output changed behind the build's back
      texts["b"] = "B\nsecond";
      BOOST_TEST(plans() == 1);
      BOOST_TEST(file_text(index) == "page index.html|A|B|C, retitled");
    }
    texts["a"] = "A\nfirst, edited";
    BOOST_TEST(plans() == 0);
    BOOST_TEST(file_text(index) == "page index.html|A|B|C, retitled");  // kept, not removed
  }
}

BOOST_AUTO_TEST_CASE(a_document_is_prepared_again_when_its_own_entry_of_a_product_changes) {
  for (bool in_memory : {false, true}) {
    ListingSite site(in_memory ? "own-entry-m" : "own-entry-d");
    auto& [root, config, texts, parts, listing] = site;
    texts = {{"a", "A\nfirst"}, {"b", "B\nsecond, see C"}, {"c", "C\nthird"}, {"d", "D\nfourth"}};
    parts.site_analyzers.push_back({"test", std::make_unique<MentionsAnalyzer>()});
    auto renderer = std::make_unique<MentionedRenderer>();
    MentionedRenderer* mentioned = renderer.get();
    parts.renderers[0].part = std::move(renderer);
    BuildMemory memory;
    auto prepared = [&] {  // builds; the titles of the documents prepared
      mentioned->prepared.clear();
      DiagnosticSink sink;
      build_site(config, BuildOptions{}, parts, sink, 2, in_memory ? &memory : nullptr);
      BOOST_REQUIRE(sink.errors() == 0);
      return mentioned->prepared;
    };
    BOOST_TEST(prepared().size() == 4u);
    BOOST_TEST(file_text(root / "site" / "c.html") == "third, mentioned by B");
    texts["b"] = "B\nsecond, see A";  // site.mentions changes for a and c; d's entry stays
    BOOST_TEST((prepared() == std::set<std::string>{"A", "B", "C"}));
    BOOST_TEST(file_text(root / "site" / "a.html") == "first, mentioned by B");
    BOOST_TEST(file_text(root / "site" / "c.html") == "third, mentioned by");
    BOOST_TEST(file_text(root / "site" / "d.html") == "fourth, mentioned by");
    texts["d"] = "D\nfourth, edited";  // its own change only: site.mentions is kept
    BOOST_TEST((prepared() == std::set<std::string>{"D"}));
    texts["a"] = "A\nfirst, see D";  // and another change to it
    BOOST_TEST((prepared() == std::set<std::string>{"A", "D"}));
    BOOST_TEST(file_text(root / "site" / "d.html") == "fourth, edited, mentioned by A");
    BOOST_TEST(file_text(root / "site" / "c.html") == "third, mentioned by");
  }
}

BOOST_AUTO_TEST_CASE(a_planned_page_that_fails_fails_alone) {
  ListingSite site("failing-page");
  auto& [root, config, texts, parts, listing] = site;
  listing->pages = {"one.html", "two.html", "three.html"};
  listing->failing = "two.html";
  DiagnosticSink sink;
  build_site(config, BuildOptions{}, parts, sink, 2);
  BOOST_REQUIRE(sink.errors() == 1);
  BOOST_TEST(sink.all().back().file == "two.html");
  BOOST_TEST(sink.all().back().message == "cannot write this page");
  BOOST_TEST(file_text(root / "site" / "one.html") == "page one.html");
  BOOST_TEST(file_text(root / "site" / "three.html") == "page three.html");
  BOOST_TEST(!std::filesystem::exists(root / "site" / "two.html"));
}

BOOST_AUTO_TEST_CASE(the_build_log_forgets_a_removed_document) {
  for (bool in_memory : {false, true}) {
    ListingSite site(in_memory ? "removed-m" : "removed-d");
    auto& [root, config, texts, parts, listing] = site;
    texts.erase("c");
    BuildMemory memory;
    auto build = [&] {
      DiagnosticSink sink;
      build_site(config, BuildOptions{}, parts, sink, 2, in_memory ? &memory : nullptr);
      BOOST_REQUIRE(sink.errors() == 0);
      if (in_memory) memory.save();  // what serve does when it stops
      std::optional<BuildLog> log = load_build_log(config.build_log_path());
      BOOST_REQUIRE(log.has_value());
      return *log;
    };
    BuildLog log = build();
    BOOST_TEST(log.renders.count("test/listing\tb") == 1u);
    BOOST_TEST(log.outputs.count("b.html") == 1u);
    texts.erase("b");
    log = build();
    BOOST_TEST(!std::filesystem::exists(root / "site" / "b.html"));
    BOOST_TEST(log.renders.size() == 1u);
    BOOST_TEST(log.renders.count("test/listing\ta") == 1u);
    BOOST_TEST(log.outputs.size() == 1u);
    BOOST_TEST(log.fingerprints.count("b.html") == 0u);
    BOOST_TEST(log.inputs.count("b") == 0u);
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace digestif

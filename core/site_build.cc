// build_site: the phase order of a build, expressed as tasks and their data dependencies.
#include "core/site_build.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <deque>
#include <future>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <unordered_set>

#include "core/builder.h"
#include "core/document_cache.h"
#include "core/fingerprint.h"
#include "core/output_writer.h"
#include "core/permalink.h"
#include "core/site_product_cache.h"
#include "core/text_cleanup.h"
#include "core/up_to_date.h"

namespace digestif {
namespace {

bool is_document_product(const std::string& key) { return key.rfind("document", 0) == 0; }

/// What the formats make: the document and its markup source.
bool is_parsed_product(const std::string& key) {
  return key == "document" || key == "document.body";
}

/// True when a site analyzer or renderer reads documents' bodies (see PartInfo).
bool body_needed_after_analysis(const PartSet& parts) {
  auto reads_body = [](const PartInfo& info) {
    for (const auto* list : {&info.needs, &info.wants})
      if (std::find(list->begin(), list->end(), "document.body") != list->end()) return true;
    return false;
  };
  for (const auto& owned : parts.site_analyzers)
    if (reads_body(owned.part->info())) return true;
  for (const auto& owned : parts.renderers)
    if (reads_body(owned.part->info())) return true;
  return false;
}

/// The site.yaml line of a plugin's entry; 0 when site.yaml does not list it.
int config_line(const SiteConfig& config, const std::string& plugin) {
  for (const PluginConfig& entry : config.plugins)
    if (entry.name == plugin) return entry.line;
  return 0;
}

/// Who wrote an output, for "written twice" errors: "plugin/part (site.yaml:N)".
std::string producer_label(const SiteConfig& config, const std::string& plugin,
                           const std::string& part) {
  std::string label = plugin + "/" + part;
  if (int line = config_line(config, plugin); line > 0)
    label += " (" + config.file.string() + ":" + std::to_string(line) + ")";
  return label;
}

/// The parts in an order where each follows the parts producing what it needs; `given(need)`
/// tells the needs met before any of them runs. A cycle is an Error naming a part in it.
template <typename PartType>
std::vector<const PartType*> order_by_needs(const std::vector<Owned<PartType>>& parts,
                                            const std::function<bool(const std::string&)>& given) {
  std::vector<const PartType*> order, left;
  std::set<std::string> made;
  for (const auto& owned : parts) left.push_back(owned.part.get());
  auto ready = [&](const PartType* part) {
    auto needs = part->info().needs;
    return std::all_of(needs.begin(), needs.end(), [&](const std::string& need) {
      return given(need) || made.count(need) != 0;
    });
  };
  while (!left.empty()) {
    auto next = std::find_if(left.begin(), left.end(), ready);
    if (next == left.end())
      throw Error(
          "", 0,
          "plugins need each other's products in a cycle, e.g. " + left.front()->info().name);
    for (const std::string& product : (*next)->info().produces) made.insert(product);
    order.push_back(*next);
    left.erase(next);
  }
  return order;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

/// One input on its way through the build.
struct Slot {
  const Source* source = nullptr;
  SourceItem item;
  Document document;
  std::atomic<bool> failed{false};
  bool published = false;
  bool cached = false;                          // restored from the document cache
  std::vector<Diagnostic> diagnostics;          // reported by its parse and analysis
  std::vector<std::uint64_t> reads;             // see CachedDocument
  std::map<std::string, TaskId> producers;      // document product -> task that makes it
  std::optional<TaskId> restored_by;            // instead: one task restores every product
  std::map<std::string, RenderRecord> renders;  // renderer name -> what it made of the document
                                                // now (not when it kept the last build's)
};

class GraphComposer {
 public:
  GraphComposer(const SiteConfig& config, const BuildOptions& options, const PartSet& parts,
                DiagnosticSink& sink, BuildMemory* memory)
      : parts_(parts), sink_(sink), site_{config, options}, memory_(memory) {
    static std::atomic<std::uint64_t> builds = 0;
    site_.build = ++builds;
  }

  BuildSummary run(unsigned threads) {
    auto start = std::chrono::steady_clock::now();
    std::size_t reported_before = sink_.all().size();
    UpToDate up_to_date(site_.config, site_.options,
                        memory_ != nullptr ? memory_->take_log() : std::nullopt);
    setup_ = up_to_date.analysis_setup();
    std::future<std::unique_ptr<DocumentCache>> cache_opened = open_cache();
    discover();
    for (const Slot& slot : slots_) up_to_date.add_input(slot.item.origin, slot.item.version);
    BuildSummary summary;
    summary.reasons = up_to_date.reasons_to_build(now_);
    summary.phases.emplace_back("check inputs", seconds_since(start));
    // A process that keeps documents in memory builds once to fill it, even with nothing changed.
    bool fill_memory = memory_ != nullptr && !memory_->holds(up_to_date.analysis_setup());
    if (summary.reasons.empty() && !fill_memory) {
      remember_discovered();
      for (const Diagnostic& diagnostic : up_to_date.last_diagnostics()) sink_.report(diagnostic);
      summary.up_to_date = true;
      summary.documents = up_to_date.last_documents();
      if (memory_ != nullptr)
        memory_->keep_log(up_to_date.release_log(), up_to_date.log_file(), false);
      else
        saved_log_ = up_to_date.release_log();  // freed with the composer, not here
      summary.seconds = seconds_since(start);
      return summary;
    }
    auto plan_start = std::chrono::steady_clock::now();
    // Opened only now, while the graph is planned: it reads the manifest and sweeps the output
    // tree for temporary files. No task runs before it is open.
    std::future<void> writer_opened = std::async(std::launch::async, [this] { open_writer(); });
    up_to_date_ = &up_to_date;
    if (memory_ != nullptr) cache_ = memory_->take_cache(cache_folder(), setup_);
    if (!cache_ && cache_opened.valid()) cache_ = cache_opened.get();
    if (!cache_) cache_ = std::make_unique<DocumentCache>(cache_folder(), setup_);
    site_cache_.emplace(site_cache_folder(), setup_);
    reserve_site_products();
    document_analyzers_ = order_by_needs(parts_.document_analyzers, is_parsed_product);
    keep_body_ = body_needed_after_analysis(parts_);
    document_products_ = {"document", "document.body"};
    for (const DocumentAnalyzer* analyzer : document_analyzers_)
      for (const std::string& product : analyzer->info().produces)
        document_products_.insert(product);
    // Analyze-stage steps first, so indexing never waits for rendering (markdown).
    std::stable_partition(
        document_analyzers_.begin(), document_analyzers_.end(),
        [](const DocumentAnalyzer* a) { return a->info().stage != Stage::render; });
    add_document_tasks();
    TaskId index = add_index_task();
    add_cache_index_task();
    add_site_analyzers(index);
    add_renderers(index, add_outputs_task(index));
    writer_opened.get();
    summary.phases.emplace_back("plan", seconds_since(plan_start));
    auto tasks_start = std::chrono::steady_clock::now();
    summary.tasks = Builder(sink_, threads).run(graph_);
    summary.phases.emplace_back("run tasks", seconds_since(tasks_start));
    for (std::string& reason : up_to_date.output_reasons())
      summary.reasons.push_back(std::move(reason));
    auto finish_start = std::chrono::steady_clock::now();
    summary.outputs_kept = writer_->kept();
    summary.outputs_written = writer_->written();
    summary.outputs_unchanged = writer_->unchanged();
    summary.changed = writer_->changed();
    std::vector<std::string_view> outputs = writer_->outputs();
    // The output folder's records are written while the build log is made.
    std::future<void> outputs_recorded =
        std::async(std::launch::async, [this] { writer_->finish(); });
    // serve's documents go back into memory while the log is made (they are not read for it).
    std::future<void> build_remembered = std::async(
        std::launch::async, [this, &up_to_date] { remember_build(up_to_date.analysis_setup()); });
    std::vector<Diagnostic> reported = sink_.all();
    reported.erase(reported.begin(), reported.begin() + static_cast<long>(reported_before));
    BuildLog log = up_to_date.update(log_changes(std::move(reported)), outputs, summary.changed,
                                     due_, current_renders());
    if (memory_ != nullptr) {
      memory_->keep_log(std::move(log), up_to_date.log_file());
    } else {
      save_build_log(up_to_date.log_file(), log);
      saved_log_ = std::move(log);  // freed with the composer, not here
    }
    summary.documents = site_.documents.size();
    summary.documents_cached = static_cast<std::size_t>(
        std::count_if(slots_.begin(), slots_.end(), [](const Slot& slot) { return slot.cached; }));
    summary.analyzers_reused = std::move(analyzers_reused_);
    std::sort(summary.analyzers_reused.begin(), summary.analyzers_reused.end());
    for (const SiteRenderer& planner : site_renderers_)
      if (planner.kept) summary.plans_kept.push_back(planner.info.name);
    build_remembered.get();
    remember_discovered();
    outputs_recorded.get();
    summary.outputs_removed = writer_->removed();
    summary.phases.emplace_back("finish", seconds_since(finish_start));
    summary.seconds = seconds_since(start);
    return summary;
  }

 private:
  std::filesystem::path cache_folder() const {
    return site_.config.root / ".digestif" / "documents";
  }

  /// The document cache of the analysis setup, its index read on another thread while the
  /// inputs are listed; none for a process that keeps the cache in memory (take_cache()).
  std::future<std::unique_ptr<DocumentCache>> open_cache() const {
    if (memory_ != nullptr) return {};
    return std::async(std::launch::async, [folder = cache_folder(), setup = setup_] {
      return std::make_unique<DocumentCache>(folder, setup);
    });
  }

  void open_writer() {
    if (site_.options.private_output)
      writer_.emplace(site_.config.output_path(), OutputWriter::Replace::in_place);
    else
      writer_.emplace(site_.config.output_path(), OutputWriter::Replace::atomically,
                      &spares_.emplace(site_.config.root / ".digestif" / "spare"));
  }

  /// What this build changed of the build log: the renders it made, besides the fingerprints
  /// noted as it went.
  LogChanges log_changes(std::vector<Diagnostic> reported) {
    LogChanges changes = std::move(changes_);
    changes.kept_renders = kept_renders_;
    for (Slot& slot : slots_)
      for (auto& [renderer, record] : slot.renders)
        changes.renders.emplace(renderer + "\t" + slot.item.origin, std::move(record));
    for (SiteRenderer& planner : site_renderers_)
      if (!planner.kept)  // an empty key (unknown, or a plan that failed) drops the last one's
        changes.renders.emplace(plan_record_name(planner),
                                RenderRecord{planner.planned && !planner.failed ? planner.key : "",
                                             std::move(planner.paths)});
    for (const DocumentRenderer& by_document : document_renderers_)
      if (!by_document.own_inputs.empty())
        changes.own_entry_inputs.emplace(by_document.of.name, by_document.own_inputs);
    changes.diagnostics = std::move(reported);
    changes.documents = site_.documents.size();
    changes.gone = writer_->unclaimed();
    changes.last_outputs = writer_->previous_count();
    return changes;
  }

  /// Tells the renders this build has: an enabled document renderer's, of a published document,
  /// and an enabled renderer's plan, when known.
  std::function<bool(std::string_view)> current_renders() const {
    auto renders = std::make_shared<std::unordered_set<std::string>>();  // made on first use
    return [this, renders](std::string_view render) {
      if (renders->empty()) {
        for (const Slot* slot : published_)
          for (const DocumentRenderer& by_document : document_renderers_)
            renders->insert(by_document.of.name + "\t" + slot->item.origin);
        for (const SiteRenderer& planner : site_renderers_)
          if (!planner.key.empty()) renders->insert(plan_record_name(planner));
      }
      return renders->count(std::string(render)) != 0;
    };
  }

  /// Every `sources:` entry must be read by exactly one enabled source; else an error at its line.
  void check_claims() {
    const SiteConfig& config = site_.config;
    for (const SourceEntry& entry : config.source_entries()) {
      std::vector<std::string> owners;
      for (const auto& source : parts_.sources)
        if (source.part->claims(entry)) owners.push_back(source.plugin);
      if (owners.size() == 1) continue;
      std::string message = owners.empty()
                                ? "no enabled source plugin reads \"" + entry.location +
                                      "\"; check the folder or URL, or enable the plugin for it"
                                : "\"" + entry.location + "\" is claimed by both " + owners[0] +
                                      " and " + owners[1] + "; disable one of them";
      sink_.report({Severity::error, config.file.string(), entry.line, message});
    }
  }

  void discover() {
    check_claims();
    std::optional<std::vector<std::filesystem::path>> changes;
    if (memory_ != nullptr) changes = memory_->changes();
    for (const auto& source : parts_.sources)
      for (SourceItem& item : discover_items(source, changes)) {
        Slot& slot = slots_.emplace_back();
        slot.source = source.part.get();
        slot.item = std::move(item);
      }
  }

  /// What a source finds: from what it found in this process's last build and the files
  /// changed since, when both are known; else from scratch.
  std::vector<SourceItem> discover_items(
      const Owned<Source>& source,
      const std::optional<std::vector<std::filesystem::path>>& changes) {
    if (changes)
      if (std::optional<std::vector<SourceItem>> last =
              memory_->take_discovered(source_key(source)))
        return source.part->rediscover(std::move(*last), *changes);
    return source.part->discover();
  }

  /// Names a source with the entries it reads, so that what it found is used again only for
  /// the same entries.
  std::string source_key(const Owned<Source>& source) const {
    std::string key = source.plugin + "/" + source.part->info().name;
    for (const SourceEntry& entry : site_.config.source_entries())
      if (source.part->claims(entry)) key += "\n" + entry.location;
    return key;
  }

  /// Hands what each source found to the next build of this process (the slots' items go).
  void remember_discovered() {
    if (memory_ == nullptr) return;
    std::map<const Source*, std::vector<SourceItem>> by_source;
    for (const auto& source : parts_.sources)  // one source usually finds them all
      by_source[source.part.get()].reserve(slots_.size());
    for (Slot& slot : slots_) by_source[slot.source].push_back(std::move(slot.item));
    std::map<std::string, std::vector<SourceItem>> items;
    for (const auto& source : parts_.sources)
      items[source_key(source)] = std::move(by_source[source.part.get()]);
    memory_->keep_discovered(std::move(items));
  }

  std::filesystem::path site_cache_folder() const {
    return site_.config.root / ".digestif" / "site";
  }

  /// Creates every site product's key up front, so analyzers running at once write disjoint data.
  void reserve_site_products() {
    for (const auto& analyzer : parts_.site_analyzers)
      for (const std::string& product : analyzer.part->info().produces)
        if (product.rfind("site.", 0) == 0) site_.data[product.substr(5)] = Value();
  }

  /// Hands the documents and site analyses to the next build of this process (they are not
  /// used again here).
  void remember_build(const std::string& setup) {
    if (memory_ == nullptr) return;
    memory_->keep_cache(std::move(cache_), cached_documents());
    memory_->reset(setup, site_cache_folder());
    for (Slot& slot : slots_)
      if (!slot.failed && !slot.item.version.empty())
        memory_->keep(slot.item.origin, {slot.item.version, std::move(slot.document),
                                         std::move(slot.diagnostics), std::move(slot.reads)});
    for (auto& [analyzer, run] : site_runs_) {
      for (auto& [key, value] : run.made.products) value = std::move(site_.data[key]);
      memory_->keep_analysis(analyzer, std::move(run));
    }
  }

  /// Once every document is analyzed and cached, indexes them in the cache while the site is
  /// rendered; the rest is forgotten. (A process that builds again and again keeps the cache
  /// open instead, and indexes once, when it stops: see remember_build().)
  void add_cache_index_task() {
    if (memory_ != nullptr) return;
    Task task{"cache index", [this](TaskSpawner&) { cache_->finish(cached_documents()); }};
    task.after = documents_done_;
    graph_.add(std::move(task));
  }

  /// The (origin, version) of each document of this build's inputs.
  std::vector<std::pair<std::string, std::string>> cached_documents() const {
    std::vector<std::pair<std::string, std::string>> current;
    for (const Slot& slot : slots_)
      if (!slot.failed) current.emplace_back(slot.item.origin, slot.item.version);
    return current;
  }

  /// A document step: what it reports is also kept with the slot, for the cache.
  template <typename F>
  std::function<void(TaskSpawner&)> guarded(Slot& slot, F body) {
    return [&slot, body](TaskSpawner&) {
      try {
        DiagnosticCapture capture(slot.diagnostics);
        body();
      } catch (...) {
        slot.failed = true;
        throw;
      }
    };
  }

  void parse(Slot& slot) {
    RawSource raw = slot.source->load(slot.item);
    CleanText clean = clean_text(raw.bytes, raw.origin);
    for (Diagnostic& warning : clean.warnings) sink_.report(std::move(warning));
    raw.bytes = std::move(clean.text);
    if (raw.bytes.find_first_not_of(" \t\n") == std::string::npos)
      throw Error(raw.origin, 1, "the file is empty; write the document or delete the file");
    auto format = std::find_if(parts_.formats.begin(), parts_.formats.end(),
                               [&](const auto& f) { return f.part->accepts(raw); });
    if (format == parts_.formats.end())
      throw Error(raw.origin, 1,
                  "no enabled format reads this file; move it out of the content folder");
    Document document = format->part->parse(raw);
    document.source = raw.origin;
    document.source_stem = raw.stem;
    document.slug = document_slug(document);
    document.permalink = expand_permalink(site_.config.permalink, document);
    document.fingerprint = document_fingerprint(slot);
    slot.document = std::move(document);
  }

  /// What the document is made from: its input at its version, analyzed under this setup.
  std::string document_fingerprint(const Slot& slot) const {
    if (slot.item.version.empty()) return {};
    return Fingerprint().add(setup_).add(slot.item.origin).add(slot.item.version).hex();
  }

  /// Reads the document from the cache (restore_cached()); when the cached file turns out
  /// damaged, parses and analyzes the document here instead.
  void restore(Slot& slot, TaskSpawner& spawner) {
    std::optional<CachedDocument> cached = cache_->read(slot.item.origin, slot.item.version);
    if (!cached) {
      guarded(slot, [this, &slot] {
        parse(slot);
        for (const DocumentAnalyzer* analyzer : document_analyzers_)
          analyzer->analyze(slot.document);
        note_reads(slot);
        drop_body(slot);
        cache_->write(slot.item.origin, slot.item.version, slot.document, slot.diagnostics,
                      slot.reads);
      })(spawner);
      return;
    }
    restore_cached(slot, std::move(*cached));
  }

  /// Puts a document the last build analyzed into its slot, and repeats its diagnostics.
  void restore_cached(Slot& slot, CachedDocument cached) {
    slot.document = std::move(cached.document);
    slot.document.fingerprint = document_fingerprint(slot);
    slot.diagnostics = std::move(cached.diagnostics);
    slot.reads = std::move(cached.reads);
    if (slot.reads.size() != reads_noted()) note_reads(slot);
    slot.cached = true;
    for (const Diagnostic& diagnostic : slot.diagnostics) sink_.report(diagnostic);
  }

  /// The tasks that make each document: documents the last build analyzed from the same bytes
  /// are restored from the cache by batches, a task each, standing for their parses and every
  /// analyzer (a task per document costs more than restoring one); one kept in memory is taken
  /// at once, without a task.
  void add_document_tasks() {
    constexpr std::size_t kBatch = 32;
    std::vector<Slot*> batch;
    for (Slot& slot : slots_) {
      if (memory_ != nullptr)
        if (std::optional<CachedDocument> remembered =
                memory_->take(setup_, slot.item.origin, slot.item.version)) {
          restore_cached(slot, std::move(*remembered));  // nothing to read or decode
          continue;
        }
      if (!cache_->has(slot.item.origin, slot.item.version)) {
        add_analysis_tasks(slot);
        continue;
      }
      batch.push_back(&slot);
      if (batch.size() == kBatch) add_restore_task(std::exchange(batch, {}));
    }
    if (!batch.empty()) add_restore_task(std::move(batch));
  }

  /// One task that restores the documents of `batch` from the cache.
  void add_restore_task(std::vector<Slot*> batch) {
    std::string name = "restore " + std::to_string(batch.size()) + " documents";
    TaskId restored = graph_.add({std::move(name), [this, batch](TaskSpawner& spawner) {
                                    for (Slot* slot : batch) restore_alone(*slot, spawner);
                                  }});
    for (Slot* slot : batch) slot->restored_by = restored;
    analyzed_.push_back(restored);
    documents_done_.push_back(restored);
  }

  /// restore(), failing a task named for the document (as if it had its own) if it throws.
  void restore_alone(Slot& slot, TaskSpawner& spawner) {
    try {
      restore(slot, spawner);
    } catch (...) {
      fail_as(spawner, "restore " + slot.item.origin);
    }
  }

  /// The parse, each analyzer and the cache write of a document, a task each.
  void add_analysis_tasks(Slot& slot) {
    bool no_steps = document_analyzers_.empty();
    const DocumentAnalyzer* last_analysis = nullptr;  // the last analyze-stage step
    for (const DocumentAnalyzer* analyzer : document_analyzers_)
      if (analyzer->info().stage != Stage::render) last_analysis = analyzer;
    TaskId parsed = graph_.add(
        {"parse " + slot.item.origin, guarded(slot, [this, &slot, no_steps, last_analysis] {
           parse(slot);
           if (last_analysis == nullptr) note_reads(slot);
           if (no_steps) drop_body(slot);
         })});
    slot.producers["document"] = slot.producers["document.body"] = parsed;
    TaskId previous = parsed;
    for (const DocumentAnalyzer* analyzer : document_analyzers_) {
      PartInfo info = analyzer->info();
      bool last = analyzer == document_analyzers_.back();
      bool ends_analysis = analyzer == last_analysis;
      Task task{info.name + " " + slot.item.origin,
                guarded(slot, [this, &slot, analyzer, last, ends_analysis] {
                  analyzer->analyze(slot.document);
                  if (ends_analysis) note_reads(slot);
                  if (last) drop_body(slot);
                })};
      // The steps of one document run one after another (they share its data); documents
      // run in parallel.
      task.requires_.push_back(previous);
      for (const std::string& need : info.needs) task.requires_.push_back(slot.producers.at(need));
      TaskId id = graph_.add(std::move(task));
      previous = id;
      for (const std::string& product : info.produces) slot.producers[product] = id;
      if (info.stage != Stage::render) analyzed_.push_back(id);
    }
    analyzed_.push_back(parsed);
    TaskId cached = graph_.add({"cache " + slot.item.origin,
                                [this, &slot](TaskSpawner&) {
                                  cache_->write(slot.item.origin, slot.item.version, slot.document,
                                                slot.diagnostics, slot.reads);
                                },
                                {previous}});
    documents_done_.push_back(cached);  // after the steps it requires, whatever they did
  }

  /// Notes what each site analyzer reads of the document and what each renderer shows of it (see
  /// CachedDocument::reads), once its analysis is done (render-stage steps come later: none of
  /// them reads their products).
  void note_reads(Slot& slot) const {
    slot.document.data.seal();  // its members are written: they are read, and hashed, from now on
    slot.reads.clear();
    auto note = [&slot](const auto& part, auto fingerprint_of) {
      Fingerprint fingerprint;
      bool known = (part.*fingerprint_of)(slot.document, fingerprint);
      slot.reads.push_back(known ? std::max<std::uint64_t>(fingerprint.value(), 1) : 0);
    };
    for (const auto& owned : parts_.site_analyzers)
      note(*owned.part, &SiteAnalyzer::fingerprint_document);
    for (const auto& owned : parts_.renderers) {
      note(*owned.part, &Renderer::fingerprint_listed);
      note(*owned.part, &Renderer::fingerprint_planned);
    }
  }

  /// How many reads note_reads() notes.
  std::size_t reads_noted() const {
    return parts_.site_analyzers.size() + 2 * parts_.renderers.size();
  }

  /// A fingerprint of Slot::reads[read] of every published document, in site order; nullopt when
  /// it cannot be told of one of them.
  std::optional<std::string> fingerprint_documents(std::size_t read) const {
    Fingerprint all;
    all.add(static_cast<std::int64_t>(published_.size()));
    for (const Slot* slot : published_) {
      std::uint64_t one = slot->reads.at(read);
      if (one == 0) return std::nullopt;
      all.add(static_cast<std::int64_t>(one));
    }
    return all.hex();
  }

  /// Ends the document's own steps: its body goes unless a later part reads it.
  void drop_body(Slot& slot) const {
    if (!keep_body_) std::string().swap(slot.document.body);
  }

  /// Renderers keep the last build's outputs only once they are known to be as it left them:
  /// they are looked at while the documents are restored and analyzed, and by the end of that
  /// mostly have been.
  TaskId add_outputs_task(TaskId index) {
    return graph_.add({"look at outputs",
                       [this](TaskSpawner&) { up_to_date_->outputs_looked_at(); },
                       {},
                       {index}});
  }

  TaskId add_index_task() {
    Task task{"index documents", [this](TaskSpawner&) { index(); }};
    task.after = analyzed_;
    task.urgent = true;
    return graph_.add(std::move(task));
  }

  /// Drafts and future documents wait unless --drafts / --future; a future one is mentioned.
  bool publishable(const Document& document) {
    if (document.draft && !site_.options.drafts) return false;
    if (document.date <= now_ || site_.options.future) return true;
    due_ = std::min(due_, document.date);
    sink_.warn(document.source, 1,
               "dated " + format_iso_date(document.date) +
                   ", in the future: not published yet; build with --future to publish it now");
    return false;
  }

  void index() {
    site_.by_permalink.reserve(slots_.size());
    for (std::size_t at = 0; at < slots_.size(); ++at) {
      Slot& slot = slots_[at];
      if (slot.failed || !publishable(slot.document)) continue;
      // The slot's place for now: its document's, once they are sorted, below.
      auto [first, fresh] = site_.by_permalink.emplace(slot.document.permalink, at);
      if (!fresh) {
        sink_.report({Severity::error, slot.document.source, 1,
                      "permalink " + slot.document.permalink + " is also the one of " +
                          slots_[first].document.source + "; give one of them another \"slug\""});
        continue;
      }
      slot.published = true;
      published_.push_back(&slot);
    }
    std::stable_sort(published_.begin(), published_.end(), [](const Slot* x, const Slot* y) {
      const Document &a = x->document, &b = y->document;
      return a.date != b.date ? a.date > b.date : a.permalink < b.permalink;
    });
    Fingerprint order;
    for (Slot* slot : published_) {
      site_.by_permalink.move(slot->document.permalink, site_.documents.size());
      site_.documents.push_back(&slot->document);
      order.add(slot->document.permalink);
    }
    site_.order = order.value();
  }

  /// A product a part needs or wants, and whether restoring a document makes it (asked once,
  /// not for each of thousands of documents).
  struct Need {
    const std::string& name;
    bool restored;
  };

  Need need_of(const std::string& name) const {
    return {name, document_products_.count(name) != 0};
  }

  /// The task making the document product `need` for the slot; nullptr when none does.
  static const TaskId* maker_of(const Slot& slot, const Need& need) {
    if (slot.restored_by) return need.restored ? &*slot.restored_by : nullptr;
    auto it = slot.producers.find(need.name);
    return it == slot.producers.end() ? nullptr : &it->second;
  }

  /// Tasks that make `need` for every document (render-stage analyzers), or for the site.
  std::vector<TaskId> producers_of(const std::string& need) const {
    std::vector<TaskId> ids;
    if (is_document_product(need)) {
      Need made = need_of(need);
      for (const Slot& slot : slots_)  // restored slots share their batch's task: once each
        if (const TaskId* id = maker_of(slot, made);
            id != nullptr && (ids.empty() || ids.back() != *id))
          ids.push_back(*id);
    } else if (auto it = site_producers_.find(need); it != site_producers_.end()) {
      ids.push_back(it->second);
    }
    return ids;
  }

  /// Site-level tasks wait for every document's products (whatever their outcome) and require
  /// the site products they need.
  void link_needs(Task& task, const std::vector<std::string>& needs) const {
    for (const std::string& need : needs) {
      auto ids = producers_of(need);
      auto& edges = is_document_product(need) ? task.after : task.requires_;
      edges.insert(edges.end(), ids.begin(), ids.end());
    }
  }

  void add_site_analyzers(TaskId index) {
    for (const SiteAnalyzer* analyzer :
         order_by_needs(parts_.site_analyzers, is_document_product)) {
      PartInfo info = analyzer->info();
      std::size_t position = static_cast<std::size_t>(
          std::find_if(parts_.site_analyzers.begin(), parts_.site_analyzers.end(),
                       [&](const auto& owned) { return owned.part.get() == analyzer; }) -
          parts_.site_analyzers.begin());
      Task task{info.name,
                [this, analyzer, info, position](TaskSpawner&) {
                  analyze_site(*analyzer, info, position);
                },
                {index}};
      task.urgent = true;  // pages wait for the analyses, and analyses for one another
      link_needs(task, info.needs);
      link_needs(task, info.wants);
      TaskId id = graph_.add(std::move(task));
      for (const auto& product : info.produces) site_producers_[product] = id;
      // Saved while the parts that read the products go on, as soon as they are made (a save is
      // long: left for last, it would end the build on one thread); a process that builds again
      // saves the last run when it stops (BuildMemory::save()).
      if (memory_ == nullptr)
        graph_.add(
            {"save " + info.name, [this, info](TaskSpawner&) { save_site_run(info); }, {id}});
    }
  }

  /// Runs a site analyzer, or restores its products when it would read what its last run read;
  /// then keeps them, and its memo, for the next build (a run that ran is saved by
  /// save_site_run()).
  void analyze_site(const SiteAnalyzer& analyzer, const PartInfo& info, std::size_t position) {
    std::string inputs = site_inputs(info, position).value_or("");  // empty: unknown
    std::optional<KeptAnalysis> last = last_analysis(info.name, inputs);
    if (last && !inputs.empty() && last->inputs == inputs) {
      for (auto& [key, value] : last->made.products) site_.data[key] = std::move(value);
      for (const Diagnostic& diagnostic : last->made.diagnostics) sink_.report(diagnostic);
      note_site_run(info, std::move(*last), true);
      return;
    }
    KeptAnalysis run{inputs, last ? std::move(last->memo) : AnalyzerMemo(), {}, false};
    {
      DiagnosticCapture capture(run.made.diagnostics);
      analyzer.analyze_with_live_memo(site_, run.memo);
    }
    // A product whose entries each document's render fingerprints (PartInfo::own_entries): each
    // entry's hash is taken once, now, for this build and the next ones of a process.
    for (const std::string& product : info.produces)
      if (read_by_own_entry(product)) Fingerprint::seal_parts(site_.data[product.substr(5)]);
    note_site_run(info, std::move(run), false);
  }

  /// True when a renderer reads the site product at each document's own entry.
  bool read_by_own_entry(const std::string& product) const {
    return std::any_of(document_renderers_.begin(), document_renderers_.end(),
                       [&](const DocumentRenderer& by_document) {
                         const std::vector<std::string>& own = by_document.of.info.own_entries;
                         return std::find(own.begin(), own.end(), product) != own.end();
                       });
  }

  /// Writes an analyzer's run of this build to .digestif/site/, when it ran (KeptAnalysis::saved):
  /// its products are in site_.data until the build ends; only reads happen to them now.
  void save_site_run(const PartInfo& info) {
    const KeptAnalysis* run = nullptr;
    {
      std::lock_guard lock(site_inputs_mutex_);
      run = &site_runs_.at(info.name);  // a node of a map: stays where it is
    }
    if (run->saved) return;  // restored: the cache holds it
    ProductRefs products;
    for (const std::string& key : site_keys(info)) products.emplace_back(key, site_.data.find(key));
    std::string made;
    site_cache_->write(info.name, run->inputs, run->memo.saved(made), products,
                       run->made.diagnostics);
  }

  /// The site data keys an analyzer writes ("tags" for "site.tags").
  static std::vector<std::string> site_keys(const PartInfo& info) {
    std::vector<std::string> keys;
    for (const std::string& product : info.produces)
      if (product.rfind("site.", 0) == 0) keys.push_back(product.substr(5));
    return keys;
  }

  /// The analyzer's last run: from this process's memory, else from .digestif/site/ (with its
  /// products only when they were made from `inputs`).
  std::optional<KeptAnalysis> last_analysis(const std::string& analyzer,
                                            const std::string& inputs) {
    if (memory_ != nullptr)
      if (std::optional<KeptAnalysis> kept = memory_->take_analysis(setup_, analyzer)) return kept;
    std::optional<SavedAnalysis> saved = site_cache_->read(analyzer, inputs, memory_ != nullptr);
    if (!saved) return std::nullopt;
    KeptAnalysis last{saved->products ? inputs : std::string(), {}, {}};
    last.memo.mapped = std::move(saved->memo);
    if (saved->products) last.made = std::move(*saved->products);
    return last;
  }

  /// A fingerprint of what the analyzer (at `position` in the site analyzers) reads; nullopt
  /// when it cannot be told.
  std::optional<std::string> site_inputs(const PartInfo& info, std::size_t position) {
    Fingerprint fingerprint;
    fingerprint.add(setup_).add(info.name);
    if (!add_site_product_inputs(info, fingerprint)) return std::nullopt;
    std::optional<std::string> read = fingerprint_documents(position);
    if (!read) return std::nullopt;
    return fingerprint.add(*read).hex();
  }

  /// Adds what each site product the part needs or wants was made from, but those of `left_out`;
  /// false when one of them cannot be told.
  bool add_site_product_inputs(const PartInfo& info, Fingerprint& fingerprint,
                               const std::vector<std::string>& left_out = {}) {
    std::lock_guard lock(site_inputs_mutex_);
    for (const auto* list : {&info.needs, &info.wants})
      for (const std::string& need : *list) {
        if (is_document_product(need) ||
            std::find(left_out.begin(), left_out.end(), need) != left_out.end())
          continue;
        auto it = site_inputs_.find(need);
        if (it != site_inputs_.end() && it->second.empty()) return false;
        fingerprint.add(need).add(it == site_inputs_.end() ? "not made" : it->second);
      }
    return true;
  }

  /// Records an analyzer's run (its products stay in site_.data until the build ends): what
  /// they were made from, for the analyzers that read them, and for remember_build().
  void note_site_run(const PartInfo& info, KeptAnalysis run, bool reused) {
    std::lock_guard lock(site_inputs_mutex_);
    for (const std::string& product : info.produces) site_inputs_[product] = run.inputs;
    if (reused) analyzers_reused_.push_back(info.name);
    run.made.products.clear();
    for (const std::string& key : site_keys(info)) run.made.products.emplace_back(key, Value());
    site_runs_.insert_or_assign(info.name, std::move(run));
  }

  void add_renderers(TaskId index, TaskId outputs_looked_at) {
    for (const auto& owned : parts_.renderers) {
      const Renderer* renderer = owned.part.get();
      PartInfo info = renderer->info();
      SiteRenderer& planner = site_renderers_.emplace_back(
          renderer, info, producer_label(site_.config, owned.plugin, info.name),
          owned.plugin + "/" + info.name,
          parts_.site_analyzers.size() + 2 * site_renderers_.size());
      Task plan{"plan " + info.name,
                [this, &planner](TaskSpawner& spawner) { plan_or_keep(spawner, planner); },
                {index},
                {outputs_looked_at}};
      link_needs(plan, info.needs);
      link_needs(plan, info.wants);
      TaskId planned = graph_.add(std::move(plan));
      if (!renderer->renders_documents()) continue;
      DocumentRenderer& by_document = document_renderers_.emplace_back(planner, planned);
      Task listing{"list " + info.name,
                   [this, &by_document](TaskSpawner&) { list_documents(by_document); },
                   {index},
                   {outputs_looked_at}};
      by_document.listed_by = graph_.add(std::move(listing));
      add_document_renders(by_document, index);
    }
  }

  /// A renderer's plan for the site, and what it was made from (see Renderer::fingerprint_planned).
  struct SiteRenderer {
    SiteRenderer(const Renderer* part, PartInfo part_info, std::string label, std::string log_name,
                 std::size_t first_read)
        : renderer(part),
          info(std::move(part_info)),
          producer(std::move(label)),
          name(std::move(log_name)),
          reads(first_read) {}
    const Renderer* renderer;
    PartInfo info;
    std::string producer;  // for "written twice" errors
    std::string name;      // "plugin/part", in the build log
    std::size_t reads;     // in Slot::reads: what it lists of a document; next, what it plans
    std::string key = {};  // the plan's inputs; empty: unknown
    bool kept = false;     // the last build's plan was kept: plan() was not called
    bool planned = false;  // plan() returned
    std::vector<std::string> paths = {};  // of the outputs it planned
    std::atomic<bool> failed = false;     // one of them failed
  };

  /// The build log's record of a renderer's plan: a render with no document.
  static std::string plan_record_name(const SiteRenderer& planner) { return planner.name + "\t"; }

  /// Keeps the outputs of the renderer's last plan when it was made from the same inputs; else
  /// plans and renders them.
  void plan_or_keep(TaskSpawner& spawner, SiteRenderer& planner) {
    planner.key = plan_key(planner);
    const RenderRecord* last =
        planner.key.empty() ? nullptr : up_to_date_->kept_render(planner.name, "");
    if (last != nullptr && last->key == planner.key) {
      keep_outputs(*last, planner.producer);
      planner.kept = true;
      return;
    }
    std::vector<PlannedOutput> outputs = planner.renderer->plan(site_);
    for (const PlannedOutput& output : outputs) planner.paths.push_back(output.path);
    planner.planned = true;
    spawn_renders(spawner, planner, std::move(outputs));
  }

  /// A fingerprint of what the renderer's plan is made from; empty when that cannot be told (or
  /// there is no document: a renderer that cannot tell says so of a document).
  std::string plan_key(const SiteRenderer& planner) {
    Fingerprint key;
    key.add(up_to_date_->render_setup()).add(planner.name);
    if (site_.documents.empty() || !add_site_product_inputs(planner.info, key)) return {};
    std::optional<std::string> shown = fingerprint_documents(planner.reads + 1);
    if (!shown) return {};
    return key.add(*shown).hex();
  }

  /// A renderer of documents, with what its outputs for any document are made from besides the
  /// document (see Renderer::fingerprint_listed).
  struct DocumentRenderer {
    DocumentRenderer(const SiteRenderer& renderer, TaskId plan) : of(renderer), planned_by(plan) {}
    const SiteRenderer& of;   // the renderer, named
    TaskId planned_by;        // its plan() for the site: documents are prepared after it
    TaskId listed_by = 0;     // list_documents(): documents are kept or prepared after it
    std::string listed = {};  // what it shows of every published document; empty: unknown
    std::once_flag inputs_once = {};
    std::string inputs = {};      // listed, the setup and the site products; empty: unknown
    std::string own_inputs = {};  // of the PartInfo::own_entries products; empty: unknown
    bool own_unchanged = false;   // own_inputs as when the last build looked at the renders
  };

  /// What a document's outputs are made from (see RenderRecord): all but its own entries of site
  /// products, and those entries.
  struct RenderKey {
    std::string key, own;
  };

  /// A render task per document analyzed by tasks of its own; documents restored whole (by one
  /// task, or at once) go by chunks: one task keeps what it can of each chunk and spawns one
  /// for the documents to render again. A document that fails fails alone, as if it had its
  /// own task.
  void add_document_renders(DocumentRenderer& by_document, TaskId index) {
    constexpr std::size_t kChunk = 128;
    std::vector<Slot*> chunk;
    for (Slot& slot : slots_) {
      if (!slot.producers.empty()) {
        graph_.add(render_task(slot, by_document, index));
        continue;
      }
      chunk.push_back(&slot);
      if (chunk.size() < kChunk) continue;
      add_render_chunk(std::move(chunk), by_document, index);
      chunk.clear();
    }
    if (!chunk.empty()) add_render_chunk(std::move(chunk), by_document, index);
  }

  /// Fails a task of this name with the exception being handled, as if the work had run in a
  /// task of its own.
  static void fail_as(TaskSpawner& spawner, std::string name) {
    spawner.spawn({std::move(name), [error = std::current_exception()](TaskSpawner&) {
                     std::rethrow_exception(error);
                   }});
  }

  static std::string render_name(const Slot& slot, const DocumentRenderer& by_document) {
    return by_document.of.info.name + " " + slot.item.origin;
  }

  // If listing or planning fails, documents are prepared all the same (`after`, not required).
  Task render_task(Slot& slot, DocumentRenderer& by_document, TaskId index) {
    Task task{render_name(slot, by_document),
              [this, &slot, &by_document](TaskSpawner&) {
                RenderKey key;
                if (!keep_render(slot, by_document, key))
                  render_again(slot, by_document, std::move(key));
              },
              {index},
              {by_document.listed_by, by_document.planned_by}};
    link_render_needs(task, slot, needs_of(by_document.of.info), task.requires_);
    return task;
  }

  /// The chunk's task waits for every document in it (one that failed is left out) and requires
  /// the site products.
  void add_render_chunk(std::vector<Slot*> chunk, DocumentRenderer& by_document, TaskId index) {
    Task task{by_document.of.info.name + " " + std::to_string(chunk.size()) + " documents",
              {},
              {index},
              {by_document.listed_by}};
    std::vector<Need> needs = needs_of(by_document.of.info);
    for (const Slot* slot : chunk) link_render_needs(task, *slot, needs, task.after);
    task.run = [this, chunk = std::move(chunk), &by_document](TaskSpawner& spawner) {
      std::vector<std::pair<Slot*, RenderKey>> again;  // with its render key
      for (Slot* slot : chunk) {
        if (slot->failed) continue;
        try {
          RenderKey key;
          if (!keep_render(*slot, by_document, key)) again.emplace_back(slot, std::move(key));
        } catch (...) {
          fail_as(spawner, render_name(*slot, by_document));
        }
      }
      if (again.empty()) return;
      spawner.spawn(
          {by_document.of.info.name + " " + std::to_string(again.size()) + " documents again",
           [this, again = std::move(again), &by_document](TaskSpawner& spawner) {
             for (auto& [slot, key] : again)
               render_again_alone(spawner, *slot, by_document, std::move(key));
           },
           {},
           {by_document.planned_by}});
    };
    graph_.add(std::move(task));
  }

  /// What a renderer needs or wants.
  std::vector<Need> needs_of(const PartInfo& info) const {
    std::vector<Need> needs;
    for (const auto* list : {&info.needs, &info.wants})
      for (const std::string& need : *list) needs.push_back(need_of(need));
    return needs;
  }

  /// Adds to `task` the makers of the products the renderer needs: the slot's (to `slot_edges`)
  /// and the site's (required), each once (the slots of a chunk share their batch's restore).
  void link_render_needs(Task& task, const Slot& slot, const std::vector<Need>& needs,
                         std::vector<TaskId>& slot_edges) const {
    auto add_once = [](std::vector<TaskId>& edges, TaskId id) {
      if (std::find(edges.begin(), edges.end(), id) == edges.end()) edges.push_back(id);
    };
    for (const Need& need : needs) {
      if (const TaskId* id = maker_of(slot, need))
        add_once(slot_edges, *id);
      else if (auto site = site_producers_.find(need.name); site != site_producers_.end())
        add_once(task.requires_, site->second);
    }
  }

  /// What the renderer's document outputs show of every published document.
  void list_documents(DocumentRenderer& by_document) const {
    if (std::optional<std::string> listed = fingerprint_documents(by_document.of.reads))
      by_document.listed = std::move(*listed);
  }

  /// Keeps what the last build rendered for the document when it was made from the same
  /// inputs; true when it did (or the document is not published: nothing to render). Else
  /// `key` is what they are made from now. Its own entries are looked at only when the products
  /// they are in changed since the last build.
  bool keep_render(Slot& slot, DocumentRenderer& by_document, RenderKey& key) {
    if (!slot.published) return true;
    key.key = render_key(slot, by_document);
    const RenderRecord* last =
        key.key.empty() ? nullptr : up_to_date_->kept_render(by_document.of.name, slot.item.origin);
    bool same = last != nullptr && last->key == key.key;
    if (same && !by_document.own_unchanged) {
      key.own = own_key(slot, by_document);
      same = key.own == last->own;
    }
    if (!same) return false;
    keep_outputs(*last, by_document.of.producer);
    return true;
  }

  /// Claims the outputs a render of the last build made, as they are.
  void keep_outputs(const RenderRecord& last, const std::string& producer) {
    for (const std::string& path : last.paths) writer_->keep(path, producer);
    ++kept_renders_;
  }

  /// render_again(), failing a task named for the document (as if it had its own) if it throws.
  void render_again_alone(TaskSpawner& spawner, Slot& slot, DocumentRenderer& by_document,
                          RenderKey key) {
    try {
      render_again(slot, by_document, std::move(key));
    } catch (...) {
      fail_as(spawner, render_name(slot, by_document));
    }
  }

  /// Has the renderer prepare the document's outputs.
  void render_again(Slot& slot, DocumentRenderer& by_document, RenderKey key) {
    if (key.own.empty()) key.own = own_key(slot, by_document);
    RenderRecord record{std::move(key.key), {}, std::move(key.own)};  // no key: drops the last
    for (PreparedOutput& output : by_document.of.renderer->prepare_document(slot.document, site_)) {
      emit(output, by_document.of.producer);
      record.paths.push_back(output.path);
    }
    slot.renders.emplace(by_document.of.name, std::move(record));
  }

  /// A fingerprint of everything the renderer's outputs for this document are made from but its
  /// own entries of site products; empty when that cannot be told. (Every site product it reads
  /// is made by now.)
  std::string render_key(const Slot& slot, DocumentRenderer& by_document) {
    std::call_once(by_document.inputs_once, [&] { note_render_inputs(by_document); });
    if (by_document.inputs.empty() || slot.document.fingerprint.empty()) return {};
    return Fingerprint().add(by_document.inputs).add(slot.document.fingerprint).hex();
  }

  /// What every document's outputs are made from, and the inputs of the products of which they
  /// read their own entries (unchanged since the last build: those entries are too).
  void note_render_inputs(DocumentRenderer& by_document) {
    const PartInfo& info = by_document.of.info;
    Fingerprint inputs;
    inputs.add(up_to_date_->render_setup()).add(by_document.listed);
    if (!by_document.listed.empty() && add_site_product_inputs(info, inputs, info.own_entries))
      by_document.inputs = inputs.hex();
    by_document.own_unchanged = info.own_entries.empty();
    if (by_document.own_unchanged) return;
    Fingerprint own;
    std::lock_guard lock(site_inputs_mutex_);
    for (const std::string& product : info.own_entries) {
      auto it = site_inputs_.find(product);
      if (it != site_inputs_.end() && it->second.empty()) return;  // unknown
      own.add(product).add(it == site_inputs_.end() ? "not made" : it->second);
    }
    by_document.own_inputs = own.hex();
    by_document.own_unchanged =
        by_document.own_inputs == up_to_date_->last_own_entry_inputs(by_document.of.name);
  }

  /// A fingerprint of the document's own entries of the site products the renderer reads so
  /// (PartInfo::own_entries); empty when it reads none.
  std::string own_key(const Slot& slot, const DocumentRenderer& by_document) const {
    const std::vector<std::string>& products = by_document.of.info.own_entries;
    if (products.empty()) return {};
    Fingerprint own;
    // Where the entry sat in the last product looked at: the next product holds this document's
    // there too, and the next document's is beside it (chunks go in the products' key order).
    thread_local std::size_t hint = 0;
    for (const std::string& product : products) {
      const Value* all = site_.data.find(std::string_view(product).substr(5));  // "site."
      const Value* entry = nullptr;
      if (all != nullptr && all->is_object())
        if (auto it = all->as_object().find(slot.document.permalink, hint);
            it != all->as_object().end())
          entry = &it->second;
      own.add(static_cast<std::int64_t>(entry != nullptr ? Fingerprint::of(*entry) : 0));
    }
    return own.hex();
  }

  /// Renders the planned outputs by chunks, a task each: most of them are kept, which costs
  /// less than a task of their own. An output that fails fails alone, as if it had its task.
  /// A plan of one chunk goes before the chunks of larger plans: its outputs are few and large
  /// (the sitemap, the feeds), and rendered last they would end the build on one thread.
  void spawn_renders(TaskSpawner& spawner, SiteRenderer& planner,
                     std::vector<PlannedOutput> outputs) {
    constexpr std::size_t kChunk = 32;
    bool few = outputs.size() <= kChunk;
    for (std::size_t first = 0; first < outputs.size(); first += kChunk) {
      std::size_t end = std::min(first + kChunk, outputs.size());
      std::vector<PlannedOutput> chunk(std::make_move_iterator(outputs.begin() + first),
                                       std::make_move_iterator(outputs.begin() + end));
      Task task{planner.info.name + " " + std::to_string(chunk.size()) + " outputs",
                [this, &planner, chunk = std::move(chunk)](TaskSpawner& spawner) {
                  for (const PlannedOutput& output : chunk)
                    render_planned(spawner, planner, output);
                }};
      task.urgent = few;
      spawner.spawn(std::move(task));
    }
  }

  /// Keeps or writes a planned output.
  void render_planned(TaskSpawner& spawner, SiteRenderer& planner, const PlannedOutput& output) {
    try {
      emit(planner.renderer->prepare(output, site_), planner.producer);
    } catch (...) {
      planner.failed = true;
      fail_as(spawner, planner.info.name + " " + output.path);
    }
  }

  /// Writes an output, or keeps it untouched when the last build made it from the same inputs.
  void emit(const PreparedOutput& output, const std::string& producer) {
    std::string fingerprint;  // stays empty when unknown
    if (!output.fingerprint.empty())
      fingerprint = Fingerprint().add(up_to_date_->render_setup()).add(output.fingerprint).hex();
    if (!fingerprint.empty() && up_to_date_->output_unchanged(output.path, fingerprint)) {
      writer_->keep(output.path, producer);
      return;  // the log has its fingerprint
    }
    writer_->write(output.path, output.render(), producer);
    std::lock_guard lock(changes_mutex_);
    changes_.fingerprints[output.path] = std::move(fingerprint);
  }

  const PartSet& parts_;
  DiagnosticSink& sink_;
  Site site_;
  std::optional<SpareFiles> spares_;    // for the writer, when it replaces files atomically
  std::optional<OutputWriter> writer_;  // made once the build is known to be needed
  UpToDate* up_to_date_ = nullptr;
  std::unique_ptr<DocumentCache> cache_;            // made with the writer, or serve's
  std::optional<SiteProductCache> site_cache_;      // likewise
  std::mutex site_inputs_mutex_;                    // guards what follows
  std::map<std::string, std::string> site_inputs_;  // site product -> fingerprint of its inputs
  std::vector<std::string> analyzers_reused_;       // site analyzers not run: products restored
  std::map<std::string, KeptAnalysis> site_runs_;   // analyzer -> its run, products still in site_
  BuildLog saved_log_;   // as on disk; goes with the rest of the build (BuildSummary::leftovers)
  BuildMemory* memory_;  // of a process that builds again and again, or nullptr
  std::string setup_;    // what documents' analysis depends on besides their bytes
  std::mutex changes_mutex_;
  LogChanges changes_;  // fingerprints of what this build rendered (see log_changes())
  std::atomic<std::size_t> kept_renders_ = 0;
  std::deque<SiteRenderer> site_renderers_;
  std::deque<DocumentRenderer> document_renderers_;
  BuildGraph graph_;
  std::deque<Slot> slots_;
  std::vector<Slot*> published_;  // in site order, as site_.documents
  std::vector<TaskId> analyzed_;
  std::vector<TaskId> documents_done_;  // the last task of each document: its cache or restore
  std::map<std::string, TaskId> site_producers_;
  std::vector<const DocumentAnalyzer*> document_analyzers_;
  std::set<std::string> document_products_;  // made by the formats and document analyzers
  bool keep_body_ = true;                    // a site analyzer or renderer reads document.body
  Timestamp due_ = Timestamp::max();         // when the earliest held-back document falls due
  Timestamp now_ = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
};

}  // namespace

void check_products(const PartSet& parts, const SiteConfig& config) {
  std::map<std::string, std::string> producer = {{"document", "the formats"},
                                                 {"document.body", "the formats"}};
  std::vector<std::pair<std::string, PartInfo>> infos;
  auto collect = [&](const auto& owned_parts) {
    for (const auto& owned : owned_parts) infos.emplace_back(owned.plugin, owned.part->info());
  };
  collect(parts.document_analyzers);
  std::string file = config.file.string();
  for (const auto& [plugin, info] : infos)
    for (const std::string& need : info.needs)
      if (!is_document_product(need))
        throw Error(file, config_line(config, plugin),
                    "plugin \"" + plugin + "\": document analyzer " + info.name + " needs " + need +
                        ", but a document step can only need document products");
  std::set<std::string> rendered;  // products of render-stage document steps
  for (const auto& [plugin, info] : infos)
    if (info.stage == Stage::render) rendered.insert(info.produces.begin(), info.produces.end());
  for (const auto& [plugin, info] : infos)
    for (const std::string& need : info.needs)
      if (info.stage != Stage::render && rendered.count(need) != 0)
        throw Error(file, config_line(config, plugin),
                    "plugin \"" + plugin + "\": " + info.name + " analyzes but needs " + need +
                        ", made at the render stage; move one of them to the other stage");
  collect(parts.site_analyzers);
  collect(parts.renderers);
  for (const auto& [plugin, info] : infos)
    for (const std::string& product : info.produces) {
      auto [it, fresh] = producer.emplace(product, plugin);
      if (fresh) continue;
      int line = config_line(config, plugin);
      throw Error(file, line != 0 ? line : config_line(config, it->second),
                  "plugins \"" + it->second + "\" and \"" + plugin + "\" both produce " + product +
                      "; disable one of them in site.yaml");
    }
  for (const auto& [plugin, info] : infos)
    for (const std::string& need : info.needs)
      if (producer.count(need) == 0)
        throw Error(file, config_line(config, plugin),
                    "plugin \"" + plugin + "\" needs " + need +
                        ", which no enabled plugin produces; enable the plugin that does");
}

BuildSummary build_site(const SiteConfig& config, const BuildOptions& options, const PartSet& parts,
                        DiagnosticSink& sink, unsigned threads, BuildMemory* memory) {
  check_products(parts, config);
  auto composer = std::make_unique<GraphComposer>(config, options, parts, sink, memory);
  BuildSummary summary = composer->run(threads);
  if (memory != nullptr)
    memory->discard(std::move(composer));  // freed while serve goes on
  else
    summary.leftovers = std::move(composer);
  return summary;
}

}  // namespace digestif

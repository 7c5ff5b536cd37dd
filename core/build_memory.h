// BuildMemory: what a process that builds again and again (`digestif serve`) keeps in memory
// from one build for the next: the analyzed documents, the site analyzers' runs, what the sources
// found, the build log, and which files changed since.
#pragma once

#include <filesystem>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/analyzer.h"
#include "core/build_log.h"
#include "core/document_cache.h"
#include "core/site_product_cache.h"
#include "core/source.h"

namespace digestif {

/// A site analyzer's run as the last build left it.
struct KeptAnalysis {
  std::string inputs;  ///< fingerprint of what it read; empty when unknown
  AnalyzerMemo memo;   ///< see SiteAnalyzer::analyze_with_live_memo
  SiteProducts made;
  /// False while this run is newer than what .digestif/site/ holds (BuildMemory::save() writes
  /// it there).
  bool saved = true;
};

/// Taking from here costs neither reading nor decoding. Everything is kept under one analysis
/// setup: taking under another finds nothing. Safe to use from several threads at once (a
/// build's site analyzers take their runs in parallel).
class BuildMemory {
 public:
  /// The document made from `origin` at `version` under `setup`, moved out; nullopt if none.
  std::optional<CachedDocument> take(const std::string& setup, const std::string& origin,
                                     const std::string& version);
  /// The last run of `analyzer` under `setup`, moved out; nullopt if none.
  std::optional<KeptAnalysis> take_analysis(const std::string& setup, const std::string& analyzer);
  /// Forgets everything, then keeps what a build made under `setup` (call keep() and
  /// keep_analysis()); save() writes unsaved analyses to the SiteProductCache in `site_folder`.
  void reset(const std::string& setup, std::filesystem::path site_folder);
  /// True once reset() was called with this setup: the documents of a build are here.
  bool holds(const std::string& setup) const;
  void keep(std::string origin, CachedDocument entry);
  void keep_analysis(std::string analyzer, KeptAnalysis analysis);

  /// Notes files (absolute paths) a watcher saw change since the last build.
  void note_changes(const std::vector<std::filesystem::path>& changed);
  /// Every file changed since the last build that kept what its sources found; nullopt when
  /// that is not known (no such build yet).
  std::optional<std::vector<std::filesystem::path>> changes() const;
  /// What each source (by key) found in a build; changes are noted against it from now on.
  void keep_discovered(std::map<std::string, std::vector<SourceItem>> items);
  /// What the source `key` found in the last build, moved out; nullopt if none.
  std::optional<std::vector<SourceItem>> take_discovered(const std::string& key);

  /// The log of the last build; its outputs are as that build left them. `file` is where it
  /// belongs: save() writes it there unless `changed` is false (it is the log that was taken).
  void keep_log(BuildLog log, std::filesystem::path file, bool changed = true);
  /// The log kept, moved out (a build changes it in place, then keeps it again); nullopt if
  /// none. Until it is kept again, save() has no log to write.
  std::optional<BuildLog> take_log();
  /// The document cache kept with the documents of `folder` under `setup`, moved out; nullptr
  /// if none. One kept for another folder or setup is finished first (see save()).
  std::unique_ptr<DocumentCache> take_cache(const std::filesystem::path& folder,
                                            const std::string& setup);
  /// Keeps a build's document cache open, unfinished, with the documents of that build
  /// ((origin, version) pairs): the next build appends to its journal, and save() indexes them.
  void keep_cache(std::unique_ptr<DocumentCache> cache,
                  std::vector<std::pair<std::string, std::string>> documents);

  /// Writes what the builds kept since the last save: the log to its file, the site analyzers'
  /// runs not yet saved to .digestif/site/, and the document cache's index (which names the
  /// documents analyzed since). Done once when the process stops, not after every build: a
  /// log, analysis or index on disk older than the outputs only means that the next process
  /// looks at them again, or analyzes a document again. Throws Error when the log cannot be
  /// written.
  void save();
  /// Frees what a build leaves behind (its graph, its slots) on another thread, while the
  /// process goes on; the last of it is freed before the memory is.
  void discard(std::shared_ptr<void> garbage);

 private:
  void sort_documents();
  /// Indexes the documents of the kept cache, and lets it go. Call with mutex_ held.
  void finish_cache();

  mutable std::mutex mutex_;  // guards what follows
  std::string setup_;
  std::filesystem::path site_folder_;
  bool filled_ = false;
  // (origin, entry), by origin once sorted_: builds take and keep them in that order, so a
  // take finds its entry next to the last one's. A taken entry's version is empty.
  std::vector<std::pair<std::string, CachedDocument>> documents_;
  bool sorted_ = true;
  std::size_t next_ = 0;                                       // where the next take looks first
  std::map<std::string, KeptAnalysis> analyses_;               // analyzer name -> its run
  std::map<std::string, std::vector<SourceItem>> discovered_;  // source key -> its items
  std::optional<std::set<std::filesystem::path>> changes_;     // since `discovered_`
  std::optional<BuildLog> log_;
  std::filesystem::path log_file_;
  bool log_saved_ = true;
  std::unique_ptr<DocumentCache> cache_;                              // unfinished
  std::vector<std::pair<std::string, std::string>> cache_documents_;  // for its index
  std::future<void> discarding_;  // last: its destructor waits for the thread
};

}  // namespace digestif

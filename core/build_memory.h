// BuildMemory: what a process that builds again and again (`digestif serve`) keeps in memory
// from one build for the next: the analyzed documents and the site analyzers' runs.
#pragma once

#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "core/document_cache.h"
#include "core/site_product_cache.h"

namespace digestif {

/// A site analyzer's run as the last build left it.
struct KeptAnalysis {
  std::string inputs;  ///< fingerprint of what it read; empty when unknown
  std::string memo;    ///< see SiteAnalyzer::analyze_with_memo
  SiteProducts made;
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
  /// keep_analysis()).
  void reset(const std::string& setup);
  /// True once reset() was called with this setup: the documents of a build are here.
  bool holds(const std::string& setup) const;
  void keep(std::string origin, CachedDocument entry);
  void keep_analysis(std::string analyzer, KeptAnalysis analysis);

 private:
  mutable std::mutex mutex_;  // guards what follows
  std::string setup_;
  bool filled_ = false;
  std::map<std::string, CachedDocument> documents_;  // origin -> entry
  std::map<std::string, KeptAnalysis> analyses_;     // analyzer name -> its run
};

}  // namespace digestif

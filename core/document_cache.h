// DocumentCache: the analyzed documents of the last build, so an unchanged input is not parsed
// and analyzed again.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "core/document.h"

namespace digestif {

/// A document as its parse and document analyzers left it, with what they reported.
struct CachedDocument {
  std::string version;  ///< SourceItem::version of the input it was made from
  Document document;
  std::vector<Diagnostic> diagnostics;
};

/// One file per analyzed document in a folder (.digestif/documents/), named by a Fingerprint of
/// the input's origin and version and of the analysis setup (everything else the analysis reads:
/// site.yaml, the executable, plugin libraries). A file that exists holds what analyzing that
/// input gives; reads and writes of different documents may run at once.
class DocumentCache {
 public:
  /// Lists the folder once; nothing is read yet.
  DocumentCache(std::filesystem::path folder, std::string setup);

  /// True when the folder has the file for this input at this version.
  bool has(const std::string& origin, const std::string& version) const;
  /// The document made from `origin` at `version`; nullopt when it is missing or damaged.
  std::optional<CachedDocument> read(const std::string& origin, const std::string& version) const;
  /// Stores a document for the next build, atomically; a cache that cannot be written is no
  /// error (the next build analyzes the document again).
  void write(const std::string& origin, const std::string& version, const Document& document,
             const std::vector<Diagnostic>& diagnostics) const;
  /// Deletes the files of inputs that are not in `current` ((origin, version) pairs): removed
  /// documents, older versions, another setup.
  void remove_all_but(const std::vector<std::pair<std::string, std::string>>& current) const;

 private:
  std::string file_name(const std::string& origin, const std::string& version) const;

  std::filesystem::path folder_;
  std::string setup_;
  std::set<std::string> present_;  // file names found when listing
};

/// The documents of the last build kept in memory by a process that builds again and again
/// (`digestif serve`): a document taken from here costs neither reading nor decoding.
class DocumentMemory {
 public:
  /// The document made from `origin` at `version` under `setup`, moved out; nullopt if none.
  std::optional<CachedDocument> take(const std::string& setup, const std::string& origin,
                                     const std::string& version);
  /// Forgets everything, then keeps documents made under `setup` (call keep() for each).
  void reset(const std::string& setup);
  /// True once reset() was called with this setup: the documents of a build are here.
  bool holds(const std::string& setup) const { return filled_ && setup == setup_; }
  void keep(std::string origin, CachedDocument entry);

 private:
  std::string setup_;
  bool filled_ = false;
  std::map<std::string, CachedDocument> entries_;  // origin -> entry
};

}  // namespace digestif

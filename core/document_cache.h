// DocumentCache: the analyzed documents of the last build, so an unchanged input is not parsed
// and analyzed again.
#pragma once

#include <cstdio>
#include <filesystem>
#include <map>
#include <optional>
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

/// Kept in one file (.digestif/documents.cache), valid only for the same `setup`: a fingerprint
/// of everything else a document's analysis reads (site.yaml, the executable, plugin libraries).
class DocumentCache {
 public:
  /// The cache at `file`; empty when there is none, it is damaged or made for another setup.
  static DocumentCache load(const std::filesystem::path& file, const std::string& setup);

  /// The document made from `origin` at `version`, moved out of the cache; nullopt when the
  /// cache has none or has it at another version.
  std::optional<CachedDocument> take(const std::string& origin, const std::string& version);

  std::size_t size() const { return entries_.size(); }

 private:
  std::map<std::string, CachedDocument> entries_;
};

/// Writes the cache for the next build, one document at a time into a temporary file that
/// replaces the cache only when commit() is called.
class DocumentCacheWriter {
 public:
  DocumentCacheWriter(std::filesystem::path file, const std::string& setup);
  ~DocumentCacheWriter();
  DocumentCacheWriter(const DocumentCacheWriter&) = delete;
  DocumentCacheWriter& operator=(const DocumentCacheWriter&) = delete;

  void add(const std::string& origin, const std::string& version, const Document& document,
           const std::vector<Diagnostic>& diagnostics);
  /// Renames the written file over the cache; throws Error when it cannot be written.
  void commit();

 private:
  void flush();

  std::filesystem::path file_, temporary_;
  std::FILE* out_ = nullptr;
  std::string buffer_;
};

}  // namespace digestif

// Source and Format: the fetch stage, from places to raw bytes to parsed Documents.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/config.h"
#include "core/document.h"
#include "core/part.h"

namespace digestif {

/// One thing a Source found: a file, or later a URL.
struct SourceItem {
  std::string origin;          ///< what diagnostics show: "content/digests/x.md" or a URL
  std::string stem;            ///< name without folder and extension: the default slug
  std::filesystem::path path;  ///< for local files
  /// Changes whenever the item's bytes do ("size:mtime" of a file, a hash of fetched bytes);
  /// empty when unknown, and then every build rebuilds.
  std::string version = {};
};

struct RawSource {
  std::string origin;
  std::string stem;
  std::string bytes;
};

/// Finds the inputs (cheap, sequential) and loads each one (in parallel).
/// Each Source reads the `sources:` entries it claims (SiteConfig::source_entries()).
class Source : public Part {
 public:
  /// True when this source reads the entry (a local folder, a kind of URL); the build refuses
  /// an entry no source claims, or two claim.
  virtual bool claims(const SourceEntry& entry) const {
    (void)entry;
    return false;
  }
  virtual std::vector<SourceItem> discover() const = 0;
  /// Discovers again in a process that builds again and again (`digestif serve`): `last` is what
  /// this source found in the last build, and `changed` every file (absolute path) that changed
  /// since, as a file watcher saw it. Returns the items now. The default discovers from scratch.
  virtual std::vector<SourceItem> rediscover(
      std::vector<SourceItem> last, const std::vector<std::filesystem::path>& changed) const {
    (void)last;
    (void)changed;
    return discover();
  }
  virtual RawSource load(const SourceItem& item) const = 0;
};

/// Turns raw bytes of one content format into a Document; the first Format that accepts wins.
class Format : public Part {
 public:
  virtual bool accepts(const RawSource& raw) const = 0;
  virtual Document parse(const RawSource& raw) const = 0;
};

}  // namespace digestif

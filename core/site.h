// Site: the configuration, the published documents and the site-wide data analyzers compute.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/config.h"
#include "core/document.h"
#include "core/key_positions.h"
#include "core/value.h"

namespace digestif {

/// What `digestif build` was asked for beyond site.yaml.
struct BuildOptions {
  bool drafts = false;   ///< publish documents marked draft: true
  bool strict = false;   ///< any diagnostic fails the build
  bool future = false;   ///< publish documents dated after the build's start
  bool offline = false;  ///< remote sources come from their cache alone; no connection is opened
  /// Only this process reads the output folder, and never while a build writes it (serve's):
  /// a changed file is rewritten in place instead of through a temporary file and a rename,
  /// which costs a tenth (ext4 allocates the new file's blocks at the rename).
  bool private_output = false;
  /// More files whose change means a rebuild (plugin libraries); site.yaml, the theme and the
  /// content are always followed.
  std::vector<std::filesystem::path> tracked_files = {};
};

/// Read by renderers and site analyzers. `documents` is final (published, newest first) once
/// the index step ran; `data` holds one key per site product ("tags", ...), written only by
/// the analyzer that declares it.
struct Site {
  const SiteConfig& config;
  BuildOptions options = {};
  std::vector<Document*> documents = {};
  /// The position in `documents` of each by its permalink (a view of its own), filled with them
  /// by the index step.
  KeyPositions by_permalink = {};
  /// A Fingerprint value of the permalinks of `documents` in order, set with them by the index
  /// step (0 in a site put together by hand): positions found in one build hold in another of
  /// the same order.
  std::uint64_t order = 0;
  Value data = Value::object();
  /// Tells the builds of one process apart (0 in a site put together by hand): what a renderer
  /// computed for one build is not taken for another's at the same address.
  std::uint64_t build = 0;

  /// The position in `documents` of the published document at `permalink`, or
  /// documents.size(). (Searches `documents` when `by_permalink` was not filled, as in a site
  /// put together by hand in a test.)
  std::size_t position_of(std::string_view permalink) const {
    if (by_permalink.empty()) {
      for (std::size_t at = 0; at < documents.size(); ++at)
        if (documents[at]->permalink == permalink) return at;
      return documents.size();
    }
    std::size_t at = by_permalink.find(permalink);
    return at == KeyPositions::npos ? documents.size() : at;
  }
  /// The published document at `permalink`, or nullptr.
  const Document* find_document(std::string_view permalink) const {
    std::size_t at = position_of(permalink);
    return at < documents.size() ? documents[at] : nullptr;
  }
};

}  // namespace digestif

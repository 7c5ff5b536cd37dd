// Site: the configuration, the published documents and the site-wide data analyzers compute.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/config.h"
#include "core/document.h"
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
  /// `documents` by permalink (views of their own), filled with them by the index step.
  std::unordered_map<std::string_view, const Document*> by_permalink = {};
  Value data = Value::object();
  /// Tells the builds of one process apart (0 in a site put together by hand): what a renderer
  /// computed for one build is not taken for another's at the same address.
  std::uint64_t build = 0;

  /// The published document at `permalink`, or nullptr. (Searches `documents` when
  /// `by_permalink` was not filled, as in a site put together by hand in a test.)
  const Document* find_document(std::string_view permalink) const {
    if (by_permalink.empty()) {
      for (const Document* document : documents)
        if (document->permalink == permalink) return document;
      return nullptr;
    }
    auto it = by_permalink.find(permalink);
    return it == by_permalink.end() ? nullptr : it->second;
  }
};

}  // namespace digestif

// Site: the configuration, the published documents and the site-wide data analyzers compute.
#pragma once

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
};

/// Read by renderers and site analyzers. `documents` is final (published, newest first) once
/// the index step ran; `data` holds one key per site product ("tags", ...), written only by
/// the analyzer that declares it.
struct Site {
  const SiteConfig& config;
  BuildOptions options = {};
  std::vector<Document*> documents = {};
  Value data = Value::object();
};

}  // namespace digestif

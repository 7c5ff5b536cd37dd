// Loading external plugins: shared libraries named by `path:` in site.yaml's `plugins:`.
#pragma once

#include <filesystem>
#include <string>

#include "core/config.h"
#include "core/plugin_registry.h"

namespace digestif {

/// Where a plugin library was asked for: every diagnostic points there.
struct PluginOrigin {
  std::string name;         ///< the entry's name in site.yaml; the plugin must be named so
  std::string config_file;  ///< site.yaml as given
  int line = 0;             ///< the entry's line in site.yaml
};

/// dlopens `path` (RTLD_NOW | RTLD_LOCAL), checks its DigestifPluginInfo (entry point, ABI
/// version, compiler and standard library, name) before calling into it, then lets it register
/// one Plugin, which is added to `registry` with `library` set to `path`. Every failure is an
/// Error at origin's site.yaml line: `plugin "name": what is wrong; what to do`. A loaded
/// library stays loaded until the process ends (its parts' code lives there).
void load_plugin_library(const std::filesystem::path& path, PluginRegistry& registry,
                         const PluginOrigin& origin);

/// Loads every `plugins:` entry of site.yaml that has a `path` option (relative to site.yaml),
/// in the order site.yaml lists them.
void load_external_plugins(const SiteConfig& config, PluginRegistry& registry);

/// Whether a library built with `compiler` and `std_library` can share C++ types with this
/// host: same compiler family and major version, same standard library release.
bool abi_compatible(std::string_view compiler, std::string_view std_library);

}  // namespace digestif

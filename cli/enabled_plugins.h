// enable_plugins: the built-in plugins and the external ones site.yaml names, set up for a build.
#pragma once

#include "core/config.h"
#include "core/diagnostic_sink.h"
#include "core/plugin.h"
#include "core/plugin_registry.h"

namespace digestif::cli {

struct EnabledPlugins {
  PluginRegistry registry;
  PartSet parts;
};

/// Registers the built-ins, loads the libraries of external plugins, enables what site.yaml
/// asks for, and adds the libraries to `options.tracked_files` (a changed one means a rebuild).
EnabledPlugins enable_plugins(const SiteConfig& config, BuildOptions& options,
                              DiagnosticSink& sink);

}  // namespace digestif::cli

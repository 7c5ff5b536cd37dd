// enable_plugins: registering, loading and enabling the plugins of a site.
#include "cli/enabled_plugins.h"

#include "core/plugin_loader.h"
#include "plugins/builtin.h"

namespace digestif::cli {

EnabledPlugins enable_plugins(const SiteConfig& config, BuildOptions& options,
                              DiagnosticSink& sink) {
  EnabledPlugins enabled;
  plugins::register_builtin_plugins(enabled.registry);
  load_external_plugins(config, enabled.registry);
  for (const Plugin& plugin : enabled.registry.plugins())
    if (!plugin.library.empty()) options.tracked_files.emplace_back(plugin.library);
  enabled.parts = enabled.registry.enable(config, options, sink);
  return enabled;
}

}  // namespace digestif::cli

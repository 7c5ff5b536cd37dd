// PluginRegistry: the plugins digestif knows, and enabling them as site.yaml says.
#pragma once

#include <string_view>
#include <vector>

#include "core/plugin.h"

namespace digestif {

/// The plugins digestif knows: the built-ins and those loaded from libraries.
class PluginRegistry {
 public:
  /// Adds a plugin; a second plugin with the same name is an Error.
  void add(Plugin plugin);
  const Plugin* find(std::string_view name) const;
  const std::vector<Plugin>& plugins() const { return plugins_; }

  /// Sets up every enabled plugin with its options: those enabled by default unless site.yaml
  /// disables them, and those site.yaml enables. An unknown name is an Error at its line. The
  /// `path` option (an external plugin's library, see core/plugin_loader.h) is not passed on.
  PartSet enable(const SiteConfig& config, const BuildOptions& build, DiagnosticSink& sink) const;

  /// The order plugins are set up in (so formats are tried in it): those site.yaml lists, in
  /// its order, then the others in the order they were added. An unknown name is an Error.
  std::vector<const Plugin*> enable_order(const SiteConfig& config) const;

 private:
  std::vector<Plugin> plugins_;
};

}  // namespace digestif

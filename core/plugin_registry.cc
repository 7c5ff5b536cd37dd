// PluginRegistry: registration and enabling of plugins.
#include "core/plugin_registry.h"

#include <algorithm>

namespace digestif {
namespace {

const PluginConfig* find_config(const SiteConfig& config, std::string_view name) {
  auto it = std::find_if(config.plugins.begin(), config.plugins.end(),
                         [&](const PluginConfig& entry) { return entry.name == name; });
  return it == config.plugins.end() ? nullptr : &*it;
}

}  // namespace

void PluginRegistry::add(Plugin plugin) {
  if (find(plugin.name) != nullptr)
    throw Error("", 0, "two plugins are named \"" + plugin.name + "\"; rename one of them");
  plugins_.push_back(std::move(plugin));
}

const Plugin* PluginRegistry::find(std::string_view name) const {
  auto it = std::find_if(plugins_.begin(), plugins_.end(),
                         [&](const Plugin& plugin) { return plugin.name == name; });
  return it == plugins_.end() ? nullptr : &*it;
}

std::vector<const Plugin*> PluginRegistry::enable_order(const SiteConfig& config) const {
  std::vector<const Plugin*> order;
  for (const PluginConfig& entry : config.plugins) {
    const Plugin* plugin = find(entry.name);
    if (plugin == nullptr)
      throw Error(config.file.string(), entry.line,
                  "unknown plugin \"" + entry.name + "\"; `digestif plugins` lists the known ones");
    if (std::find(order.begin(), order.end(), plugin) == order.end()) order.push_back(plugin);
  }
  for (const Plugin& plugin : plugins_)
    if (find_config(config, plugin.name) == nullptr) order.push_back(&plugin);
  return order;
}

PartSet PluginRegistry::enable(const SiteConfig& config, const BuildOptions& build,
                               DiagnosticSink& sink) const {
  PartSet parts;
  for (const Plugin* plugin : enable_order(config)) {
    const PluginConfig* entry = find_config(config, plugin->name);
    bool enabled = entry != nullptr ? entry->enabled : plugin->enabled_by_default;
    if (!enabled) continue;
    Value options = entry != nullptr ? entry->options : Value::object();
    if (options.is_object()) options.as_object().erase("path");  // the loader's, not the plugin's
    PluginSetup setup(
        PluginContext(plugin->name, options, config, build, sink, entry ? entry->line : 0), parts);
    plugin->setup(setup);
  }
  return parts;
}

}  // namespace digestif

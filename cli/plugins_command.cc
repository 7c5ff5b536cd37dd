// `digestif plugins`: what is loaded for this site, with each part's stage, needs and products.
#include <iostream>

#include "cli/commands.h"
#include "core/plugin_loader.h"
#include "core/plugin_registry.h"
#include "plugins/builtin.h"

namespace digestif::cli {
namespace {

std::string joined(const std::vector<std::string>& items) {
  std::string text;
  for (const std::string& item : items) text += (text.empty() ? "" : ", ") + item;
  return text.empty() ? "-" : text;
}

template <typename Parts>
void print_parts(const Parts& parts) {
  for (const auto& owned : parts) {
    PartInfo info = owned.part->info();
    std::cout << "  " << owned.plugin << ": " << info.name << " [" << stage_name(info.stage)
              << "] needs " << joined(info.needs) << "; produces " << joined(info.produces) << "\n";
  }
}

void print_plugin(const Plugin& plugin) {
  std::cout << plugin.name << " - " << plugin.description;
  if (!plugin.library.empty()) std::cout << " (external: " << plugin.library << ")";
  std::cout << "\n";
}

}  // namespace

int run_plugins(const std::string& config_file) {
  DiagnosticSink sink([](const Diagnostic& d) { std::cerr << d.format() << "\n"; });
  try {
    SiteConfig config = load_config(config_file, sink);
    PluginRegistry registry;
    plugins::register_builtin_plugins(registry);
    load_external_plugins(config, registry);
    for (const Plugin& plugin : registry.plugins()) print_plugin(plugin);
    std::cout << "\nenabled for " << config_file << ":\n";
    PartSet parts = registry.enable(config, BuildOptions{}, sink);
    print_parts(parts.sources);
    print_parts(parts.formats);
    print_parts(parts.document_analyzers);
    print_parts(parts.site_analyzers);
    print_parts(parts.renderers);
  } catch (const Error& error) {
    std::cerr << error.diagnostic().format() << "\n";
    return 1;
  }
  return sink.errors() > 0 ? 1 : 0;
}

}  // namespace digestif::cli

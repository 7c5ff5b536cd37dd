// Plugin: a named bundle of parts, and PluginSetup, through which it adds them.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/analyzer.h"
#include "core/plugin_context.h"
#include "core/renderer.h"
#include "core/source.h"

namespace digestif {

/// ABI version of this API, checked for plugins loaded from shared libraries.
// 6: SiteAnalyzer::fingerprint_document; 7: Document::html and Document::data decoded on first
// read (Deferred, DocumentData); 8: Source::rediscover; 11: Renderer::fingerprint_planned;
// 12: PartInfo::own_entries; 13: SiteAnalyzer::analyze_with_live_memo; 14: Site::by_permalink
// keyed by views; 15: Site::by_permalink holds positions in Site::documents (Site::position_of)
// 16: BinaryWriter copies encoded parts; 17: AnalyzerMemo::mapped (a saved memo not copied)
inline constexpr int kPluginApiVersion = 17;

/// A part with the name of the plugin that added it.
template <typename T>
struct Owned {
  std::string plugin;
  std::unique_ptr<T> part;
};

/// Every part of every enabled plugin, in the order the plugins were enabled.
struct PartSet {
  std::vector<Owned<Source>> sources;
  std::vector<Owned<Format>> formats;
  std::vector<Owned<DocumentAnalyzer>> document_analyzers;
  std::vector<Owned<SiteAnalyzer>> site_analyzers;
  std::vector<Owned<Renderer>> renderers;
};

/// What a plugin's setup function receives: its context, and the means to add parts.
class PluginSetup {
 public:
  PluginSetup(PluginContext context, PartSet& parts)
      : context_(std::move(context)), parts_(parts) {}
  const PluginContext& context() const { return context_; }
  void add(std::unique_ptr<Source> part) {
    parts_.sources.push_back({context_.plugin(), std::move(part)});
  }
  void add(std::unique_ptr<Format> part) {
    parts_.formats.push_back({context_.plugin(), std::move(part)});
  }
  void add(std::unique_ptr<DocumentAnalyzer> part) {
    parts_.document_analyzers.push_back({context_.plugin(), std::move(part)});
  }
  void add(std::unique_ptr<SiteAnalyzer> part) {
    parts_.site_analyzers.push_back({context_.plugin(), std::move(part)});
  }
  void add(std::unique_ptr<Renderer> part) {
    parts_.renderers.push_back({context_.plugin(), std::move(part)});
  }

 private:
  PluginContext context_;
  PartSet& parts_;
};

/// A plugin as registered: it adds its parts when enabled for a build.
struct Plugin {
  std::string name;
  std::string description;
  std::function<void(PluginSetup&)> setup;
  bool enabled_by_default = true;
  std::string library = {};  ///< the shared library it was loaded from; empty for a built-in
};

}  // namespace digestif

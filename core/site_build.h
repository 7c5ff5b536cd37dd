// SiteBuild: turns the configuration and the enabled parts into a build graph and runs it.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "core/build_memory.h"
#include "core/builder.h"
#include "core/diagnostic_sink.h"
#include "core/plugin.h"
#include "core/site.h"

namespace digestif {

struct BuildSummary {
  std::size_t documents = 0;         ///< published
  std::size_t documents_cached = 0;  ///< read from the document cache, not parsed and analyzed
  std::size_t outputs_written = 0;   ///< files whose bytes changed
  std::size_t outputs_unchanged = 0;
  std::size_t outputs_kept = 0;     ///< of the unchanged: not even rendered (same inputs as before)
  std::size_t outputs_removed = 0;  ///< stale files of earlier builds
  double seconds = 0;
  BuildStats tasks = {};  ///< graph tasks that succeeded, failed, were skipped
  /// Wall time of each phase, in order: ("check inputs", s), ("plan", s) (open the output and the
  /// caches, make the graph), ("run tasks", s), ("finish", s).
  std::vector<std::pair<std::string, double>> phases;
  bool up_to_date = false;           ///< nothing changed since the last build: no work done
  std::vector<std::string> reasons;  ///< why the build ran (see UpToDate)
  std::vector<std::string> changed;  ///< output paths whose bytes changed
  /// Site analyzers not run: what they read was unchanged, so their products were restored.
  std::vector<std::string> analyzers_reused;
  /// Renderers whose plan was kept: what their site outputs show was unchanged, so the build
  /// neither planned nor prepared them (see Renderer::fingerprint_planned).
  std::vector<std::string> plans_kept;
  /// What the build leaves behind (its graph, its documents), freed with the summary. A process
  /// about to exit may keep it instead and leave it to the system (`digestif build`: freeing
  /// 10,000 documents one by one took 25-35 ms). Without `memory` only (see build_site()).
  std::shared_ptr<void> leftovers;
};

/// A build whose inputs (and outputs) are as the last build left them does nothing but repeat
/// its diagnostics. Otherwise the phases, in graph order: discover sources; per document parse,
/// then analyze; index the published documents; site analyzers; render (per document as soon as its
/// inputs are ready, site-wide pages once their products are); write; remove stale outputs.
/// A process that builds again and again passes the same `memory` each time: the documents of one
/// build are kept there for the next (otherwise they come from the cache on disk).
BuildSummary build_site(const SiteConfig& config, const BuildOptions& options, const PartSet& parts,
                        DiagnosticSink& sink, unsigned threads, BuildMemory* memory = nullptr);

/// Checks that every product a part needs is produced by exactly one enabled part; an Error
/// names the plugins, at the site.yaml line of the one listed there.
void check_products(const PartSet& parts, const SiteConfig& config);

}  // namespace digestif

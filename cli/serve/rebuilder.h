// The rebuilder: builds the site into the served folder, once at start and after each burst of
// changes (debounced), the way `digestif build` does.
#pragma once

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/enabled_plugins.h"
#include "cli/serve/served_site.h"
#include "core/build_memory.h"
#include "core/site_build.h"

namespace digestif::cli {

/// What one build did, for the terminal line and the reload event.
struct RebuildResult {
  std::vector<std::filesystem::path> changed;  ///< what triggered it (empty for the first)
  std::size_t pages_built = 0;                 ///< outputs of the site
  std::size_t pages_rendered = 0;  ///< those rendered again (the others' inputs did not change)
  std::size_t pages_written = 0;   ///< those whose bytes changed
  double milliseconds = 0;
  int errors = 0;
  bool css_only = false;  ///< only stylesheets changed: tabs may swap them without reloading
  std::vector<std::filesystem::path> trees;  ///< folders to watch: content, theme
  std::vector<std::filesystem::path> files;  ///< files to watch: site.yaml, plugin libraries
  BuildSummary summary;                      ///< for --timings
  unsigned threads = 0;                      ///< the build ran on
};

class Rebuilder {
 public:
  /// `base_url` replaces site.yaml's (links and feeds point at the preview server).
  Rebuilder(const ServeArguments& arguments, ServedSite& site, std::string base_url);
  ~Rebuilder();

  /// Builds now: reads site.yaml, enables the plugins, builds into the served folder under its
  /// write lock; diagnostics go to stderr as they come, errors also to the served overlay.
  RebuildResult build(std::vector<std::filesystem::path> changed);

  /// Notes a changed file; run() rebuilds once no change came for the quiet period.
  void file_changed(const std::filesystem::path& path);
  /// Waits for changes, rebuilds after each burst and passes the result on, until stop(); then
  /// writes what the builds kept: the last build log and site analyses (see BuildMemory::save).
  void run(const std::function<void(const RebuildResult&)>& on_built);
  void stop();

 private:
  /// Writes what the builds kept; a log that cannot be written is a warning on stderr.
  void save_memory();

  /// site.yaml as read, and the plugins enabled for it: kept while only content changes, so
  /// they are neither read nor made again, and a part keeps what it computed of the documents
  /// that did not change (the site pages' entries, say).
  struct Setup {
    Setup(const Rebuilder& rebuilder, DiagnosticSink& sink);
    /// True when every changed file is content, in a local source folder (none is remote).
    bool holds(const std::vector<std::filesystem::path>& changed) const;
    SiteConfig config;
    BuildOptions options;
    EnabledPlugins enabled;
    std::vector<std::filesystem::path> content;  // the source folders; empty with a remote one
    std::filesystem::path theme;
  };

  ServeArguments arguments_;
  ServedSite& site_;
  std::string base_url_;
  BuildMemory memory_;            // of the last build, for the next
  std::unique_ptr<Setup> setup_;  // of the last build, while it holds
  std::mutex mutex_;
  std::condition_variable wakeup_;
  std::set<std::filesystem::path> pending_;
  std::chrono::steady_clock::time_point last_change_;
  bool stopping_ = false;
};

/// The quiet period that ends a burst of saves.
inline constexpr std::chrono::milliseconds rebuild_quiet_period{100};

}  // namespace digestif::cli

// SiteConfig: what site.yaml says, checked key by key with file:line diagnostics.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "core/diagnostic_sink.h"
#include "core/value.h"

namespace digestif {

/// One entry of `plugins:`: a plugin to enable or disable, with its options.
struct PluginConfig {
  std::string name;
  bool enabled = true;
  Value options = Value::object();
  int line = 0;  ///< line of the entry in site.yaml
};

/// One entry of `sources:`: a local folder or a URL, with its options; a Source plugin claims it.
struct SourceEntry {
  std::string location;             ///< a folder (relative to the site root) or a URL
  Value options = Value::object();  ///< the other keys of a map entry
  int line = 0;                     ///< line of the entry in site.yaml; 0 for the default
  bool is_url() const { return location.find("://") != std::string::npos; }
};

struct SiteConfig {
  std::filesystem::path file;  ///< site.yaml as given
  std::filesystem::path root;  ///< folder of site.yaml: relative paths are taken from here
  std::string title = "digestif site";
  std::string base_url = "http://localhost:1313/";
  std::string description;
  std::string language = "en";
  std::string author;
  std::string theme = "default";
  std::filesystem::path content_dir = "content";
  std::filesystem::path output_dir = "site";
  std::filesystem::path themes_dir = "themes";
  int page_size = 10;
  int feed_size = 20;
  std::string permalink = "/:year/:month/:day/:slug/";
  std::map<std::string, std::string> tag_aliases;  ///< tag slug -> the slug it stands for
  std::vector<PluginConfig> plugins;
  std::vector<SourceEntry> sources;  ///< `sources:` as written; empty when site.yaml has none

  /// Where documents come from: `sources:`, or else the content folder alone.
  std::vector<SourceEntry> source_entries() const;
  /// The path part of base_url, always ending in '/': "/" or "/blog/".
  std::string base_path() const;
  /// base_url without its trailing '/' joined with a root-relative path.
  std::string absolute_url(const std::string& root_relative) const;
  /// The link to a site path ("/tags/é/"): base path + the path, percent-encoded as a URI.
  std::string url_of(const std::string& site_path) const;
  std::filesystem::path theme_dir() const { return root / themes_dir / theme; }
  std::filesystem::path output_path() const { return root / output_dir; }
  /// The build log of the output folder: .digestif/build.log, or beside an output folder that
  /// lies in .digestif/ itself (`digestif serve` builds into .digestif/serve/: its log is
  /// .digestif/serve.log, so serving leaves the log of `digestif build` alone).
  std::filesystem::path build_log_path() const;
};

/// Reads site.yaml. Unknown keys are warnings, wrong types and bad values are Errors, each
/// with site.yaml:line.
SiteConfig load_config(const std::filesystem::path& file, DiagnosticSink& sink);

}  // namespace digestif

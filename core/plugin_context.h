// PluginContext: the only services a plugin gets from the core.
#pragma once

#include <string>

#include "core/config.h"
#include "core/diagnostic_sink.h"
#include "core/site.h"
#include "core/value.h"

namespace digestif {

/// Handed to a plugin when it is set up: its name, its options from site.yaml, the site
/// configuration, the build options and where to report warnings.
class PluginContext {
 public:
  PluginContext(std::string plugin, const Value& options, const SiteConfig& config,
                const BuildOptions& build, DiagnosticSink& sink, int config_line)
      : plugin_(std::move(plugin)),
        options_(options),
        config_(config),
        build_(build),
        sink_(sink),
        config_line_(config_line) {}

  const std::string& plugin() const { return plugin_; }
  const SiteConfig& config() const { return config_; }
  const BuildOptions& build() const { return build_; }
  DiagnosticSink& sink() const { return sink_; }
  const Value& options() const { return options_; }
  /// The line of the plugin's entry in site.yaml (0 when site.yaml does not list it), for
  /// Errors about its options.
  int config_line() const { return config_line_; }

  bool option_bool(std::string_view key, bool fallback) const;
  std::string option_string(std::string_view key, std::string_view fallback) const;
  /// Warns, at the plugin's site.yaml line, about every option not in `known`.
  void check_options(std::initializer_list<std::string_view> known) const;

 private:
  std::string plugin_;
  Value options_;
  const SiteConfig& config_;
  BuildOptions build_;
  DiagnosticSink& sink_;
  int config_line_;
};

}  // namespace digestif

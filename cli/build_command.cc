// `digestif build`: load site.yaml, enable the plugins, build, print a summary.
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <vector>

#include "cli/commands.h"
#include "cli/enabled_plugins.h"
#include "cli/output_guard.h"
#include "cli/timings.h"
#include "core/builder.h"
#include "core/site_build.h"

namespace digestif::cli {
namespace {

DiagnosticSink::Printer printer_for(bool quiet) {
  return [quiet](const Diagnostic& diagnostic) {
    if (quiet && diagnostic.severity == Severity::warning) return;
    std::cerr << diagnostic.format() << "\n";
  };
}

void print_summary(const BuildSummary& summary, const DiagnosticSink& sink,
                   const SiteConfig& config) {
  if (summary.up_to_date)
    std::printf(
        "digestif: %zu documents, nothing changed since the last build, no file written (%d "
        "warnings, %d errors) in %.2f s -> %s\n",
        summary.documents, sink.warnings(), sink.errors(), summary.seconds,
        config.output_path().string().c_str());
  else
    std::printf(
        "digestif: %zu documents, %zu pages written, %zu unchanged, %zu removed, %d warnings, %d "
        "errors in %.2f s -> %s\n",
        summary.documents, summary.outputs_written, summary.outputs_unchanged,
        summary.outputs_removed, sink.warnings(), sink.errors(), summary.seconds,
        config.output_path().string().c_str());
  for (const std::string& note : sink.notes()) std::printf("digestif: %s\n", note.c_str());
}

void print_plan(const SiteConfig& config, const PartSet& parts, unsigned threads) {
  std::printf("digestif: config %s, content %s, output %s, %u threads\n",
              config.file.string().c_str(), (config.root / config.content_dir).string().c_str(),
              config.output_path().string().c_str(), threads);
  std::printf(
      "digestif: %zu sources, %zu formats, %zu document analyzers, %zu site analyzers, %zu "
      "renderers\n",
      parts.sources.size(), parts.formats.size(), parts.document_analyzers.size(),
      parts.site_analyzers.size(), parts.renderers.size());
}

/// "a, b, c".
std::string joined(const std::vector<std::string>& names) {
  std::string text;
  for (const std::string& name : names) text += (text.empty() ? "" : ", ") + name;
  return text;
}

/// --explain: what changed since the last build, then every file whose bytes changed.
void print_explanation(const BuildSummary& summary) {
  if (summary.up_to_date) {
    std::printf("explain: the inputs and outputs are as the last build left them\n");
    return;
  }
  for (const std::string& reason : summary.reasons) std::printf("explain: %s\n", reason.c_str());
  std::printf(
      "explain: %zu of %zu documents read from the document cache (their bytes are as "
      "the last build read them); the others parsed and analyzed\n",
      summary.documents_cached, summary.documents);
  if (!summary.analyzers_reused.empty())
    std::printf(
        "explain: site analysis kept from the last build (what it reads is unchanged): %s\n",
        joined(summary.analyzers_reused).c_str());
  if (!summary.plans_kept.empty())
    std::printf(
        "explain: site pages kept from the last build, not even planned (what they show is "
        "unchanged): %s\n",
        joined(summary.plans_kept).c_str());
  for (const std::string& path : summary.changed)
    std::printf("explain: rewrote %s: its bytes changed\n", path.c_str());
  std::printf(
      "explain: %zu files rewritten, %zu left as they were, of which %zu not even rendered "
      "(made from the same inputs as in the last build)\n",
      summary.changed.size(), summary.outputs_unchanged, summary.outputs_kept);
}

/// Keeps a build's leftovers until the process exits, which frees them all at once: the build
/// is over, and freeing them one by one only delays the exit. (Still reachable: not a leak to
/// LeakSanitizer.)
void leave_to_exit(std::shared_ptr<void> leftovers) {
  static auto* kept = new std::vector<std::shared_ptr<void>>();
  kept->push_back(std::move(leftovers));
}

SiteConfig prepared_config(const BuildArguments& arguments, DiagnosticSink& sink) {
  SiteConfig config = load_config(arguments.config, sink);
  if (!arguments.out.empty()) config.output_dir = std::filesystem::absolute(arguments.out);
  check_output_folder(config);
  return config;
}

}  // namespace

int run_build(const BuildArguments& arguments) {
  DiagnosticSink sink(printer_for(arguments.quiet));
  try {
    SiteConfig config = prepared_config(arguments, sink);
    BuildOptions options{arguments.drafts, arguments.strict, arguments.future, arguments.offline};
    EnabledPlugins enabled = enable_plugins(config, options, sink);
    const PartSet& parts = enabled.parts;
    unsigned threads = default_thread_count();
    if (arguments.verbose) print_plan(config, parts, threads);
    BuildSummary summary = build_site(config, options, parts, sink, threads);
    if (arguments.verbose)
      std::printf("digestif: %zu tasks ran, %zu failed, %zu skipped\n", summary.tasks.succeeded,
                  summary.tasks.failed, summary.tasks.skipped);
    if (arguments.explain) print_explanation(summary);
    if (arguments.timings) print_timings(summary, threads);
    if (!arguments.quiet || sink.errors() > 0) print_summary(summary, sink, config);
    leave_to_exit(std::move(summary.leftovers));
  } catch (const Error& error) {
    sink.report(error.diagnostic());
  }
  if (sink.errors() > 0) return 1;
  if (arguments.strict && sink.warnings() > 0) {
    std::cerr << "digestif: --strict: " << sink.warnings() << " warnings count as errors\n";
    return 1;
  }
  return 0;
}

}  // namespace digestif::cli

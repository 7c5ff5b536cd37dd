// The rebuilder: builds the site into the served folder, once at start and after each burst of
// changes (debounced), the way `digestif build` does.
#include "cli/serve/rebuilder.h"

#include <algorithm>
#include <iostream>

#include "cli/enabled_plugins.h"
#include "cli/output_guard.h"
#include "core/builder.h"
#include "core/site_build.h"

namespace digestif::cli {
namespace {

/// The changed paths worth naming: those that still exist when there are any (an editor's or
/// sed's temporary file, created and renamed away within the burst, is not), else all (a
/// deletion).
std::vector<std::filesystem::path> named_changes(std::vector<std::filesystem::path> changed) {
  std::vector<std::filesystem::path> existing;
  std::error_code error;
  for (const auto& path : changed)
    if (std::filesystem::exists(path, error)) existing.push_back(path);
  return existing.empty() ? changed : existing;
}

bool only_stylesheets(const std::vector<std::filesystem::path>& changed) {
  return !changed.empty() && std::all_of(changed.begin(), changed.end(), [](const auto& path) {
    return path.extension() == ".css";
  });
}

void note_watched_paths(const SiteConfig& config, RebuildResult& result) {
  for (const SourceEntry& entry : config.source_entries())
    if (!entry.is_url())
      result.trees.push_back(std::filesystem::absolute(config.root / entry.location));
  result.trees.push_back(std::filesystem::absolute(config.theme_dir()));
  result.files = {std::filesystem::absolute(config.file)};
  for (const PluginConfig& entry : config.plugins) {
    const Value* path = entry.options.find("path");
    if (path == nullptr || !path->is_string() || path->as_string().empty()) continue;
    std::filesystem::path file = path->as_string();
    result.files.push_back(std::filesystem::absolute(config.root / file));
  }
}

}  // namespace

Rebuilder::Rebuilder(const ServeArguments& arguments, ServedSite& site, std::string base_url)
    : arguments_(arguments), site_(site), base_url_(std::move(base_url)) {}

Rebuilder::~Rebuilder() = default;

Rebuilder::Setup::Setup(const Rebuilder& rebuilder, DiagnosticSink& sink)
    : config(load_config(rebuilder.arguments_.config, sink)),
      options{rebuilder.arguments_.drafts, false, rebuilder.arguments_.future} {
  config.output_dir = rebuilder.site_.folder();
  config.base_url = rebuilder.base_url_;
  check_output_folder(config);
  options.private_output = true;  // requests read the folder under the lock the build holds
  enabled = enable_plugins(config, options, sink);
  for (const SourceEntry& entry : config.source_entries()) {
    if (entry.is_url()) {
      content.clear();  // remote sources are fetched again by each build's plugins
      return;
    }
    content.push_back(std::filesystem::absolute(config.root / entry.location).lexically_normal());
  }
  theme = std::filesystem::absolute(config.theme_dir()).lexically_normal();
}

bool Rebuilder::Setup::holds(const std::vector<std::filesystem::path>& changed) const {
  auto inside = [](const std::filesystem::path& path, const std::filesystem::path& folder) {
    auto [end, at] = std::mismatch(folder.begin(), folder.end(), path.begin(), path.end());
    return end == folder.end() || (std::next(end) == folder.end() && end->empty());
  };
  return !changed.empty() && !content.empty() &&
         std::all_of(changed.begin(), changed.end(), [&](const std::filesystem::path& path) {
           std::filesystem::path file = std::filesystem::absolute(path).lexically_normal();
           return !inside(file, theme) &&
                  std::any_of(content.begin(), content.end(),
                              [&](const auto& folder) { return inside(file, folder); });
         });
}

RebuildResult Rebuilder::build(std::vector<std::filesystem::path> changed) {
  auto start = std::chrono::steady_clock::now();
  RebuildResult result;
  memory_.note_changes(changed);  // all of them: a deleted file matters as much as an edited one
  result.changed = named_changes(changed);
  result.css_only = only_stylesheets(result.changed);
  DiagnosticSink sink(
      [](const Diagnostic& diagnostic) { std::cerr << diagnostic.format() << "\n"; });
  ServedSite::WriteLock lock = site_.write_lock();
  try {
    if (!setup_ || !setup_->holds(changed)) setup_ = std::make_unique<Setup>(*this, sink);
    note_watched_paths(setup_->config, result);
    result.threads = default_thread_count();
    result.summary = build_site(setup_->config, setup_->options, setup_->enabled.parts, sink,
                                result.threads, &memory_);
    const BuildSummary& summary = result.summary;
    result.pages_built = summary.outputs_written + summary.outputs_unchanged;
    result.pages_rendered = result.pages_built - summary.outputs_kept;
    result.pages_written = summary.outputs_written;
  } catch (const Error& error) {
    sink.report(error.diagnostic());
    setup_.reset();  // read afresh next time
  }
  std::vector<Diagnostic> errors;
  for (Diagnostic& diagnostic : sink.all())
    if (diagnostic.severity == Severity::error) errors.push_back(std::move(diagnostic));
  result.errors = static_cast<int>(errors.size());
  site_.set_errors(std::move(errors));
  lock.unlock();
  result.milliseconds =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  return result;
}

void Rebuilder::file_changed(const std::filesystem::path& path) {
  {
    std::lock_guard lock(mutex_);
    pending_.insert(path);
    last_change_ = std::chrono::steady_clock::now();
  }
  wakeup_.notify_all();
}

void Rebuilder::run(const std::function<void(const RebuildResult&)>& on_built) {
  std::unique_lock lock(mutex_);
  while (true) {
    wakeup_.wait(lock, [&] { return stopping_ || !pending_.empty(); });
    while (!stopping_ && std::chrono::steady_clock::now() < last_change_ + rebuild_quiet_period)
      wakeup_.wait_until(lock, last_change_ + rebuild_quiet_period);
    if (stopping_) break;
    std::vector<std::filesystem::path> changed(pending_.begin(), pending_.end());
    pending_.clear();
    lock.unlock();
    RebuildResult result = build(std::move(changed));
    on_built(result);
    lock.lock();
  }
  lock.unlock();
  save_memory();
}

void Rebuilder::save_memory() {
  try {
    memory_.save();
  } catch (const Error& error) {
    std::cerr << error.diagnostic().format()
              << " (the next digestif serve looks at every page it built)\n";
  }
}

void Rebuilder::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wakeup_.notify_all();
}

}  // namespace digestif::cli

// UpToDate: input versions, the comparison with the last build, and saving the build log.
#include "core/up_to_date.h"

#include <algorithm>
#include <chrono>
#include <unordered_set>

#include "core/fingerprint.h"

namespace digestif {
namespace fs = std::filesystem;
namespace {

constexpr std::size_t kMaxReasons = 20;

std::int64_t seconds_of(Timestamp time) {
  return std::chrono::duration_cast<std::chrono::seconds>(time.time_since_epoch()).count();
}

void add_reason(std::vector<std::string>& reasons, std::size_t& more, std::string reason) {
  if (reasons.size() < kMaxReasons)
    reasons.push_back(std::move(reason));
  else
    ++more;
}

}  // namespace

UpToDate::UpToDate(const SiteConfig& config, const BuildOptions& options,
                   std::optional<BuildLog> remembered)
    : log_file_(config.build_log_path()),
      output_root_(config.output_path()),
      outputs_known_(remembered.has_value()) {
  if (remembered)
    keep_log(std::move(remembered));
  else  // read while the inputs are listed
    log_loaded_ =
        std::async(std::launch::async, [file = log_file_] { return load_build_log(file); });
  add_input("site.yaml", file_version(config.file));
  add_folder(config.theme_dir(), "theme ");
  add_input("digestif executable", file_version("/proc/self/exe"));
  add_input("base url", config.base_url);
  add_input("output folder", fs::absolute(output_root_).lexically_normal().string());
  std::string flags = std::string(options.drafts ? " --drafts" : "") +
                      (options.future ? " --future" : "") + (options.offline ? " --offline" : "");
  add_input("options", flags.empty() ? "none" : flags);
  for (const fs::path& file : options.tracked_files)
    add_input("plugin library " + file.string(), file_version(file));
  Fingerprint analysis, render;
  for (const auto& [name, version] : inputs_) {
    render.add(name).add(version);
    bool analysis_input =
        name.rfind("theme ", 0) != 0 && name != "options" && name != "output folder";
    if (analysis_input) analysis.add(name).add(version);
  }
  analysis_setup_ = analysis.hex();
  render_setup_ = render.hex();
}

bool UpToDate::as_left(const std::string& path) const {
  // A log this process made lists what its build left: only one read from disk may not.
  return (outputs_known_ || last_.outputs.count(path) != 0) &&
         (changed_outputs_.empty() || changed_outputs_.count(path) == 0);
}

bool UpToDate::output_unchanged(const std::string& path, const std::string& fingerprint) const {
  auto last = last_.fingerprints.find(path);
  return last != last_.fingerprints.end() && last->second == fingerprint && as_left(path);
}

const RenderRecord* UpToDate::kept_render(const std::string& renderer,
                                          const std::string& origin) const {
  thread_local std::string key;  // asked for each document: no allocation each time
  key.assign(renderer).append("\t").append(origin);
  auto found = last_.renders.find(key);
  if (found == last_.renders.end()) return nullptr;
  for (const std::string& path : found->second.paths)
    if (!as_left(path)) return nullptr;
  return &found->second;
}

std::string UpToDate::last_own_entry_inputs(const std::string& renderer) const {
  auto found = last_.own_entry_inputs.find(renderer);
  return found != last_.own_entry_inputs.end() ? found->second : std::string();
}

void UpToDate::add_input(const std::string& name, const std::string& version) {
  // Sources list their inputs in order: inserting next to the last one is then O(1).
  next_input_ = std::next(inputs_.insert_or_assign(next_input_, name, version));
}

void UpToDate::add_folder(const fs::path& folder, const std::string& prefix) {
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(folder, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
    if (it->is_regular_file(ec))
      add_input(prefix + it->path().lexically_relative(folder).generic_string(),
                file_version(it->path()));
}

void UpToDate::keep_log(std::optional<BuildLog> log) {
  have_log_ = log.has_value();
  if (have_log_) last_ = std::move(*log);
}

std::vector<std::string> UpToDate::reasons_to_build(Timestamp now) {
  if (log_loaded_.valid()) keep_log(log_loaded_.get());
  if (!have_log_) return {"no build log yet (" + log_file_.string() + "): a full build"};
  std::vector<std::string> reasons;
  std::size_t more = 0;
  // Both are sorted by name: one walk through the two finds what is new, changed or removed.
  auto now_it = inputs_.begin(), last_it = last_.inputs.begin();
  while (now_it != inputs_.end() || last_it != last_.inputs.end()) {
    if (last_it == last_.inputs.end() ||
        (now_it != inputs_.end() && now_it->first < last_it->first)) {
      add_reason(reasons, more, now_it++->first + " is new");
    } else if (now_it == inputs_.end() || last_it->first < now_it->first) {
      add_reason(reasons, more, last_it++->first + " was removed");
    } else {
      if (now_it->second.empty() || now_it->second != last_it->second)
        add_reason(reasons, more, now_it->first + " changed");
      ++now_it, ++last_it;
    }
  }
  if (seconds_of(now) >= last_.due)
    add_reason(reasons, more, "a document held back for its future date is now due");
  if (reasons.empty()) {  // the outputs decide
    outputs_looked_at();
    reasons = output_reasons();
    output_reasons_given_ = true;
  } else {
    start_looking_at_outputs();
  }
  if (more > 0) reasons.push_back("and " + std::to_string(more) + " more changes");
  return reasons;
}

void UpToDate::outputs_looked_at() {
  if (outputs_known_ || outputs_found_) return;
  start_looking_at_outputs();
  look_at_outputs();
  outputs_looked_at_.get();
  for (std::size_t i = 0; i < outputs_.size(); ++i)
    if (found_[i] != *outputs_[i].second) changed_outputs_.emplace(*outputs_[i].first, found_[i]);
  outputs_found_ = true;
  outputs_ = {};
  found_ = {};
  output_folder_ = OpenFolder();
}

std::vector<std::string> UpToDate::output_reasons() const {
  std::vector<std::string> reasons;
  if (output_reasons_given_) return reasons;
  std::size_t more = 0;
  for (const auto& [path, version] : changed_outputs_)
    add_reason(reasons, more, "output " + path + " was changed or removed since the last build");
  if (more > 0) reasons.push_back("and " + std::to_string(more) + " more changed outputs");
  return reasons;
}

BuildLog UpToDate::update(LogChanges changes, const std::vector<std::string_view>& outputs,
                          const std::vector<std::string>& written, Timestamp due,
                          const std::function<bool(std::string_view render)>& is_current_render) {
  outputs_looked_at();
  BuildLog log = std::move(last_);
  log.inputs = std::move(inputs_);
  log.due = due == Timestamp::max() ? BuildLog().due : seconds_of(due);
  log.diagnostics = std::move(changes.diagnostics);
  log.documents = changes.documents;
  log.own_entry_inputs = std::move(changes.own_entry_inputs);
  update_outputs(log, outputs, written, std::move(changes.fingerprints), changes.gone,
                 changes.last_outputs);
  std::size_t current = changes.kept_renders;
  for (auto& [render, record] : changes.renders) {
    if (record.key.empty()) {
      log.renders.erase(render);
      continue;
    }
    ++current;
    log.renders.insert_or_assign(render, std::move(record));
  }
  if (log.renders.size() != current)
    std::erase_if(log.renders, [&](const auto& entry) { return !is_current_render(entry.first); });
  return log;
}

void UpToDate::update_outputs(BuildLog& log, const std::vector<std::string_view>& outputs,
                              const std::vector<std::string>& written,
                              std::unordered_map<std::string, std::string> fingerprints,
                              const std::vector<std::string_view>& gone,
                              std::size_t last_outputs) const {
  // A log this process made lists the outputs of its last build, as the output folder's records
  // do, and fingerprints of some of them: the stale ones are those this build did not make
  // (serve, at every rebuild). Else every path the log has is looked for among the outputs.
  bool as_recorded = outputs_known_ && log.outputs.size() == last_outputs;
  if (as_recorded) {
    for (std::string_view view : gone) {
      std::string path(view);
      log.outputs.erase(path);
      log.fingerprints.erase(path);
    }
  } else {
    std::unordered_set<std::string_view> current(outputs.begin(), outputs.end());
    auto stale = [&](const auto& entry) { return current.count(entry.first) == 0; };
    std::erase_if(log.outputs, stale);
    std::erase_if(log.fingerprints, stale);
  }
  for (auto& [path, fingerprint] : fingerprints) {
    if (fingerprint.empty())
      log.fingerprints.erase(path);
    else
      log.fingerprints.insert_or_assign(path, std::move(fingerprint));
  }
  for (const auto& [path, version] : changed_outputs_)
    if (auto it = log.outputs.find(path); it != log.outputs.end()) it->second = version;
  for (const std::string& path : written)
    log.outputs.insert_or_assign(path, file_version(output_root_ / path));
  if (log.outputs.size() == outputs.size()) return;  // each output is one path
  for (std::string_view view : outputs) {  // new outputs the build found holding its bytes
    std::string path(view);
    if (log.outputs.count(path) == 0) log.outputs.emplace(path, file_version(output_root_ / path));
  }
}

void UpToDate::start_looking_at_outputs() {
  if (outputs_known_ || outputs_looked_at_.valid()) return;
  outputs_.reserve(last_.outputs.size());
  for (const auto& [path, version] : last_.outputs) outputs_.emplace_back(&path, &version);
  found_.resize(outputs_.size());
  output_folder_ = OpenFolder(output_root_);  // none (-1): every output is missing
  outputs_looked_at_ = std::async(std::launch::async, [this] { look_at_outputs(); });
}

void UpToDate::look_at_outputs() {
  constexpr std::size_t kRange = 256;
  for (std::size_t first; (first = next_output_.fetch_add(kRange)) < outputs_.size();)
    for (std::size_t i = first; i < std::min(first + kRange, outputs_.size()); ++i)
      found_[i] = file_version(output_folder_.fd(), outputs_[i].first->c_str());
}

}  // namespace digestif

// UpToDate: decides from the build log whether a build would change nothing, and keeps the log.
#pragma once

#include <atomic>
#include <functional>
#include <future>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/build_log.h"
#include "core/config.h"
#include "core/date.h"
#include "core/open_folder.h"
#include "core/site.h"

namespace digestif {

/// What a build changed of the last build's log (see UpToDate::update()).
struct LogChanges {
  /// Output path -> the fingerprint it was rendered from now; "" when unknown.
  std::unordered_map<std::string, std::string> fingerprints;
  /// "renderer\torigin" -> what the renderer made of the document now; an empty key: unknown.
  std::unordered_map<std::string, RenderRecord> renders;
  /// Renders left as the last build made them (not in `renders`).
  std::size_t kept_renders = 0;
  /// See BuildLog::own_entry_inputs: this build's, of every renderer that has some.
  std::map<std::string, std::string> own_entry_inputs;
  std::vector<Diagnostic> diagnostics;
  std::size_t documents = 0;
  /// The last build's outputs this build did not make (OutputWriter::unclaimed()), and how many
  /// the last build made (OutputWriter::previous_count()), as the output folder's records say.
  std::vector<std::string_view> gone;
  std::size_t last_outputs = 0;
};

/// Collects the versions of everything a build reads (site.yaml, the theme, the options, the
/// executable, plugin libraries, every content item) and compares them with the last build's.
class UpToDate {
 public:
  /// `remembered`: the log this process made in its last build (see BuildMemory), taken instead
  /// of the file; the outputs are then taken to be as that build left them, without looking.
  /// Else the file is read on another thread while the caller adds inputs: nothing of the last
  /// build is asked before reasons_to_build(), which waits for it.
  UpToDate(const SiteConfig& config, const BuildOptions& options,
           std::optional<BuildLog> remembered = std::nullopt);
  UpToDate(const UpToDate&) = delete;  // add_input()'s hint points into it
  UpToDate& operator=(const UpToDate&) = delete;

  /// Starts looking at the last build's outputs on another thread, while the build plans,
  /// restores and analyzes documents (reasons_to_build() does, when the inputs changed);
  /// outputs_looked_at() looks at those left, beside it.
  void start_looking_at_outputs();
  /// Records an input the build reads; an empty version means "unknown": it always differs.
  void add_input(const std::string& name, const std::string& version);
  /// Why the build must run, one line each; empty when the last build read the same inputs,
  /// its outputs are as it left them and no held-back document has fallen due. The outputs are
  /// looked at only when nothing else is a reason: output_reasons() tells the rest.
  std::vector<std::string> reasons_to_build(Timestamp now);
  /// Looks at the outputs not looked at yet (beside the thread that started on them) until every
  /// output of the last build has been (once is enough): then output_unchanged() and
  /// kept_render() may be asked, from any thread.
  void outputs_looked_at();
  /// The outputs found changed or removed, as reasons (once outputs_looked_at() returned);
  /// empty when reasons_to_build() gave them already.
  std::vector<std::string> output_reasons() const;
  /// What the last build reported, to repeat when this one is skipped.
  const std::vector<Diagnostic>& last_diagnostics() const { return last_.diagnostics; }
  std::size_t last_documents() const { return last_.documents; }

  /// A fingerprint of the inputs a document's parse and analysis read besides its own bytes
  /// (site.yaml, the executable, plugin libraries, the base URL).
  const std::string& analysis_setup() const { return analysis_setup_; }
  /// A fingerprint of every input that is not content (adds the theme, the options and the
  /// output folder): part of every output's fingerprint.
  const std::string& render_setup() const { return render_setup_; }
  /// True when the last build wrote `path` from this fingerprint and the file was as it left it
  /// when looked at (see outputs_looked_at()).
  bool output_unchanged(const std::string& path, const std::string& fingerprint) const;
  /// What the last build's `renderer` made for the document from `origin`, when its outputs
  /// are all as it left them; nullptr otherwise.
  const RenderRecord* kept_render(const std::string& renderer, const std::string& origin) const;
  /// What the products `renderer` reads at each document's own entry were made from when the
  /// last build looked at its renders ("" when unknown).
  std::string last_own_entry_inputs(const std::string& renderer) const;

  /// The log of a build that ran to its end: the last build's, changed in place (it is moved
  /// out: call once, at the end). Adds the inputs, `changes`, `due` and the outputs' versions.
  /// `outputs`: every output of the build, of which `written` were written by it (stat'ed now;
  /// the others are as found when looked at). Renders of the last build that are not
  /// kept nor in `changes` are dropped; when some are, `is_current_render` tells them.
  BuildLog update(LogChanges changes, const std::vector<std::string_view>& outputs,
                  const std::vector<std::string>& written, Timestamp due,
                  const std::function<bool(std::string_view render)>& is_current_render);
  /// The last build's log, moved out, for a build that changes nothing (call once, at the end).
  BuildLog release_log() { return std::move(last_); }
  /// Where the log is kept on disk (SiteConfig::build_log_path).
  const std::filesystem::path& log_file() const { return log_file_; }

 private:
  void add_folder(const std::filesystem::path& folder, const std::string& prefix);
  void keep_log(std::optional<BuildLog> log);
  /// True when the last build made the output at `path` and it is as that build left it.
  bool as_left(const std::string& path) const;
  /// Looks at outputs of the last build, a range at a time, until none is left.
  void look_at_outputs();
  /// Brings the outputs' versions and fingerprints of the log up to date (see update()).
  void update_outputs(BuildLog& log, const std::vector<std::string_view>& outputs,
                      const std::vector<std::string>& written,
                      std::unordered_map<std::string, std::string> fingerprints,
                      const std::vector<std::string_view>& gone, std::size_t last_outputs) const;

  std::filesystem::path log_file_;
  std::filesystem::path output_root_;
  bool have_log_ = false;
  bool outputs_known_ = false;  // the last build's outputs are as it left them: no need to look
  BuildLog last_;
  std::map<std::string, std::string> inputs_;  // name -> version, of this build
  std::map<std::string, std::string>::iterator next_input_ = inputs_.end();  // see add_input()
  /// The last build's outputs found changed or removed -> version now.
  std::unordered_map<std::string, std::string> changed_outputs_;
  bool outputs_found_ = false;  // changed_outputs_ is complete
  /// Once started: the last build's outputs (path, version), what each is now, the next one to
  /// look at, and the output folder, open.
  std::vector<std::pair<const std::string*, const std::string*>> outputs_;
  std::vector<std::string> found_;
  std::atomic<std::size_t> next_output_ = 0;
  OpenFolder output_folder_;
  bool output_reasons_given_ = false;  // by reasons_to_build()
  std::string analysis_setup_, render_setup_;
  std::future<std::optional<BuildLog>> log_loaded_;  // the file, until reasons_to_build()
  std::future<void> outputs_looked_at_;  // last: waited for before the rest is destroyed
};

}  // namespace digestif

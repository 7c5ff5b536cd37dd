// BuildLog: what the last build read and wrote, kept in .digestif/build.log between builds.
#pragma once

#include <cstdint>
#include <filesystem>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/diagnostic.h"

namespace digestif {

/// Inputs and outputs are each a name and a version: a string that changes whenever the thing
/// does ("size:mtime" of a file, a content hash of a remote document).
/// The outputs a renderer made for one document, a fingerprint of all they were made from (see
/// Renderer::fingerprint_listed) but the document's own entries of site products (see
/// PartInfo::own_entries), and a fingerprint of those entries ("" when it has none).
struct RenderRecord {
  std::string key;
  std::vector<std::string> paths;
  std::string own = {};
};

struct BuildLog {
  static constexpr int kFormat = 4;
  std::map<std::string, std::string> inputs;  ///< "content/x.md" -> version
  /// Output path -> version of the file written; and -> fingerprint of what it was rendered
  /// from (see Fingerprint), when known. (Looked up once per output and document in a build:
  /// hashed, not ordered.)
  std::unordered_map<std::string, std::string> outputs;
  std::unordered_map<std::string, std::string> fingerprints;
  /// "renderer\torigin" -> what the renderer made for that document.
  std::unordered_map<std::string, RenderRecord> renders;
  /// Renderer -> what the site products it reads at each document's own entry were made from,
  /// when its renders were last looked at (RenderRecord::own holds for those products).
  std::map<std::string, std::string> own_entry_inputs;
  std::vector<Diagnostic> diagnostics;  ///< reported by the build, replayed if skipped
  std::size_t documents = 0;            ///< published
  /// Seconds since the epoch when the earliest held-back future document falls due.
  std::int64_t due = std::numeric_limits<std::int64_t>::max();
};

/// The log at `file`; nullopt when there is none, or it is of another format or unreadable.
std::optional<BuildLog> load_build_log(const std::filesystem::path& file);
/// Writes the log atomically (creating its folder).
void save_build_log(const std::filesystem::path& file, const BuildLog& log);

/// "size:mtime" of a file (nanoseconds), or "" when it does not exist.
std::string file_version(const char* path);
/// The same of an open file; "" when it cannot be told.
std::string file_version(int fd);
inline std::string file_version(const std::filesystem::path& path) {
  return file_version(path.c_str());
}
/// The version of the file at `relative` inside the folder open at `folder_fd` (a shorter path
/// to look up than the whole one).
std::string file_version(int folder_fd, const char* relative);

}  // namespace digestif

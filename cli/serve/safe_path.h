// Safe paths: maps a request's path onto a file of the served folder, refusing every escape.
#pragma once

#include <filesystem>
#include <string>

namespace digestif::cli {

enum class PathVerdict {
  inside,     ///< `file` is a path inside the root (it may not exist)
  malformed,  ///< "..", ".", a backslash or a control character in a segment, or no leading '/'
  outside,    ///< resolves (symlinks followed) to somewhere outside the root
};

struct ResolvedPath {
  PathVerdict verdict = PathVerdict::malformed;
  std::filesystem::path file;  ///< canonical; set when inside
};

/// `url_path` is the percent-decoded path of a request ("/2025/03/11/x/"); `root` must be
/// canonical. Empty segments are dropped, so "//etc" is "etc" inside the root, never /etc.
ResolvedPath resolve_in_root(const std::filesystem::path& root, const std::string& url_path);

}  // namespace digestif::cli

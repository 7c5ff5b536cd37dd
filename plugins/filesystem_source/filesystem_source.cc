// FilesystemSource: walking the content folder and reading files.
#include "plugins/filesystem_source/filesystem_source.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>

#include "core/build_log.h"
#include "core/open_folder.h"
#include "core/output_writer.h"
#include "core/parallel_map.h"

namespace digestif::plugins::filesystem_source {
namespace fs = std::filesystem;
namespace {

/// The last part of a path ('/'-separated), as text.
std::string_view file_name(std::string_view path) {
  std::size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

/// Hidden files, editor backups and lock files.
bool skipped(std::string_view name) {
  return name.empty() || name.front() == '.' || name.back() == '~' || name.front() == '#';
}

/// The name without its extension, as std::filesystem::path::stem() has it.
std::string stem_of(std::string_view name) {
  std::size_t dot = name.rfind('.');
  return std::string(dot == std::string_view::npos || dot == 0 ? name : name.substr(0, dot));
}

/// What origins of files in the entry's folder start with: "content/" for "./content".
std::string origin_prefix(const SourceEntry& entry) {
  std::string prefix = fs::path(entry.location).lexically_normal().generic_string();
  if (prefix == ".") prefix.clear();
  if (!prefix.empty() && prefix.back() != '/') prefix += '/';
  return prefix;
}

enum class Kind { file, folder, other };

/// What an entry of the folder open at `fd` is. A link counts as the file it points to, and is
/// not followed into a folder (as std::filesystem::recursive_directory_iterator does).
Kind kind_of(int fd, const struct dirent& entry) {
  if (entry.d_type == DT_REG) return Kind::file;
  if (entry.d_type == DT_DIR) return Kind::folder;
  struct stat info {};
  if (entry.d_type == DT_UNKNOWN) {  // file systems that do not tell
    if (::fstatat(fd, entry.d_name, &info, AT_SYMLINK_NOFOLLOW) != 0) return Kind::other;
    if (S_ISDIR(info.st_mode)) return Kind::folder;
    if (!S_ISLNK(info.st_mode)) return S_ISREG(info.st_mode) ? Kind::file : Kind::other;
  } else if (entry.d_type != DT_LNK) {
    return Kind::other;
  }
  return ::fstatat(fd, entry.d_name, &info, 0) == 0 && S_ISREG(info.st_mode) ? Kind::file
                                                                             : Kind::other;
}

/// The error for a folder that cannot be opened or listed, from errno.
Error unreadable_folder(const fs::path& folder) {
  return Error(
      folder.string(), 0,
      std::string("cannot list this folder (") + std::strerror(errno) + "); check its permissions");
}

/// Appends the regular files under the folder open at `fd` (`path`, `relative` inside the
/// source folder: "" or ending with '/') to `files`, as paths relative to the source folder.
/// Takes `fd` (closed here).
void list_files(int fd, const fs::path& path, std::string& relative,
                std::vector<std::string>& files) {
  std::unique_ptr<DIR, int (*)(DIR*)> folder(::fdopendir(fd), ::closedir);
  if (folder == nullptr) {
    Error error = unreadable_folder(path / relative);
    ::close(fd);
    throw error;
  }
  std::size_t length = relative.size();
  while (const struct dirent* entry = ::readdir(folder.get())) {
    std::string_view name = entry->d_name;
    if (name == "." || name == ".." || skipped(name)) continue;
    Kind kind = kind_of(::dirfd(folder.get()), *entry);
    if (kind == Kind::file) files.push_back(relative + std::string(name));
    if (kind != Kind::folder) continue;
    relative.append(name).push_back('/');
    int inner = ::openat(::dirfd(folder.get()), entry->d_name, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (inner < 0) throw unreadable_folder(path / relative);
    list_files(inner, path, relative, files);
    relative.resize(length);
  }
}

}  // namespace

PartInfo FilesystemSource::info() const { return {"filesystem_source", Stage::fetch, {}, {}}; }

bool FilesystemSource::claims(const SourceEntry& entry) const { return !entry.is_url(); }

std::vector<SourceItem> FilesystemSource::discover() const {
  std::vector<SourceItem> items;
  for (const SourceEntry& entry : context_.config().source_entries())
    if (claims(entry)) list_folder(entry, items);
  std::sort(items.begin(), items.end(),
            [](const auto& a, const auto& b) { return a.origin < b.origin; });
  return items;
}

void FilesystemSource::list_folder(const SourceEntry& entry, std::vector<SourceItem>& items) const {
  const SiteConfig& config = context_.config();
  fs::path folder = config.root / fs::path(entry.location);
  OpenFolder root(folder);
  if (root.fd() < 0) {
    if (errno != ENOENT && errno != ENOTDIR) throw unreadable_folder(folder);
    if (entry.line == 0)
      throw Error(folder.string(), 0,
                  "the content folder does not exist; create it or set \"content\" in site.yaml");
    throw Error(config.file.string(), entry.line,
                "source folder \"" + entry.location +
                    "\" does not exist; create it or fix the entry in \"sources\"");
  }
  // Files are named by their place in the folder: path operations and a full path looked up
  // for each of 10,000 files cost more than a build with nothing to do.
  std::vector<std::string> inside;
  std::string relative;
  list_files(::dup(root.fd()), folder, relative, inside);  // the listing closes its copy
  std::vector<std::string> versions = in_parallel<std::string>(
      inside.size(), [&](std::size_t i) { return file_version(root.fd(), inside[i].c_str()); },
      512);
  std::string prefix = origin_prefix(entry);
  items.reserve(items.size() + inside.size());
  for (std::size_t i = 0; i < inside.size(); ++i)
    items.push_back({prefix + inside[i], stem_of(file_name(inside[i])), folder / inside[i],
                     std::move(versions[i])});
}

std::vector<SourceItem> FilesystemSource::rediscover(std::vector<SourceItem> last,
                                                     const std::vector<fs::path>& changed) const {
  for (const fs::path& path : changed) {
    std::optional<std::string> origin = origin_of(path);
    if (!origin) continue;  // not in our folders
    auto item =
        std::lower_bound(last.begin(), last.end(), *origin,
                         [](const SourceItem& a, const std::string& b) { return a.origin < b; });
    bool known = item != last.end() && item->origin == *origin;
    std::error_code ec;
    fs::file_status status = fs::status(path, ec);
    if (known && fs::is_regular_file(status)) {
      item->version = file_version(item->path);
    } else if (fs::exists(status) &&
               !(fs::is_regular_file(status) && skipped(file_name(*origin)))) {
      return discover();  // a new file or folder, or an item that is no longer a file
    } else if (known) {
      return discover();  // removed
    }  // else a file that came and went (an editor's temporary file), or one we skip
  }
  return last;
}

std::optional<std::string> FilesystemSource::origin_of(const fs::path& path) const {
  const SiteConfig& config = context_.config();
  std::string file = fs::absolute(path).lexically_normal().generic_string();
  for (const SourceEntry& entry : config.source_entries()) {
    if (!claims(entry)) continue;
    std::string folder =
        fs::absolute(config.root / entry.location).lexically_normal().generic_string();
    if (folder.empty() || folder.back() != '/') folder += '/';
    if (file + '/' == folder) return origin_prefix(entry);  // the folder itself
    if (file.size() > folder.size() && file.compare(0, folder.size(), folder) == 0)
      return origin_prefix(entry) + file.substr(folder.size());
  }
  return std::nullopt;
}

RawSource FilesystemSource::load(const SourceItem& item) const {
  return {item.origin, item.stem, read_file(item.path)};
}

}  // namespace digestif::plugins::filesystem_source

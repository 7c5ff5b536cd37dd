// FilesystemSource: walking the content folder and reading files.
#include "plugins/filesystem_source/filesystem_source.h"

#include <algorithm>

#include "core/build_log.h"
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

}  // namespace

PartInfo FilesystemSource::info() const { return {"filesystem_source", Stage::fetch, {}, {}}; }

bool FilesystemSource::claims(const SourceEntry& entry) const { return !entry.is_url(); }

std::vector<SourceItem> FilesystemSource::discover() const {
  std::vector<SourceItem> items;
  for (const SourceEntry& entry : context_.config().source_entries())
    if (claims(entry)) list_folder(entry, items);
  std::vector<std::string> versions = in_parallel<std::string>(
      items.size(), [&](std::size_t i) { return file_version(items[i].path); }, 512);
  for (std::size_t i = 0; i < items.size(); ++i) items[i].version = std::move(versions[i]);
  std::sort(items.begin(), items.end(),
            [](const auto& a, const auto& b) { return a.origin < b.origin; });
  return items;
}

void FilesystemSource::list_folder(const SourceEntry& entry, std::vector<SourceItem>& items) const {
  const SiteConfig& config = context_.config();
  fs::path relative = entry.location;
  fs::path folder = config.root / relative;
  if (!fs::is_directory(folder)) {
    if (entry.line == 0)
      throw Error(folder.string(), 0,
                  "the content folder does not exist; create it or set \"content\" in site.yaml");
    throw Error(config.file.string(), entry.line,
                "source folder \"" + entry.location +
                    "\" does not exist; create it or fix the entry in \"sources\"");
  }
  // Origins are made as text: path operations on each of 10,000 files cost more than a build
  // with nothing to do.
  std::string prefix = origin_prefix(entry);
  std::size_t folder_length = folder.native().size();
  for (auto it = fs::recursive_directory_iterator(folder); it != fs::recursive_directory_iterator();
       ++it) {
    const std::string& path = it->path().native();
    std::string_view name = file_name(path);
    if (skipped(name)) {
      if (it->is_directory()) it.disable_recursion_pending();
      continue;
    }
    if (!it->is_regular_file()) continue;
    std::string_view inside = std::string_view(path).substr(folder_length);
    while (!inside.empty() && inside.front() == '/') inside.remove_prefix(1);
    items.push_back({prefix + std::string(inside), stem_of(name), it->path(), ""});
  }
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

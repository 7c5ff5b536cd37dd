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
  std::string prefix = relative.lexically_normal().generic_string();
  if (prefix == ".") prefix.clear();
  if (!prefix.empty() && prefix.back() != '/') prefix += '/';
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

RawSource FilesystemSource::load(const SourceItem& item) const {
  return {item.origin, item.stem, read_file(item.path)};
}

}  // namespace digestif::plugins::filesystem_source

// FilesystemSource: walking the content folder and reading files.
#include "plugins/filesystem_source/filesystem_source.h"

#include <algorithm>

#include "core/build_log.h"
#include "core/output_writer.h"
#include "core/parallel_map.h"

namespace digestif::plugins::filesystem_source {
namespace fs = std::filesystem;
namespace {

bool skipped(const fs::path& path) {
  std::string name = path.filename().string();
  return name.empty() || name.front() == '.' || name.back() == '~' || name.front() == '#';
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
  for (auto it = fs::recursive_directory_iterator(folder); it != fs::recursive_directory_iterator();
       ++it) {
    if (skipped(it->path())) {
      if (it->is_directory()) it.disable_recursion_pending();
      continue;
    }
    if (!it->is_regular_file()) continue;
    fs::path shown = (relative / it->path().lexically_relative(folder)).lexically_normal();
    items.push_back({shown.generic_string(), it->path().stem().string(), it->path(), ""});
  }
}

RawSource FilesystemSource::load(const SourceItem& item) const {
  return {item.origin, item.stem, read_file(item.path)};
}

}  // namespace digestif::plugins::filesystem_source

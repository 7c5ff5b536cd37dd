// FilesystemSource: every content file under a folder, in a stable order.
#pragma once

#include <optional>

#include "core/plugin.h"

namespace digestif::plugins::filesystem_source {

/// Lists regular files under each local folder of `sources:` (the content folder by default)
/// (hidden files and editor backups skipped), sorted by path so builds are reproducible.
class FilesystemSource : public Source {
 public:
  explicit FilesystemSource(PluginContext context) : context_(std::move(context)) {}
  PartInfo info() const override;
  bool claims(const SourceEntry& entry) const override;
  std::vector<SourceItem> discover() const override;
  /// Looks again only at the changed files that are among `last`; a file added or removed (or
  /// a folder among the changes) means listing the folders again.
  std::vector<SourceItem> rediscover(
      std::vector<SourceItem> last,
      const std::vector<std::filesystem::path>& changed) const override;
  RawSource load(const SourceItem& item) const override;

 private:
  /// Appends the folder's files with their versions.
  void list_folder(const SourceEntry& entry, std::vector<SourceItem>& items) const;
  /// The origin a file at `path` (absolute) has, when it is inside one of our folders.
  std::optional<std::string> origin_of(const std::filesystem::path& path) const;
  PluginContext context_;
};

}  // namespace digestif::plugins::filesystem_source

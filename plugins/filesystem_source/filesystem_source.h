// FilesystemSource: every content file under a folder, in a stable order.
#pragma once

#include "core/plugin.h"

namespace digestif::plugins::filesystem_source {

/// Lists regular files under the content folder (hidden files and editor backups skipped),
/// sorted by path so builds are reproducible.
class FilesystemSource : public Source {
 public:
  explicit FilesystemSource(PluginContext context) : context_(std::move(context)) {}
  PartInfo info() const override;
  std::vector<SourceItem> discover() const override;
  RawSource load(const SourceItem& item) const override;

 private:
  PluginContext context_;
};

}  // namespace digestif::plugins::filesystem_source

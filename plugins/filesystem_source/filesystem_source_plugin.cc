// filesystem_source plugin registration.
#include "plugins/filesystem_source/filesystem_source_plugin.h"

#include "plugins/filesystem_source/filesystem_source.h"

namespace digestif::plugins::filesystem_source {

Plugin plugin() {
  return {"filesystem_source",
          "reads content files from local folders (the content folder by default)",
          [](PluginSetup& setup) {
            setup.context().check_options({});
            setup.add(std::make_unique<FilesystemSource>(setup.context()));
          }};
}

}  // namespace digestif::plugins::filesystem_source

// digest_format plugin registration.
#include "plugins/digest_format/digest_format_plugin.h"

#include "plugins/digest_format/digest_format.h"

namespace digestif::plugins::digest_format {

Plugin plugin() {
  return {"digest_format", "reads digests: YAML front matter and a markdown body",
          [](PluginSetup& setup) {
            setup.context().check_options({});
            setup.add(std::make_unique<DigestFormat>(setup.context()));
          }};
}

}  // namespace digestif::plugins::digest_format

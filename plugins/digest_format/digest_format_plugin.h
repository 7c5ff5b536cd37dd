// digest_format plugin: markdown documents with YAML front matter.
#pragma once

#include "core/plugin.h"

namespace digestif::plugins::digest_format {

Plugin plugin();

}  // namespace digestif::plugins::digest_format

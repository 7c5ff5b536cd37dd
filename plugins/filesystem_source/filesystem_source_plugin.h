// filesystem_source plugin: reads the content folder.
#pragma once

#include "core/plugin.h"

namespace digestif::plugins::filesystem_source {

Plugin plugin();

}  // namespace digestif::plugins::filesystem_source

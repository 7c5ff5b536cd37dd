// The output folder check: a build never writes over the content, the project or its parents.
#pragma once

#include "core/config.h"

namespace digestif::cli {

/// Throws Error naming site.yaml when the output folder is the content folder (or inside it),
/// the project root, or a parent of it.
void check_output_folder(const SiteConfig& config);

}  // namespace digestif::cli

// theme_static plugin: copies the theme's static/ folder (CSS, images, fonts) into the site.
#pragma once

#include "core/plugin.h"

namespace digestif::plugins::theme_static {

Plugin plugin();

}  // namespace digestif::plugins::theme_static

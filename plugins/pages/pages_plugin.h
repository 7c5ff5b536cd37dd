// pages plugin: every HTML page of the site, from the theme's Mustache templates.
#pragma once

#include "core/plugin.h"

namespace digestif::plugins::pages {

Plugin plugin();

}  // namespace digestif::plugins::pages

// http_source plugin: documents and indexes fetched over HTTP.
#pragma once

#include "core/plugin.h"

namespace digestif::plugins::http_source {

Plugin plugin();

}  // namespace digestif::plugins::http_source

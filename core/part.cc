// Names of the plugin stages.
#include "core/part.h"

namespace digestif {

std::string_view stage_name(Stage stage) {
  switch (stage) {
    case Stage::fetch:
      return "fetch";
    case Stage::analyze:
      return "analyze";
    case Stage::render:
      return "render";
  }
  return "?";
}

}  // namespace digestif

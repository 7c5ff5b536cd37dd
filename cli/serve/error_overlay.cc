// The error overlay: the build errors shown over every served page until a build succeeds.
#include "cli/serve/error_overlay.h"

#include "core/markup_escape.h"

namespace digestif::cli {

std::string error_overlay_html(const std::vector<Diagnostic>& errors) {
  if (errors.empty()) return "";
  std::string html =
      "<div id=\"digestif-error-overlay\" role=\"alert\" style=\"position:fixed;inset:0;"
      "z-index:2147483647;overflow:auto;background:rgba(24,0,0,.93);color:#fff;"
      "font:14px/1.5 ui-monospace,monospace;padding:2em\">\n"
      "<h2 style=\"margin:0 0 1em;color:#ff8080\">digestif: the build failed (" +
      std::to_string(errors.size()) + (errors.size() == 1 ? " error" : " errors") + ")</h2>\n";
  for (const Diagnostic& error : errors)
    html += "<pre style=\"white-space:pre-wrap;margin:0 0 1em\">" + escape_markup(error.format()) +
            "</pre>\n";
  html += "<p>Fix the file and save it: this page reloads by itself.</p>\n</div>\n";
  return html;
}

}  // namespace digestif::cli

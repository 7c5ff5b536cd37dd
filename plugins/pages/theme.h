// Theme: a folder of Mustache templates and partials, checked when loaded.
#pragma once

#include <filesystem>
#include <kainjow/mustache.hpp>
#include <map>
#include <string>

#include "core/value.h"

namespace digestif::plugins::pages {

/// templates/NAME.mustache are pages (layout.mustache wraps them all), partials/NAME.mustache
/// are what `{{> NAME}}` includes. Loading fails with file:line on a syntax error or a
/// reference to a missing partial, so a broken theme never yields empty pages.
class Theme {
 public:
  explicit Theme(const std::filesystem::path& folder);

  bool has_template(const std::string& name) const { return templates_.count(name) != 0; }
  /// Renders template `name` with `context`, then the layout with `context` + {content}.
  std::string render_page(const std::string& name, Value context) const;

 private:
  struct Source {
    std::string file;
    std::string text;
  };
  std::string render(const Source& source, const Value& context) const;
  void check(const Source& source) const;

  std::filesystem::path folder_;
  std::map<std::string, Source> templates_;
  std::map<std::string, Source> partials_;
  std::map<std::string, kainjow::mustache::data> partial_data_;  // shared, read-only
};

}  // namespace digestif::plugins::pages

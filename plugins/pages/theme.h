// Theme: a folder of Mustache templates and partials, checked when loaded.
#pragma once

#include <filesystem>
#include <kainjow/mustache.hpp>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/value.h"
#include "plugins/pages/shared_template_data.h"

namespace digestif::plugins::pages {

/// templates/NAME.mustache are pages (layout.mustache wraps them all), partials/NAME.mustache
/// are what `{{> NAME}}` includes. Loading fails with file:line on a syntax error or a
/// reference to a missing partial, so a broken theme never yields empty pages. Partials are
/// expanded into the templates and each template is parsed once per rendering thread.
class Theme {
 public:
  explicit Theme(const std::filesystem::path& folder);

  bool has_template(const std::string& name) const { return templates_.count(name) != 0; }
  /// Renders template `name` with `context`, then the layout with `context` + {content}.
  /// `share_entries`: the data of sealed list items is kept for every page that shows them (see
  /// SharedTemplateData), instead of made for this page alone.
  std::string render_page(const std::string& name, Value context, bool share_entries = false) const;

 private:
  struct Source {
    std::string file;
    std::string text;
  };
  using Parsed = std::map<std::string, kainjow::mustache::mustache>;
  void check(const Source& source) const;
  std::string expand_partials(const std::string& text, int depth) const;
  std::unique_ptr<Parsed> acquire() const;
  void release(std::unique_ptr<Parsed> parsed) const;

  std::filesystem::path folder_;
  std::map<std::string, Source> templates_;
  std::map<std::string, Source> partials_;
  std::map<std::string, std::string> expanded_;  // template name -> text with partials inlined
  mutable std::mutex pool_mutex_;
  mutable std::vector<std::unique_ptr<Parsed>> pool_;  // parsed sets not in use by a thread
  mutable SharedTemplateData shared_;  // list entries' data, for every page and render
};

}  // namespace digestif::plugins::pages

// Theme: loading, checking and rendering Mustache templates with the theme's partials.
#include "plugins/pages/theme.h"

#include <algorithm>

#include "core/diagnostic.h"
#include "core/output_writer.h"
#include "plugins/pages/template_data.h"

namespace digestif::plugins::pages {
namespace fs = std::filesystem;
namespace {

using Mustache = kainjow::mustache::mustache;
using Data = kainjow::mustache::data;

/// A Mustache context whose partials come from the theme, never from page data.
class ThemeContext : public kainjow::mustache::context<std::string> {
 public:
  ThemeContext(const Data* data, const std::map<std::string, Data>& partials)
      : context(data), partials_(partials) {}
  const Data* get_partial(const std::string& name) const override {
    auto it = partials_.find(name);
    return it == partials_.end() ? nullptr : &it->second;
  }

 private:
  const std::map<std::string, Data>& partials_;
};

int line_at(const std::string& text, std::size_t offset) {
  return 1 +
         static_cast<int>(std::count(
             text.begin(), text.begin() + static_cast<long>(std::min(offset, text.size())), '\n'));
}

/// kainjow reports "Unclosed section \"x\" at 123" (a byte offset): the line of that offset.
int error_line(const std::string& text, const std::string& message) {
  auto at = message.rfind(" at ");
  if (at == std::string::npos) return 0;
  std::size_t offset = 0;
  try {
    offset = std::stoul(message.substr(at + 4));
  } catch (const std::exception&) {
    return 0;
  }
  return line_at(text, offset);
}

template <typename Map>
void load_folder(const fs::path& folder, Map& into) {
  if (!fs::is_directory(folder)) return;
  for (const auto& entry : fs::directory_iterator(folder))
    if (entry.path().extension() == ".mustache")
      into[entry.path().stem().string()] = {entry.path().string(), read_file(entry.path())};
}

}  // namespace

Theme::Theme(const fs::path& folder) : folder_(folder) {
  if (!fs::is_directory(folder / "templates"))
    throw Error(folder.string(), 0,
                "theme not found (no templates/ folder); check \"theme\" in site.yaml");
  load_folder(folder / "templates", templates_);
  load_folder(folder / "partials", partials_);
  if (!has_template("layout"))
    throw Error((folder / "templates").string(), 0, "the theme has no layout.mustache; add one");
  for (const auto& [name, source] : templates_) check(source);
  for (const auto& [name, source] : partials_) check(source);
  for (const auto& [name, partial] : partials_) partial_data_.emplace(name, Data(partial.text));
}

void Theme::check(const Source& source) const {
  Mustache parsed(source.text);
  if (!parsed.is_valid())
    throw Error(source.file, error_line(source.text, parsed.error_message()),
                "template error: " + parsed.error_message() + "; fix the tag");
  for (std::size_t at = source.text.find("{{>"); at != std::string::npos;
       at = source.text.find("{{>", at + 3)) {
    std::size_t end = source.text.find("}}", at);
    std::string name = source.text.substr(at + 3, end == std::string::npos ? 0 : end - at - 3);
    name.erase(0, name.find_first_not_of(' '));
    name.erase(name.find_last_not_of(' ') + 1);
    if (partials_.count(name) == 0)
      throw Error(
          source.file, line_at(source.text, at),
          "partial \"" + name + "\" not found; add partials/" + name + ".mustache to the theme");
  }
}

std::string Theme::render(const Source& source, const Value& context) const {
  Data data = to_template_data(context);
  ThemeContext theme_context(&data, partial_data_);
  Mustache parsed(source.text);
  std::string html = parsed.render(theme_context);
  if (!parsed.is_valid()) throw Error(source.file, 0, "template error: " + parsed.error_message());
  return html;
}

std::string Theme::render_page(const std::string& name, Value context) const {
  auto page = templates_.find(name);
  if (page == templates_.end())
    throw Error(folder_.string(), 0, "the theme has no template \"" + name + ".mustache\"; add it");
  context["content"] = render(page->second, context);
  return render(templates_.at("layout"), context);
}

}  // namespace digestif::plugins::pages

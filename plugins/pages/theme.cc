// Theme: loading, checking and rendering Mustache templates with the theme's partials inlined.
#include "plugins/pages/theme.h"

#include <algorithm>

#include "core/diagnostic.h"
#include "core/output_writer.h"
#include "plugins/pages/template_context.h"
#include "plugins/pages/template_data.h"

namespace digestif::plugins::pages {
namespace fs = std::filesystem;
namespace {

using Mustache = kainjow::mustache::mustache;
using Data = kainjow::mustache::data;

/// What the template makes of `data`, appended to a string (Mustache::render(data) goes through
/// a std::ostringstream, whose set-up costs more than a small page).
std::string render_to_string(Mustache& mustache, const SharedTemplateData::Page& page) {
  std::string out;
  TemplateContext context(&page.data, page);
  AppendToString sink{out};
  mustache.render(context, sink);
  return out;
}

constexpr int kMaxPartialDepth = 16;

/// Where the next `{{> name}}` tag starts at or after `from`, with its name and length.
struct PartialTag {
  std::size_t at = std::string::npos;
  std::size_t length = 0;
  std::string name;
};

PartialTag find_partial_tag(const std::string& text, std::size_t from) {
  PartialTag tag;
  tag.at = text.find("{{>", from);
  if (tag.at == std::string::npos) return tag;
  std::size_t end = text.find("}}", tag.at);
  tag.length = end == std::string::npos ? 3 : end + 2 - tag.at;
  tag.name = text.substr(tag.at + 3, end == std::string::npos ? 0 : end - tag.at - 3);
  tag.name.erase(0, tag.name.find_first_not_of(' '));
  tag.name.erase(tag.name.find_last_not_of(' ') + 1);
  return tag;
}

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
  for (const auto& [name, source] : templates_) expanded_[name] = expand_partials(source.text, 0);
}

void Theme::check(const Source& source) const {
  Mustache parsed(source.text);
  if (!parsed.is_valid())
    throw Error(source.file, error_line(source.text, parsed.error_message()),
                "template error: " + parsed.error_message() + "; fix the tag");
  for (PartialTag tag = find_partial_tag(source.text, 0); tag.at != std::string::npos;
       tag = find_partial_tag(source.text, tag.at + tag.length))
    if (partials_.count(tag.name) == 0)
      throw Error(source.file, line_at(source.text, tag.at),
                  "partial \"" + tag.name + "\" not found; add partials/" + tag.name +
                      ".mustache to the theme");
}

std::string Theme::expand_partials(const std::string& text, int depth) const {
  if (depth > kMaxPartialDepth)
    throw Error(folder_.string(), 0,
                "partials include each other more than 16 deep (a cycle?); break the cycle");
  std::string out;
  std::size_t from = 0;
  for (PartialTag tag = find_partial_tag(text, 0); tag.at != std::string::npos;
       tag = find_partial_tag(text, from)) {
    out.append(text, from, tag.at - from);
    out += expand_partials(partials_.at(tag.name).text, depth + 1);
    from = tag.at + tag.length;
  }
  return out.append(text, from);
}

std::unique_ptr<Theme::Parsed> Theme::acquire() const {
  {
    std::lock_guard lock(pool_mutex_);
    if (!pool_.empty()) {
      auto parsed = std::move(pool_.back());
      pool_.pop_back();
      return parsed;
    }
  }
  auto parsed = std::make_unique<Parsed>();
  for (const auto& [name, text] : expanded_) parsed->emplace(name, text);
  return parsed;
}

void Theme::release(std::unique_ptr<Parsed> parsed) const {
  std::lock_guard lock(pool_mutex_);
  pool_.push_back(std::move(parsed));
}

std::string Theme::render_page(const std::string& name, Value context, bool share_entries) const {
  if (!has_template(name))
    throw Error(folder_.string(), 0, "the theme has no template \"" + name + ".mustache\"; add it");
  SharedTemplateData::Page data = share_entries
                                      ? shared_.page_data(context)
                                      : SharedTemplateData::Page{to_template_data(context)};
  std::unique_ptr<Parsed> parsed = acquire();
  Mustache& page = parsed->at(name);
  data.data["content"] = Data(render_to_string(page, data));
  Mustache& layout = parsed->at("layout");
  std::string html = render_to_string(layout, data);
  bool valid = page.is_valid() && layout.is_valid();
  std::string message = page.is_valid() ? layout.error_message() : page.error_message();
  release(std::move(parsed));
  if (!valid) throw Error(templates_.at(name).file, 0, "template error: " + message);
  return html;
}

}  // namespace digestif::plugins::pages

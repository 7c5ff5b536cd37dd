// Loading and checking site.yaml.
#include "core/config.h"

#include <fstream>
#include <sstream>

#include "core/url.h"
#include "core/yaml_value.h"

namespace digestif {
namespace {

struct ConfigReader {
  YamlOrigin origin;
  DiagnosticSink& sink;

  int line(const YAML::Node& node) const { return origin.line_of(node.Mark()); }

  [[noreturn]] void fail(const YAML::Node& node, const std::string& message) const {
    throw Error(origin.file, line(node), message);
  }

  /// `at`: the node diagnostics point to (the key: an empty value has no line of its own).
  std::string string(const YAML::Node& at, const YAML::Node& node, const std::string& key) const {
    if (!node.IsScalar()) fail(at, "\"" + key + "\" must be a text value");
    return node.Scalar();
  }

  int positive_int(const YAML::Node& at, const YAML::Node& node, const std::string& key) const {
    Value value = node.IsScalar() ? yaml_to_value(node, origin) : Value();
    if (!value.is_int() || value.as_int() < 1 || value.as_int() > 100000)
      fail(at, "\"" + key + "\" must be a whole number from 1 to 100000");
    return static_cast<int>(value.as_int());
  }

  std::map<std::string, std::string> aliases(const YAML::Node& node) const {
    if (!node.IsMap()) fail(node, "\"tag_aliases\" must map a tag to the tag it stands for");
    std::map<std::string, std::string> result;
    for (const auto& pair : node)
      result[pair.first.Scalar()] = string(pair.first, pair.second, "tag_aliases");
    return result;
  }

  PluginConfig plugin(const std::string& name, const YAML::Node& options, int at) const {
    PluginConfig config{name, true, Value::object(), at};
    if (options.IsNull()) return config;
    if (options.IsScalar()) {
      Value flag = yaml_to_value(options, origin);
      if (!flag.is_bool())
        fail(options, "plugin \"" + name + "\": use true, false or a map of options");
      config.enabled = flag.as_bool();
      return config;
    }
    if (!options.IsMap()) fail(options, "plugin \"" + name + "\": options must be a map");
    config.options = yaml_to_value(options, origin);
    if (const Value* enabled = config.options.find("enabled")) {
      if (!enabled->is_bool())
        fail(options, "plugin \"" + name + "\": \"enabled\" must be true or false");
      config.enabled = enabled->as_bool();
      config.options.as_object().erase("enabled");
    }
    return config;
  }

  std::vector<PluginConfig> plugins(const YAML::Node& node) const {
    std::vector<PluginConfig> result;
    if (node.IsMap()) {
      for (const auto& pair : node)
        result.push_back(plugin(pair.first.Scalar(), pair.second, line(pair.first)));
    } else if (node.IsSequence()) {
      for (const auto& item : node)
        result.push_back(plugin(string(item, item, "plugins"), YAML::Node(), line(item)));
    } else {
      fail(node, "\"plugins\" must map plugin names to their options");
    }
    return result;
  }

  /// A source entry: "folder-or-URL", or a map with url: or path: and options.
  SourceEntry source(const YAML::Node& item) const {
    if (item.IsScalar()) return {string(item, item, "sources"), Value::object(), line(item)};
    if (!item.IsMap()) fail(item, "each entry of \"sources\" must be a folder, a URL or a map");
    SourceEntry entry{"", yaml_to_value(item, origin), line(item)};
    for (const char* key : {"url", "path"}) {
      const Value* value = entry.options.find(key);
      if (value == nullptr) continue;
      if (!value->is_string() || value->as_string().empty() || !entry.location.empty())
        fail(item, "a source map needs one \"url:\" or \"path:\" with a text value");
      entry.location = value->as_string();
      entry.options.as_object().erase(key);
    }
    if (entry.location.empty())
      fail(item, "a source map needs one \"url:\" or \"path:\" with a text value");
    return entry;
  }

  std::vector<SourceEntry> sources(const YAML::Node& at, const YAML::Node& node) const {
    if (!node.IsSequence() || node.size() == 0)
      fail(at, "\"sources\" must be a list of folders and URLs");
    std::vector<SourceEntry> result;
    for (const auto& item : node) result.push_back(source(item));
    return result;
  }

  /// `at`: the key's node, whose line every diagnostic about the setting names.
  void apply(SiteConfig& config, const YAML::Node& at, const YAML::Node& value) const {
    const std::string& key = at.Scalar();
    check_scalar_key(at, value);
    if (key == "title")
      config.title = string(at, value, key);
    else if (key == "base_url")
      config.base_url = string(at, value, key);
    else if (key == "description")
      config.description = string(at, value, key);
    else if (key == "language")
      config.language = string(at, value, key);
    else if (key == "author")
      config.author = string(at, value, key);
    else if (key == "theme")
      config.theme = string(at, value, key);
    else if (key == "content")
      config.content_dir = string(at, value, key);
    else if (key == "output")
      config.output_dir = string(at, value, key);
    else if (key == "themes")
      config.themes_dir = string(at, value, key);
    else if (key == "page_size")
      config.page_size = positive_int(at, value, key);
    else if (key == "feed_size")
      config.feed_size = positive_int(at, value, key);
    else if (key == "permalink")
      config.permalink = string(at, value, key);
    else if (key == "tag_aliases")
      config.tag_aliases = aliases(value);
    else if (key == "plugins")
      config.plugins = plugins(value);
    else if (key == "sources")
      config.sources = sources(at, value);
    else
      sink.warn(origin.file, line(at),
                "unknown key \"" + key + "\" is ignored; check its spelling");
  }

  /// Settings that take text or a number must not be given a list or a map.
  void check_scalar_key(const YAML::Node& at, const YAML::Node& value) const {
    static const char* kScalars[] = {"title",  "base_url",  "description", "language",
                                     "author", "theme",     "content",     "output",
                                     "themes", "page_size", "feed_size",   "permalink"};
    for (const char* scalar : kScalars)
      if (at.Scalar() == scalar && !value.IsScalar() && !value.IsNull())
        fail(at, "\"" + at.Scalar() + "\" must be a single value, not a list or a map");
  }
};

std::string read_config_text(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in)
    throw Error(file.string(), 0,
                "cannot read the site configuration; create site.yaml or pass --config FILE");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void check(const SiteConfig& config, const std::string& file) {
  if (config.base_url.rfind("http://", 0) != 0 && config.base_url.rfind("https://", 0) != 0)
    throw Error(file, 0,
                "base_url \"" + config.base_url + "\" must start with http:// or https://");
  if (config.permalink.find(":slug") == std::string::npos)
    throw Error(file, 0,
                "permalink \"" + config.permalink + "\" must contain :slug so that pages differ");
}

}  // namespace

std::vector<SourceEntry> SiteConfig::source_entries() const {
  if (!sources.empty()) return sources;
  return {SourceEntry{content_dir.string()}};
}

std::string SiteConfig::base_path() const {
  auto scheme_end = base_url.find("://");
  auto path_start = base_url.find('/', scheme_end == std::string::npos ? 0 : scheme_end + 3);
  std::string path = path_start == std::string::npos ? "/" : base_url.substr(path_start);
  if (path.back() != '/') path += '/';
  return path;
}

std::string SiteConfig::absolute_url(const std::string& root_relative) const {
  auto scheme_end = base_url.find("://");
  auto path_start = base_url.find('/', scheme_end + 3);
  std::string origin = path_start == std::string::npos ? base_url : base_url.substr(0, path_start);
  return origin + root_relative;
}

std::string SiteConfig::url_of(const std::string& site_path) const {
  std::string_view path = site_path;
  if (!path.empty() && path.front() == '/') path.remove_prefix(1);
  return base_path() + encode_url_path(path);
}

SiteConfig load_config(const std::filesystem::path& file, DiagnosticSink& sink) {
  SiteConfig config;
  config.file = file;
  config.root = file.has_parent_path() ? file.parent_path() : std::filesystem::path(".");
  ConfigReader reader{YamlOrigin{file.string(), 1}, sink};
  YAML::Node root = parse_yaml(read_config_text(file), reader.origin);
  if (root.IsNull()) return config;
  if (!root.IsMap()) reader.fail(root, "site.yaml must be a map of settings (key: value)");
  for (const auto& pair : root) reader.apply(config, pair.first, pair.second);
  check(config, file.string());
  return config;
}

std::filesystem::path SiteConfig::build_log_path() const {
  std::filesystem::path own = std::filesystem::absolute(root / ".digestif").lexically_normal();
  std::filesystem::path output = std::filesystem::absolute(output_path()).lexically_normal();
  if (output.parent_path() == own) return output.string() + ".log";
  return root / ".digestif" / "build.log";
}

}  // namespace digestif

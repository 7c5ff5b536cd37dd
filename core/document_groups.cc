// Reading and making document groups.
#include "core/document_groups.h"

#include <set>
#include <stdexcept>

namespace digestif {

const GroupKind& group_kind(std::string_view product) {
  for (const GroupKind& kind : kGroupKinds)
    if (kind.product == product) return kind;
  throw std::out_of_range("no group kind " + std::string(product));
}

const Value::Array& groups_of(const Site& site, std::string_view product) {
  static const Value::Array kNone;
  const Value* groups = site.data.find(product);
  return groups != nullptr && groups->is_array() ? groups->as_array() : kNone;
}

const Value* find_group(const Site& site, std::string_view product, std::string_view slug) {
  for (const Value& group : groups_of(site, product))
    if (group.get_string("slug") == slug) return &group;
  return nullptr;
}

std::vector<const Document*> documents_in(const Site& site, const Value& group) {
  std::set<std::string, std::less<>> listed;
  if (const Value* documents = group.find("documents");
      documents != nullptr && documents->is_array())
    for (const Value& permalink : documents->as_array()) listed.insert(permalink.to_text());
  std::vector<const Document*> found;
  for (const Document* document : site.documents)
    if (listed.count(document->permalink) != 0) found.push_back(document);
  return found;
}

Value make_group(const SiteConfig& config, std::string_view folder, const std::string& name,
                 const std::string& slug) {
  Value group = Value::object();
  group["name"] = name;
  group["slug"] = slug;
  group["path"] = std::string(folder) + slug + "/";
  group["url"] = config.url_of("/" + group["path"].as_string());
  return group;
}

void GroupCollector::add(const std::string& slug, const Document& document) {
  permalinks_[slug].push_back(document.permalink);
}

Value GroupCollector::groups(const SiteConfig& config, std::string_view folder,
                             const std::function<std::string(const std::string&)>& name_of) const {
  Value all = Value::array();
  for (const auto& [slug, permalinks] : permalinks_) {
    Value group = make_group(config, folder, name_of(slug), slug);
    group["count"] = static_cast<long>(permalinks.size());
    group["documents"] = Value::array();
    for (const std::string& permalink : permalinks) group["documents"].push_back(permalink);
    all.push_back(std::move(group));
  }
  return all;
}

}  // namespace digestif

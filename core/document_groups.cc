// Reading and making document groups.
#include "core/document_groups.h"

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
    if (const Value* own = group.find("slug");
        own != nullptr && own->is_string() && own->as_string() == slug)
      return &group;
  return nullptr;
}

std::vector<const Document*> documents_in(const Site& site, const Value& group, std::size_t first,
                                          std::size_t count) {
  std::vector<const Document*> found;
  for (std::size_t at : positions_in(site, group, first, count))
    found.push_back(site.documents[at]);
  return found;
}

std::vector<std::size_t> positions_in(const Site& site, const Value& group, std::size_t first,
                                      std::size_t count) {
  std::vector<std::size_t> found;
  const Value* listed = group.find("documents");
  if (listed == nullptr || !listed->is_array()) return found;
  const Value::Array& permalinks = listed->as_array();
  for (std::size_t i = first; i < permalinks.size() && found.size() < count; ++i) {
    const Value& permalink = permalinks[i];
    std::size_t at =
        permalink.is_string() ? site.position_of(permalink.as_string()) : site.documents.size();
    if (at < site.documents.size()) found.push_back(at);
  }
  return found;
}

std::vector<std::size_t> listed_positions(const Site& site, const Value& group) {
  std::vector<std::size_t> positions;
  const Value* listed = group.find("documents");
  if (listed == nullptr || !listed->is_array()) return positions;
  positions.reserve(listed->size());
  for (const Value& permalink : listed->as_array())
    positions.push_back(permalink.is_string() ? site.position_of(permalink.as_string())
                                              : site.documents.size());
  return positions;
}

std::size_t document_count(const Value& group) {
  const Value* listed = group.find("documents");
  return listed != nullptr && listed->is_array() ? listed->size() : 0;
}

Value group_summary(const Value& group) {
  Value summary = Value::object();
  for (const auto& [key, member] : group.as_object())
    if (key != "documents") summary[key] = member;
  return summary;
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

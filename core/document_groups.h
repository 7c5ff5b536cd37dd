// Document groups: site products that gather documents under a name (tags, sections), in the
// one shape every renderer reads.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/site.h"

namespace digestif {

/// Site::data[product] of a group product is a list of groups, each
/// {name, slug, path ("tags/ai/": its folder in the site), url, count,
///  documents: [permalink, newest first]}.
struct GroupKind {
  std::string_view product;   ///< "tags": the key in Site::data, produced as "site.tags"
  std::string_view singular;  ///< "tag": the page kind and template name of one group
  std::string_view folder;    ///< "tags/": where its groups' pages live in the site
};

/// The group products renderers publish (pages, feeds, sitemap), when a plugin produces them.
inline constexpr std::array<GroupKind, 2> kGroupKinds = {
    {{"tags", "tag", "tags/"}, {"sections", "section", "r/"}}};

/// The kind of `product`; throws std::out_of_range for a product that is not a group kind.
const GroupKind& group_kind(std::string_view product);

/// The groups of `product`, or an empty list when no plugin produced it.
const Value::Array& groups_of(const Site& site, std::string_view product);
/// The group of `product` with `slug`, or nullptr.
const Value* find_group(const Site& site, std::string_view product, std::string_view slug);
/// The site's documents that `group` lists (newest first), from the `first`-th on, at most
/// `count` of them.
std::vector<const Document*> documents_in(const Site& site, const Value& group,
                                          std::size_t first = 0, std::size_t count = SIZE_MAX);
/// The positions in Site::documents of the documents `group` lists (newest first), from the
/// `first`-th on, at most `count` of them: what documents_in() finds, without reading them.
std::vector<std::size_t> positions_in(const Site& site, const Value& group, std::size_t first = 0,
                                      std::size_t count = SIZE_MAX);
/// The position in Site::documents of each document `group` lists, in its order
/// (Site::documents.size() for a permalink no published document has).
std::vector<std::size_t> listed_positions(const Site& site, const Value& group);
/// The number of documents `group` lists.
std::size_t document_count(const Value& group);
/// `group` without its list of documents: what a page shows of a group.
Value group_summary(const Value& group);
/// A group value with name, slug, path = folder + slug + "/", url (base path, encoded).
Value make_group(const SiteConfig& config, std::string_view folder, const std::string& name,
                 const std::string& slug);

/// Gathers documents under group slugs, then makes the group list (sorted by slug, documents in
/// the order added: add them newest first).
class GroupCollector {
 public:
  void add(const std::string& slug, const Document& document);
  Value groups(const SiteConfig& config, std::string_view folder,
               const std::function<std::string(const std::string& slug)>& name_of) const;

 private:
  std::map<std::string, std::vector<std::string>> permalinks_;
};

}  // namespace digestif

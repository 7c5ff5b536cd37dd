// TagTaxonomy: slugs, aliases and display names of tags.
#include "plugins/tags/tag_taxonomy.h"

#include "core/slug.h"

namespace digestif::plugins::tags {

TagTaxonomy::TagTaxonomy(const std::map<std::string, std::string>& aliases) {
  for (const auto& [from, to] : aliases) aliases_[slugify(from)] = slugify(to);
}

std::string TagTaxonomy::slug_of(const std::string& written) const {
  std::string slug = slugify(written);
  auto alias = aliases_.find(slug);
  return alias == aliases_.end() ? slug : alias->second;
}

void TagTaxonomy::count_spelling(const std::string& written, int uses) {
  std::string slug = slug_of(written);
  if (!slug.empty() && slugify(written) == slug) spellings_[slug][written] += uses;
}

std::string TagTaxonomy::name_of(const std::string& slug) const {
  auto found = spellings_.find(slug);
  if (found == spellings_.end()) return slug;
  const std::string* best = nullptr;
  int best_uses = 0;
  for (const auto& [spelling, uses] : found->second)
    if (uses > best_uses) best = &spelling, best_uses = uses;
  return *best;
}

}  // namespace digestif::plugins::tags

// TagsAnalyzer: grouping documents by tag slug.
#include "plugins/tags/tags_analyzer.h"

#include <algorithm>
#include <map>

#include "plugins/tags/tag_taxonomy.h"

namespace digestif::plugins::tags {
namespace {

TagTaxonomy taxonomy_of(const Site& site) {
  TagTaxonomy taxonomy(site.config.tag_aliases);
  for (const Document* document : site.documents)
    for (const std::string& tag : document->tags) taxonomy.count_spelling(tag);
  return taxonomy;
}

Value tag_value(const std::string& name, const std::string& slug, const SiteConfig& config) {
  Value tag = Value::object();
  tag["name"] = name;
  tag["slug"] = slug;
  tag["url"] = config.url_of("/tags/" + slug + "/");
  return tag;
}

}  // namespace

PartInfo TagsAnalyzer::info() const {
  return {"tags", Stage::analyze, {"document"}, {"site.tags", "site.document_tags"}};
}

void TagsAnalyzer::analyze(Site& site) const {
  TagTaxonomy taxonomy = taxonomy_of(site);
  std::map<std::string, std::vector<std::string>> documents_by_slug;
  Value by_document = Value::object();
  for (const Document* document : site.documents) {
    Value own = Value::array();
    std::vector<std::string> seen;
    for (const std::string& written : document->tags) {
      std::string slug = taxonomy.slug_of(written);
      if (slug.empty()) {
        context_.sink().warn(document->source, 0,
                             "tag \"" + written + "\" has no letters or digits; it is left out");
        continue;
      }
      if (std::find(seen.begin(), seen.end(), slug) != seen.end()) continue;
      seen.push_back(slug);
      own.push_back(tag_value(taxonomy.name_of(slug), slug, site.config));
      documents_by_slug[slug].push_back(document->permalink);
    }
    by_document[document->permalink] = std::move(own);
  }
  Value all = Value::array();
  for (auto& [slug, permalinks] : documents_by_slug) {
    Value tag = tag_value(taxonomy.name_of(slug), slug, site.config);
    tag["count"] = static_cast<long>(permalinks.size());
    tag["documents"] = Value::array();
    for (std::string& permalink : permalinks) tag["documents"].push_back(std::move(permalink));
    all.push_back(std::move(tag));
  }
  site.data["tags"] = std::move(all);
  site.data["document_tags"] = std::move(by_document);
}

}  // namespace digestif::plugins::tags

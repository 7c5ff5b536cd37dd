// TagsAnalyzer: grouping documents by tag slug.
#include "plugins/tags/tags_analyzer.h"

#include <algorithm>

#include "core/document_groups.h"
#include "plugins/tags/tag_taxonomy.h"

namespace digestif::plugins::tags {
namespace {

TagTaxonomy taxonomy_of(const Site& site) {
  TagTaxonomy taxonomy(site.config.tag_aliases);
  for (const Document* document : site.documents)
    for (const std::string& tag : document->tags) taxonomy.count_spelling(tag);
  return taxonomy;
}

const std::string_view kFolder = group_kind("tags").folder;

}  // namespace

PartInfo TagsAnalyzer::info() const {
  return {"tags", Stage::analyze, {"document"}, {"site.tags", "site.document_tags"}};
}

void TagsAnalyzer::analyze(Site& site) const {
  TagTaxonomy taxonomy = taxonomy_of(site);
  GroupCollector collector;
  std::vector<Value::Object::value_type> by_document;  // sorted once: permalinks come newest first
  by_document.reserve(site.documents.size());
  for (const Document* document : site.documents) {
    Value own = Value::array();
    std::vector<std::string> seen;
    for (const std::string& written : document->tags) {
      std::string slug = taxonomy.slug_of(written);
      if (slug.empty()) {
        context_.sink().warn(document->source, 1,
                             "tag \"" + written + "\" has no letters or digits; it is left out");
        continue;
      }
      if (std::find(seen.begin(), seen.end(), slug) != seen.end()) continue;
      seen.push_back(slug);
      own.push_back(make_group(site.config, kFolder, taxonomy.name_of(slug), slug));
      collector.add(slug, *document);
    }
    by_document.emplace_back(document->permalink, std::move(own));
  }
  site.data["tags"] = collector.groups(
      site.config, kFolder, [&](const std::string& slug) { return taxonomy.name_of(slug); });
  site.data["document_tags"] = Value::Object(std::move(by_document));
}

bool TagsAnalyzer::fingerprint_document(const Document& document, Fingerprint& fingerprint) const {
  fingerprint.add(document.source).add(document.permalink);
  fingerprint.add(static_cast<std::int64_t>(document.tags.size()));
  for (const std::string& tag : document.tags) fingerprint.add(tag);
  return true;
}

}  // namespace digestif::plugins::tags

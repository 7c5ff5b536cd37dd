// TagsAnalyzer: grouping documents by tag slug.
#include "plugins/tags/tags_analyzer.h"

#include <algorithm>
#include <map>
#include <utility>

#include "core/document_groups.h"
#include "core/fingerprint.h"
#include "plugins/tags/tag_taxonomy.h"

namespace digestif::plugins::tags {
namespace {

/// Each spelling is counted, and slugified, once: a site writes a few dozen tags many times.
TagTaxonomy taxonomy_of(const Site& site) {
  std::map<std::string, int> uses;
  for (const Document* document : site.documents)
    for (const std::string& tag : document->tags) ++uses[tag];
  TagTaxonomy taxonomy(site.config.tag_aliases);
  for (const auto& [tag, count] : uses) taxonomy.count_spelling(tag, count);
  return taxonomy;
}

const std::string_view kFolder = group_kind("tags").folder;

/// A written tag's slug and what a document's page shows of it, made once per spelling.
class TagEntries {
 public:
  TagEntries(const TagTaxonomy& taxonomy, const SiteConfig& config)
      : taxonomy_(taxonomy), config_(config) {}
  /// {slug, group}; the slug is empty for a tag with no letters or digits.
  const std::pair<std::string, Value>& of(const std::string& written) {
    auto found = made_.find(written);
    if (found != made_.end()) return found->second;
    std::string slug = taxonomy_.slug_of(written);
    Value group;
    if (!slug.empty()) {  // sealed: each document's copy shares it, and its hash
      group = make_group(config_, kFolder, taxonomy_.name_of(slug), slug);
      group = Value::sealed(group, Fingerprint::of(group));
    }
    return made_.emplace(written, std::make_pair(std::move(slug), std::move(group))).first->second;
  }

 private:
  const TagTaxonomy& taxonomy_;
  const SiteConfig& config_;
  std::map<std::string, std::pair<std::string, Value>> made_;  // written -> slug, group
};

}  // namespace

PartInfo TagsAnalyzer::info() const {
  return {"tags", Stage::analyze, {"document"}, {"site.tags", "site.document_tags"}};
}

void TagsAnalyzer::analyze(Site& site) const {
  TagTaxonomy taxonomy = taxonomy_of(site);
  TagEntries entries(taxonomy, site.config);
  GroupCollector collector;
  std::vector<Value::Object::value_type> by_document;  // sorted once: permalinks come newest first
  by_document.reserve(site.documents.size());
  for (const Document* document : site.documents) {
    Value own = Value::array();
    std::vector<std::string> seen;
    for (const std::string& written : document->tags) {
      const auto& [slug, group] = entries.of(written);
      if (slug.empty()) {
        context_.sink().warn(document->source, 1,
                             "tag \"" + written + "\" has no letters or digits; it is left out");
        continue;
      }
      if (std::find(seen.begin(), seen.end(), slug) != seen.end()) continue;
      seen.push_back(slug);
      own.push_back(group);
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

// TagsAnalyzer: grouping documents by tag slug.
#include "plugins/tags/tags_analyzer.h"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include "core/document_groups.h"
#include "core/fingerprint.h"
#include "core/parallel_map.h"
#include "plugins/tags/tag_taxonomy.h"
#include "plugins/tags/tags_run.h"

namespace digestif::plugins::tags {
namespace {

TagTaxonomy taxonomy_of(const std::map<std::string, int>& uses, const SiteConfig& config) {
  TagTaxonomy taxonomy(config.tag_aliases);
  for (const auto& [tag, count] : uses) taxonomy.count_spelling(tag, count);
  return taxonomy;
}

const std::string_view kFolder = group_kind("tags").folder;

/// Each written tag's slug and what a document's page shows of it, made once per spelling,
/// before the documents are grouped (on several threads, which then only read it).
class TagEntries {
 public:
  TagEntries(const std::map<std::string, int>& uses, const SiteConfig& config)
      : taxonomy_(taxonomy_of(uses, config)) {
    for (const auto& [written, count] : uses) {
      std::string slug = taxonomy_.slug_of(written);
      Value group;
      if (!slug.empty()) {  // sealed: each document's copy shares it, and its hash
        group = make_group(config, kFolder, taxonomy_.name_of(slug), slug);
        group = Value::sealed(group, Fingerprint::of(group));
      }
      made_.emplace(written, std::make_pair(std::move(slug), std::move(group)));
    }
  }
  /// {slug, group} of a tag counted in the uses; the slug is empty for a tag with no letters or
  /// digits.
  const std::pair<std::string, Value>& of(const std::string& written) const {
    return made_.at(written);
  }
  const TagTaxonomy& taxonomy() const { return taxonomy_; }

 private:
  TagTaxonomy taxonomy_;
  std::map<std::string, std::pair<std::string, Value>> made_;  // written -> slug, group
};

/// Groups the document into `grouped`; its entry of site.document_tags, sealed.
Value group_document(const Document& document, const TagEntries& entries,
                     TagsRun::Grouped& grouped) {
  grouped.tags = document.tags;
  grouped.slugs.clear();
  grouped.unslugged.clear();
  Value own = Value::array();
  for (const std::string& written : document.tags) {
    const auto& [slug, group] = entries.of(written);
    if (slug.empty()) {
      grouped.unslugged.push_back(written);
      continue;
    }
    if (std::find(grouped.slugs.begin(), grouped.slugs.end(), slug) != grouped.slugs.end())
      continue;
    grouped.slugs.push_back(slug);
    own.push_back(group);
  }
  std::uint64_t hash = Fingerprint::of(own);
  return Value::sealed(std::move(own), hash);
}

/// A group of site.data["tags"], sealed (a run copies the unchanged ones).
Value group_value(const SiteConfig& config, const std::string& slug, const std::string& name,
                  const std::vector<std::size_t>& members, const TagsRun& run) {
  Value group = make_group(config, kFolder, name, slug);
  group["count"] = static_cast<long>(members.size());
  Value documents = Value::array();
  documents.as_array().reserve(members.size());
  for (std::size_t d : members) documents.push_back(run.documents[d].permalink);
  group["documents"] = std::move(documents);
  std::uint64_t hash = Fingerprint::of(group);
  return Value::sealed(std::move(group), hash);
}

void erase_member(std::vector<std::size_t>& members, std::size_t d) {
  members.erase(std::lower_bound(members.begin(), members.end(), d));
}

void insert_member(std::vector<std::size_t>& members, std::size_t d) {
  members.insert(std::lower_bound(members.begin(), members.end(), d), d);
}

}  // namespace

PartInfo TagsAnalyzer::info() const {
  return {"tags", Stage::analyze, {"document"}, {"site.tags", "site.document_tags"}};
}

void TagsAnalyzer::analyze(Site& site) const { publish(site, *group_all(site)); }

void TagsAnalyzer::analyze_with_live_memo(Site& site, AnalyzerMemo& memo) const {
  std::unique_ptr<TagsRun> run;
  if (auto* last = dynamic_cast<TagsRun*>(memo.live.get()); last != nullptr && regroup(*last, site))
    run.reset(static_cast<TagsRun*>(memo.live.release()));
  else
    run = group_all(site);
  publish(site, *run);
  memo.keep_live(std::move(run));
}

std::unique_ptr<TagsRun> TagsAnalyzer::group_all(const Site& site) const {
  auto run = std::make_unique<TagsRun>();
  for (const Document* document : site.documents)
    for (const std::string& tag : document->tags) ++run->uses[tag];
  const TagEntries entries(run->uses, site.config);
  struct Made {
    TagsRun::Grouped grouped;
    Value own;  // its entry of site.document_tags
  };
  std::vector<Made> made = in_parallel<Made>(site.documents.size(), [&](std::size_t d) {
    const Document& document = *site.documents[d];
    Made one;
    one.grouped.permalink = document.permalink;
    one.grouped.read = read_of(document);
    one.own = group_document(document, entries, one.grouped);
    return one;
  });
  std::vector<Value::Object::value_type> by_document;  // sorted once: permalinks come newest first
  by_document.reserve(made.size());
  run->documents.reserve(made.size());
  for (std::size_t d = 0; d < made.size(); ++d) {
    for (const std::string& slug : made[d].grouped.slugs) run->members[slug].push_back(d);
    by_document.emplace_back(made[d].grouped.permalink, std::move(made[d].own));
    run->documents.push_back(std::move(made[d].grouped));
  }
  run->document_tags = Value::Object(std::move(by_document));
  std::vector<const std::string*> slugs;
  for (const auto& [slug, members] : run->members) {
    run->names[slug] = entries.taxonomy().name_of(slug);
    slugs.push_back(&slug);
  }
  std::vector<Value> groups = in_parallel<Value>(
      slugs.size(),
      [&](std::size_t i) {
        const std::string& slug = *slugs[i];
        return group_value(site.config, slug, run->names.at(slug), run->members.at(slug), *run);
      },
      4);
  for (std::size_t i = 0; i < slugs.size(); ++i) run->groups[*slugs[i]] = std::move(groups[i]);
  return run;
}

bool TagsAnalyzer::regroup(TagsRun& run, const Site& site) const {
  if (site.documents.size() != run.documents.size()) return false;
  std::vector<std::size_t> edited;
  for (std::size_t d = 0; d < site.documents.size(); ++d) {
    if (site.documents[d]->permalink != run.documents[d].permalink) return false;
    if (read_of(*site.documents[d]) != run.documents[d].read) edited.push_back(d);
  }
  for (std::size_t d : edited) {
    for (const std::string& tag : run.documents[d].tags)
      if (--run.uses[tag] == 0) run.uses.erase(tag);
    for (const std::string& tag : site.documents[d]->tags) ++run.uses[tag];
  }
  const TagEntries entries(run.uses, site.config);
  const TagTaxonomy& taxonomy = entries.taxonomy();
  std::set<std::string> touched;
  for (std::size_t d : edited) {
    TagsRun::Grouped& grouped = run.documents[d];
    for (const std::string& slug : grouped.slugs) erase_member(run.members[slug], d);
    touched.insert(grouped.slugs.begin(), grouped.slugs.end());
    grouped.read = read_of(*site.documents[d]);
    run.document_tags[grouped.permalink] = group_document(*site.documents[d], entries, grouped);
    for (const std::string& slug : grouped.slugs) insert_member(run.members[slug], d);
    touched.insert(grouped.slugs.begin(), grouped.slugs.end());
  }
  // A tag whose name changes shows it on every document with the tag: all are grouped again.
  for (const auto& [slug, name] : run.names)
    if (!run.members[slug].empty() && taxonomy.name_of(slug) != name) return false;
  for (const std::string& slug : touched) {
    if (run.members[slug].empty()) {
      run.members.erase(slug), run.names.erase(slug), run.groups.erase(slug);
      continue;
    }
    run.names[slug] = taxonomy.name_of(slug);
    run.groups[slug] = group_value(site.config, slug, run.names[slug], run.members[slug], run);
  }
  return true;
}

void TagsAnalyzer::publish(Site& site, const TagsRun& run) const {
  for (std::size_t d = 0; d < run.documents.size(); ++d)
    for (const std::string& written : run.documents[d].unslugged)
      context_.sink().warn(site.documents[d]->source, 1,
                           "tag \"" + written + "\" has no letters or digits; it is left out");
  Value groups = Value::array();
  for (const auto& [slug, group] : run.groups) groups.push_back(group);  // a copy shares it
  site.data["tags"] = std::move(groups);
  site.data["document_tags"] = run.document_tags;
}

std::uint64_t TagsAnalyzer::read_of(const Document& document) const {
  Fingerprint fingerprint;
  fingerprint_document(document, fingerprint);
  return fingerprint.value();
}

bool TagsAnalyzer::fingerprint_document(const Document& document, Fingerprint& fingerprint) const {
  fingerprint.add(document.source).add(document.permalink);
  fingerprint.add(static_cast<std::int64_t>(document.tags.size()));
  for (const std::string& tag : document.tags) fingerprint.add(tag);
  return true;
}

}  // namespace digestif::plugins::tags

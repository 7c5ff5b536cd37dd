// SubredditSections: grouping digests by subreddit.
#include "plugins/digest_analysis/subreddit_sections.h"

#include <map>

#include "core/document_groups.h"
#include "core/slug.h"

namespace digestif::plugins::digest_analysis {

std::string section_slug(const std::string& subreddit) { return slugify(subreddit); }

PartInfo SubredditSections::info() const {
  return {"subreddit_sections", Stage::analyze, {"document.subreddit"}, {"site.sections"}};
}

void SubredditSections::analyze(Site& site) const {
  GroupCollector collector;
  std::map<std::string, std::map<std::string, int>> spellings;  // slug -> spelling -> uses
  for (const Document* document : site.documents) {
    std::string subreddit = document->data.get_string("subreddit");
    std::string slug = section_slug(subreddit);
    if (slug.empty()) continue;
    collector.add(slug, *document);
    ++spellings[slug][subreddit];
  }
  site.data["sections"] =
      collector.groups(site.config, group_kind("sections").folder, [&](const std::string& slug) {
        const auto& uses = spellings.at(slug);
        auto best = uses.begin();
        for (auto it = uses.begin(); it != uses.end(); ++it)
          if (it->second > best->second) best = it;
        return "r/" + best->first;
      });
}

bool SubredditSections::fingerprint_document(const Document& document,
                                             Fingerprint& fingerprint) const {
  fingerprint.add(document.permalink).add_members(document.data, {"subreddit"});
  return true;
}

}  // namespace digestif::plugins::digest_analysis

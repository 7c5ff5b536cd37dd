// TagTaxonomy: tags normalized to slugs, each shown with its most common spelling.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace digestif::plugins::tags {

/// "Machine Learning", "machine learning" and "machine-learning" are one tag (slug
/// "machine-learning"); "machinelearning" stays its own unless an alias maps it.
class TagTaxonomy {
 public:
  /// `aliases`: tag -> the tag it stands for (both sides are slugified).
  explicit TagTaxonomy(const std::map<std::string, std::string>& aliases);

  /// The slug a written tag belongs to, aliases applied; empty for a tag with no letters.
  std::string slug_of(const std::string& written) const;
  /// Counts `uses` uses of `written` (for choosing the display name).
  void count_spelling(const std::string& written, int uses = 1);
  /// The most used spelling of the slug (ties: the alphabetically first); the slug if unseen.
  std::string name_of(const std::string& slug) const;

 private:
  std::map<std::string, std::string> aliases_;
  std::map<std::string, std::map<std::string, int>> spellings_;  // slug -> spelling -> uses
};

}  // namespace digestif::plugins::tags

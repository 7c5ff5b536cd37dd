// TagsRun: what a run of tags made, kept as its memo (LiveMemo) by a process that builds again,
// so that a run after tag edits regroups only the edited documents.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/analyzer.h"

namespace digestif::plugins::tags {

/// Nothing of it is saved: a build that starts from disk groups every document (20 ms at
/// 10,000 digests).
struct TagsRun : LiveMemo {
  /// A document as the run grouped it.
  struct Grouped {
    std::string permalink;
    std::uint64_t read = 0;              ///< TagsAnalyzer::fingerprint_document() of it
    std::vector<std::string> tags;       ///< as written
    std::vector<std::string> slugs;      ///< its tags' slugs, each once, in its order
    std::vector<std::string> unslugged;  ///< its tags with no letters or digits (left out)
  };
  std::vector<Grouped> documents;                           ///< in site order
  std::map<std::string, int> uses;                          ///< spelling -> its uses
  std::map<std::string, std::vector<std::size_t>> members;  ///< slug -> documents, in order
  std::map<std::string, std::string> names;                 ///< slug -> the name shown
  std::map<std::string, Value> groups;                      ///< slug -> its group, sealed
  Value document_tags;  ///< site.data["document_tags"], each entry sealed

  std::string bytes() const override { return {}; }
};

}  // namespace digestif::plugins::tags

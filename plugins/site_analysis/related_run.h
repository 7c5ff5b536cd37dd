// RelatedRun: what a run of related made, kept as its memo (LiveMemo) by a process that builds
// again, so the next run starts from the corpus, shapes and lists as they are, and made into
// RelatedMemo's bytes only to be saved.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/analyzer.h"
#include "plugins/site_analysis/related_corpus.h"

namespace digestif::plugins::site_analysis {

struct RelatedRun : LiveMemo {
  RelatedRun(const Site& site, const KnownVectors* known) : corpus(site, known) {}
  RelatedRun(const Site& site, LastVectors last) : corpus(site, std::move(last)) {}

  RelatedCorpus corpus;
  /// The documents, in site order (shared with the lists made later: related_analyzer.cc).
  std::shared_ptr<std::vector<std::string>> permalinks =
      std::make_shared<std::vector<std::string>>();
  std::vector<std::string> fingerprints;  ///< their Document::fingerprint
  std::uint64_t crowded_terms = 0;        ///< corpus.crowded_terms() when the lists were ranked
  std::vector<std::uint64_t> shapes;      ///< RelatedCorpus::shape() by document
  RelatedLists lists;                     ///< by document
  /// By document, the hash of its list's value in `related` (Fingerprint::of), 0 when unknown:
  /// saved with the list, so that the next run makes only the lists a page reads.
  std::vector<std::uint64_t> list_hashes;
  Value related;              ///< site.data["related"], each list sealed
  std::size_t memo_size = 0;  ///< room to reserve for bytes()
  /// The memo this run was read from (read_run_in_order), its vocabulary's bytes, and each
  /// document's record in it while the record still holds (empty once it changed).
  SharedBytes saved;
  std::string_view saved_vocabulary;
  std::vector<std::string_view> records;

  /// The memo as saved (related_memo.h).
  std::string bytes() const override;
};

}  // namespace digestif::plugins::site_analysis

// Digest parser: extracts the ranked threads and their detailed analyses from a digest's body.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"

namespace digestif::plugins::digest_analysis {

/// One discussion thread of a digest: its ranking entry joined with its detailed analysis.
struct Thread {
  /// Rank as written in the ranking (1-based); the position when entries are not numbered.
  int rank = 0;
  /// Title as written, flairs included, markdown link syntax removed, spaces collapsed.
  std::string title;
  /// Absolute URL ("/r/..." gets https://www.reddit.com); empty if none.
  std::string url;
  /// Reddit id from ".../comments/<id>/", redd.it/<id> or reddit.com/gallery/<id>; else empty.
  std::string post_id;
  /// "(Score: N)" or "- Score: N" of the ranking; the detail block's score when absent there.
  std::optional<long> score;
  /// Standalone flair tags [D] [R] [P] [N] in order; see find_flairs.
  std::vector<std::string> flairs;
  std::string blurb;                        ///< the one-line bullet under the ranking entry
  std::string summary;                      ///< "**Summary:**" of the detail block
  std::string emotion;                      ///< "**Emotion:**" of the detail block
  std::vector<std::string> points_of_view;  ///< bullets under "Top N Points of View"
  bool has_detail = false;                  ///< a detail block was paired with this ranking entry
  bool in_ranking = true;  ///< false for a detail block that no ranking entry lists
  /// File line of the ranking entry (of the detail header when !in_ranking).
  int line = 0;
};

/// What extract_threads found in one digest body.
struct DigestExtraction {
  std::vector<Thread> threads;                 ///< in ranking order, then unlisted detail blocks
  std::vector<digestif::Diagnostic> warnings;  ///< recoverable oddities, each with file and line
};

/// Extracts the threads of a digest. body: the markdown after the front matter; file: the path
/// used in warnings; first_line: the file line number of body's first line. Never throws for bad
/// input; runs in time linear in the body size.
DigestExtraction extract_threads(std::string_view body, const std::string& file, int first_line);

/// The standalone flair tags of a title, in order, without repeats: "[D]", "[R]", "[P]", "[N]"
/// (any case) anywhere, and "[Discussion]", "[Research]", "[Project]", "[News]" among the leading
/// tags. A tag glued to a letter or digit ("[R]eading") is not a flair.
std::vector<std::string> find_flairs(std::string_view title);

/// The Reddit post id of a URL, or "" when it names none.
std::string reddit_post_id(std::string_view url);

}  // namespace digestif::plugins::digest_analysis

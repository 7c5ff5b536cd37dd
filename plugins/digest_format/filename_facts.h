// Filename facts: the date and subreddit a digest's file name gives (YYYY-MM-DD_<subreddit>.md).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/date.h"

namespace digestif::plugins::digest_format {

/// What a file name stem like "2025-03-11_machinelearning" (or "2025-03-11-machinelearning")
/// says about the digest inside.
struct FilenameFacts {
  std::optional<Timestamp> date;  ///< the leading YYYY-MM-DD, when it is a real date
  std::string subreddit;          ///< the lower-cased rest: "machinelearning"; may be empty

  /// True when both the date and the subreddit are known.
  bool complete() const { return date.has_value() && !subreddit.empty(); }
};

/// Reads the date and subreddit from a file name without folder and extension.
FilenameFacts filename_facts(std::string_view stem);

/// The digest title the corpus uses for a subreddit: "LocalLLaMA Subreddit", "Machine Learning
/// Subreddit"; for a subreddit it does not know, the name with a capital letter + " Subreddit".
std::string subreddit_title(std::string_view subreddit);

}  // namespace digestif::plugins::digest_format

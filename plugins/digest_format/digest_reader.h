// Digest reader: from the raw text of one digest file to a Document, recovering what it can.
#pragma once

#include <vector>

#include "core/diagnostic.h"
#include "core/document.h"
#include "core/source.h"

namespace digestif::plugins::digest_format {

/// A digest as read, and the warnings about what was recovered (reported only when it is kept).
struct Reading {
  Document document;
  std::vector<Diagnostic> warnings;
};

/// Reads a digest: finds its front matter wherever and however it is written (warning about
/// text before it, "~~~" or JSON front matter, a whole-document indent), or, without one, takes
/// the date and subreddit from the file name; repairs the body (see repair_body). Throws Error
/// for a file it leaves out: an "Analysis Skipped" notice, raw data only, or no front matter
/// without a YYYY-MM-DD_<subreddit> file name; and for invalid front matter fields.
Reading read_digest(const RawSource& raw);

}  // namespace digestif::plugins::digest_format

// ReviewFormat: a Reddit post dump (header lines, post content, top comments) as a Document.
#pragma once

#include <string>
#include <vector>

#include "core/plugin.h"

namespace digestif::plugins::review_format {

/// Reads files that start with "Post Title:". The document's kind is "review", its date the
/// post's Created UTC, its tags `tags` plus "year-in-review"; data["post"] holds author, score,
/// url and comment count, data["comments"] each comment (author, score, date, markdown).
class ReviewFormat : public Format {
 public:
  ReviewFormat(PluginContext context, std::vector<std::string> tags)
      : context_(std::move(context)), tags_(std::move(tags)) {}
  PartInfo info() const override;
  bool accepts(const RawSource& raw) const override;
  Document parse(const RawSource& raw) const override;

 private:
  PluginContext context_;
  std::vector<std::string> tags_;
};

}  // namespace digestif::plugins::review_format

// DigestFormat: a dated digest, YAML front matter (title, date, description, tags) and markdown.
#pragma once

#include "core/plugin.h"

namespace digestif::plugins::digest_format {

/// The digest format part. accepts(): any file starting with "---", and any non-blank file
/// named *.md, *.markdown or *.txt (formats registered earlier, like reviews, go first).
/// parse(): read_digest(), its warnings reported to the sink once the digest is kept.
class DigestFormat : public Format {
 public:
  explicit DigestFormat(PluginContext context) : context_(std::move(context)) {}
  PartInfo info() const override;
  bool accepts(const RawSource& raw) const override;
  Document parse(const RawSource& raw) const override;

 private:
  PluginContext context_;
};

}  // namespace digestif::plugins::digest_format

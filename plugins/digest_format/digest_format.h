// DigestFormat: a dated digest, YAML front matter (title, date, description, tags) and markdown.
#pragma once

#include "core/plugin.h"

namespace digestif::plugins::digest_format {

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

// HttpSource: documents fetched over HTTP, given by URL or listed by a remote index.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "core/plugin.h"
#include "plugins/http_fetch/remote_session.h"

namespace digestif::plugins::http_source {

/// Claims the http(s) entries of `sources:` (Reddit post URLs aside). discover() fetches them
/// all at once, follows the ones that are indexes (fetching their entries at once too), and
/// records the fetch lock; load() hands out the fetched bytes.
class HttpSource : public Source {
 public:
  HttpSource(PluginContext context, http_fetch::FetchOptions options);
  PartInfo info() const override;
  bool claims(const SourceEntry& entry) const override;
  std::vector<SourceItem> discover() const override;
  RawSource load(const SourceItem& item) const override;

 private:
  std::vector<std::string> expand_indexes(const std::vector<std::string>& urls,
                                          std::vector<std::string>& listed) const;

  PluginContext context_;
  // discover() runs once, before any load(); load() only reads.
  std::unique_ptr<http_fetch::RemoteSession> session_;
  mutable std::map<std::string, std::string> bytes_;
};

}  // namespace digestif::plugins::http_source

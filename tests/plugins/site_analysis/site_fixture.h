// An in-memory Site of digests for the site_analysis tests.
#pragma once

#include <chrono>
#include <deque>
#include <string>
#include <vector>

#include "core/site.h"
#include "plugins/site_analysis/document_terms.h"

namespace digestif::plugins::site_analysis::testing {

/// A thread as digest_analysis stores it.
inline Value thread(const std::string& post_id, const std::string& title, Value score,
                    const std::string& summary = {}) {
  return Value::Object{
      {"rank", 1},
      {"post_id", post_id},
      {"title", title},
      {"title_plain", title},
      {"url", post_id.empty() ? "" : "https://www.reddit.com/r/ml/comments/" + post_id + "/x/"},
      {"has_url", !post_id.empty()},
      {"score", std::move(score)},
      {"summary", summary}};
}

/// A site at https://e.org/blog/; add documents newest first.
struct SiteFixture {
  SiteConfig config;
  std::deque<Document> documents;
  Site site{config, BuildOptions{}};

  SiteFixture() { config.base_url = "https://e.org/blog/"; }

  Document& add(const std::string& permalink, int day, std::vector<std::string> tags,
                Value::Array threads) {
    Document& document = documents.emplace_back();
    document.kind = "digest";
    document.title = "Digest";
    document.permalink = permalink;
    document.date = Timestamp{std::chrono::sys_days{std::chrono::year{2025} / 1 / day}};
    document.tags = std::move(tags);
    for (std::size_t i = 0; i < threads.size(); ++i) threads[i]["rank"] = static_cast<long>(i + 1);
    document.data["threads"] = Value(std::move(threads));
    document.data["heading"] = "r/ml, " + std::to_string(day) + " January 2025";
    site.documents.push_back(&document);
    return document;
  }

  /// What the site's document analyzers leave for the site analyzers (their counted terms).
  void count_terms() {
    for (Document& document : documents) DocumentTerms().analyze(document);
  }
};

}  // namespace digestif::plugins::site_analysis::testing

// DigestAnalyzer: stores each digest's threads, subreddit and display heading in its data.
#pragma once

#include "core/plugin.h"
#include "plugins/digest_analysis/digest_parser.h"

namespace digestif::plugins::digest_analysis {

/// For documents of kind "digest": data["threads"] (rank, title, title_plain, url, post_id,
/// score, flairs, blurb, summary, emotion, points_of_view, has_detail), data["subreddit"]
/// ("MachineLearning", from the thread links) and data["heading"] ("r/MachineLearning, 11 March
/// 2025"), a title that tells apart digests which share one front-matter title. For reviews too:
/// data["subreddit"] (from the post URL) and, for both, data["section"] {name, url}.
class DigestAnalyzer : public DocumentAnalyzer {
 public:
  /// `heading_format`: the display heading, with {subreddit}, {date}, {iso_date}, {title}.
  DigestAnalyzer(PluginContext context, std::string heading_format)
      : context_(std::move(context)), heading_format_(std::move(heading_format)) {}
  PartInfo info() const override;
  void analyze(Document& document) const override;

 private:
  /// Threads and heading of a digest; returns its subreddit.
  std::string analyze_digest(Document& document) const;
  /// Clears (with a warning) thread links that are not http(s): no javascript: reaches a page.
  void drop_unsafe_links(std::vector<Thread>& threads, const std::string& file) const;
  std::string heading_of(const Document& document, const std::string& subreddit) const;
  PluginContext context_;
  std::string heading_format_;
};

}  // namespace digestif::plugins::digest_analysis

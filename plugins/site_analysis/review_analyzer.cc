// ReviewAnalyzer: review_outline of the body, as Values.
#include "plugins/site_analysis/review_analyzer.h"

#include "core/url.h"
#include "plugins/site_analysis/review_themes.h"

namespace digestif::plugins::site_analysis {
namespace {

Value post_value(const ReviewPostLink& post, int body_line) {
  Value value = Value::object();
  value["title"] = post.title;
  value["url"] = is_web_url(post.url) ? post.url : "";
  value["has_url"] = is_web_url(post.url);
  value["post_id"] = post.post_id;
  value["upvotes"] = post.upvotes ? Value(*post.upvotes) : Value();
  value["has_upvotes"] = post.upvotes.has_value();
  value["author"] = post.author;
  value["has_author"] = !post.author.empty();
  value["theme"] = post.theme;
  value["theme_anchor"] = post.theme_anchor;
  value["line"] = body_line + post.line - 1;
  return value;
}

Value posts_value(const std::vector<ReviewPostLink>& posts, int body_line) {
  Value list = Value::array();
  for (const ReviewPostLink& post : posts) list.push_back(post_value(post, body_line));
  return list;
}

}  // namespace

PartInfo ReviewAnalyzer::info() const {
  return {"review_themes", Stage::analyze, {"document"}, {"document.review"}};
}

void ReviewAnalyzer::analyze(Document& document) const {
  if (document.kind != "review") return;
  ReviewOutline outline = review_outline(document.body);
  Value review = Value::object();
  review["themes"] = Value::array();
  for (const ReviewTheme& theme : outline.themes)
    review["themes"].push_back(
        Value::Object{{"title", theme.title},
                      {"anchor", theme.anchor},
                      {"slug", theme.slug},
                      {"post_count", static_cast<long>(theme.posts.size())},
                      {"posts", posts_value(theme.posts, document.body_line)}});
  review["posts"] = posts_value(outline.posts, document.body_line);
  review["post_count"] = static_cast<long>(outline.posts.size());
  review["theme_count"] = static_cast<long>(outline.themes.size());
  review["has_themes"] = !outline.themes.empty();
  document.data["review"] = std::move(review);
}

}  // namespace digestif::plugins::site_analysis

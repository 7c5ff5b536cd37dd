// ReviewFormat: from a parsed Reddit post dump to a Document.
#include "plugins/review_format/review_format.h"

#include "core/url.h"
#include "plugins/review_format/review_parser.h"

namespace digestif::plugins::review_format {
namespace {

/// The first paragraph of the post, cut at a word boundary near 240 characters.
std::string description_of(const std::string& markdown) {
  std::string paragraph = markdown.substr(0, markdown.find("\n\n"));
  if (paragraph.size() <= 240) return paragraph;
  auto cut = paragraph.rfind(' ', 240);
  return paragraph.substr(0, cut == std::string::npos ? 240 : cut) + "…";
}

Value comment_value(const ReviewComment& comment) {
  Timestamp created{std::chrono::seconds(comment.created_utc)};
  Value value = Value::object();
  value["author"] = comment.author;
  value["score"] = comment.score;
  value["date"] = format_rfc3339(created);
  value["date_display"] = format_display_date(created);
  value["markdown"] = comment.markdown;  // the markdown plugin adds "html" beside it
  return value;
}

Value post_value(const ReviewPost& post) {
  Value value = Value::object();
  value["author"] = post.author;
  value["score"] = post.score;
  value["url"] = is_web_url(post.url) ? post.url : "";
  value["comment_count"] = post.comment_count;
  return value;
}

}  // namespace

PartInfo ReviewFormat::info() const { return {"review_format", Stage::fetch, {}, {"document"}}; }

bool ReviewFormat::accepts(const RawSource& raw) const { return looks_like_review(raw.bytes); }

Document ReviewFormat::parse(const RawSource& raw) const {
  ReviewPost post = parse_review(raw.bytes, raw.origin);
  Document document;
  document.kind = "review";
  document.title = post.title;
  document.date = Timestamp{std::chrono::seconds(post.created_utc)};
  document.description = description_of(post.content_markdown);
  document.tags = tags_;
  document.tags.push_back("year-in-review");
  document.body = post.content_markdown;
  document.body_line = post.content_line;
  document.data["post"] = post_value(post);
  document.data["comments"] = Value::array();
  for (const ReviewComment& comment : post.comments)
    document.data["comments"].push_back(comment_value(comment));
  return document;
}

}  // namespace digestif::plugins::review_format

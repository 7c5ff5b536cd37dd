// Reddit post JSON to review text: reading the Listings, choosing comments, writing the dump.
#include "plugins/reddit_source/reddit_review.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "core/diagnostic.h"

namespace digestif::plugins::reddit_source {
namespace {

using nlohmann::json;

struct Comment {
  std::string author, body;
  long score = 0;
  double created = 0;
};

/// Reddit sends text with &amp; &lt; &gt; escaped (unless raw_json=1).
std::string unescaped(std::string text) {
  static const std::pair<const char*, const char*> kEntities[] = {
      {"&lt;", "<"}, {"&gt;", ">"}, {"&amp;", "&"}};
  for (const auto& [entity, plain] : kEntities) {
    std::string out;
    std::size_t start = 0, at;
    while ((at = text.find(entity, start)) != std::string::npos) {
      out.append(text, start, at - start).append(plain);
      start = at + std::string_view(entity).size();
    }
    text = out.append(text, start);
  }
  return text;
}

/// One line for a header field: line breaks would start another field.
std::string one_line(std::string text) {
  std::replace_if(
      text.begin(), text.end(), [](char c) { return c == '\n' || c == '\r'; }, ' ');
  return text;
}

/// True for "Top 3 comments:" and "Comment 2:" (spaces around allowed): lines of the dump.
bool is_structural(std::string_view line) {
  auto trim = [](std::string_view text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
      text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
      text.remove_suffix(1);
    return text;
  };
  // A number between `before` and `after`: "Top " N " comments", "Comment " N.
  auto numbered = [](std::string_view text, std::string_view before, std::string_view after) {
    if (text.size() <= before.size() + after.size() || !text.starts_with(before) ||
        !text.ends_with(after))
      return false;
    std::string_view digits =
        text.substr(before.size(), text.size() - before.size() - after.size());
    return std::all_of(digits.begin(), digits.end(),
                       [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
  };
  line = trim(line);
  if (!line.ends_with(':')) return false;
  line.remove_suffix(1);
  return numbered(line, "Top ", " comments") || numbered(line, "Comment ", "");
}

/// Markdown that must not be read as the dump's own lines: such a line gets an escaped
/// colon, which markdown shows as a colon.
std::string guarded(const std::string& markdown) {
  std::string text = unescaped(markdown), out;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = std::min(text.find('\n', start), text.size());
    std::string line = text.substr(start, end - start);
    if (is_structural(line)) line.insert(line.rfind(':'), "\\");
    out += line;
    if (end < text.size()) out += '\n';
    start = end + 1;
  }
  return out;
}

std::string text_of(const json& data, const char* key) {
  auto it = data.find(key);
  return it != data.end() && it->is_string() ? it->get<std::string>() : std::string();
}

long long integer_of(const json& data, const char* key) {
  auto it = data.find(key);
  return it != data.end() && it->is_number() ? it->get<long long>() : 0;
}

double seconds_of(const json& data, const char* key) {
  auto it = data.find(key);
  return it != data.end() && it->is_number() ? it->get<double>() : 0;
}

std::string seconds_text(double seconds) {
  char text[40];
  std::snprintf(text, sizeof text, "%.1f", seconds);
  return text;
}

/// The children of Listing `i`, or an Error naming what is missing.
const json& children(const json& root, std::size_t i, const std::string& url) {
  const json* node = &root;
  if (!root.is_array() || root.size() < 2 || !root[i].is_object() || !root[i].contains("data") ||
      !root[i]["data"].is_object() || !root[i]["data"].contains("children") ||
      !(node = &root[i]["data"]["children"])->is_array())
    throw Error(url, 0,
                "the answer is not a Reddit post (a list of two Listings); check that the URL "
                "is a post's");
  return *node;
}

std::vector<Comment> top_comments(const json& listing, int count) {
  std::vector<Comment> comments;
  for (const json& child : listing) {
    if (!child.is_object() || child.value("kind", "") != "t1" || !child.contains("data") ||
        !child["data"].is_object())
      continue;  // "more" placeholders and anything else
    const json& data = child["data"];
    std::string body = text_of(data, "body");
    if (body.empty() || body == "[deleted]" || body == "[removed]") continue;
    comments.push_back({one_line(text_of(data, "author")), guarded(body),
                        static_cast<long>(integer_of(data, "score")),
                        seconds_of(data, "created_utc")});
  }
  std::stable_sort(comments.begin(), comments.end(),
                   [](const Comment& a, const Comment& b) { return a.score > b.score; });
  if (comments.size() > static_cast<std::size_t>(count)) comments.resize(count);
  return comments;
}

}  // namespace

std::string reddit_review_text(std::string_view text, const std::string& post_url, int top_count) {
  json root = json::parse(text, nullptr, false);
  if (root.is_discarded())
    throw Error(post_url, 0, "the answer is not JSON; check that the URL is a Reddit post's");
  const json& posts = children(root, 0, post_url);
  if (posts.empty() || !posts[0].is_object() || !posts[0].contains("data") ||
      !posts[0]["data"].is_object())
    throw Error(post_url, 0, "the answer holds no post; check that the post still exists");
  const json& post = posts[0]["data"];
  std::string title = one_line(unescaped(text_of(post, "title")));
  if (title.empty()) throw Error(post_url, 0, "the post has no title; check the URL");
  std::string content = text_of(post, "selftext");
  if (content.empty()) content = text_of(post, "url");
  std::vector<Comment> comments = top_comments(children(root, 1, post_url), top_count);

  std::string out =
      "Post Title: " + title + "\nAuthor: " + one_line(text_of(post, "author")) +
      "\nScore: " + std::to_string(integer_of(post, "score")) + "\nURL: " + one_line(post_url) +
      "\nNumber of comments: " + std::to_string(integer_of(post, "num_comments")) +
      "\nCreated UTC: " + seconds_text(seconds_of(post, "created_utc")) + "\n\nPost Content:\n" +
      guarded(content) + "\n\n\nTop " + std::to_string(comments.size()) + " comments:\n";
  for (std::size_t i = 0; i < comments.size(); ++i) {
    const Comment& comment = comments[i];
    out += "\nComment " + std::to_string(i + 1) + ":\nAuthor: " + comment.author +
           "\nScore: " + std::to_string(comment.score) +
           "\nCreated UTC: " + seconds_text(comment.created) + "\nComment: " + comment.body + "\n";
  }
  return out;
}

}  // namespace digestif::plugins::reddit_source

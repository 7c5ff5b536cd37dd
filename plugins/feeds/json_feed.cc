// JSON Feed 1.1 writer, built with nlohmann::ordered_json so the key order is fixed.
#include "plugins/feeds/json_feed.h"

#include <nlohmann/json.hpp>

#include "core/date.h"

namespace digestif::plugins::feeds {
namespace {

using Json = nlohmann::ordered_json;

Json item_json(const FeedItem& item) {
  Json json;
  json["id"] = item.url;
  json["url"] = item.url;
  json["title"] = item.title;
  json["content_html"] = item.content_html;
  json["summary"] = item.summary;
  json["date_published"] = format_rfc3339(item.date);
  json["tags"] = item.tags;
  return json;
}

}  // namespace

std::string write_json_feed(const Feed& feed) {
  Json json;
  json["version"] = kJsonFeedVersion;
  json["title"] = feed.title;
  json["home_page_url"] = feed.home_url;
  json["feed_url"] = feed.self_url;
  json["description"] = feed.description;
  if (!feed.language.empty()) json["language"] = feed.language;
  json["authors"] = Json::array({Json{{"name", feed.author_name}}});
  json["items"] = Json::array();
  for (const FeedItem& item : feed.items) json["items"].push_back(item_json(item));
  return json.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace digestif::plugins::feeds

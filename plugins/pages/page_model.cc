// Building template contexts: site, page, entries, documents and pagination.
#include "plugins/pages/page_model.h"

#include <chrono>

#include "core/date.h"
#include "core/document_groups.h"
#include "core/fingerprint.h"
#include "plugins/pages/analysis_links.h"

namespace digestif::plugins::pages {
namespace {

Value feed_link(const std::string& type, const std::string& title, const std::string& url) {
  Value feed = Value::object();
  feed["type"] = type;
  feed["title"] = title;
  feed["url"] = url;
  return feed;
}

void add_feeds(Value& feeds, const std::string& folder, const std::string& title) {
  feeds.push_back(feed_link("application/rss+xml", title + " (RSS)", folder + "feed.xml"));
  feeds.push_back(feed_link("application/atom+xml", title + " (Atom)", folder + "atom.xml"));
  feeds.push_back(feed_link("application/feed+json", title + " (JSON Feed)", folder + "feed.json"));
}

Value document_tags(const Document& document, const Site& site) {
  const Value* by_document = site.data.find("document_tags");
  const Value* tags = by_document ? by_document->find(document.permalink) : nullptr;
  return tags ? *tags : Value::array();
}

/// Lowers every heading of body HTML by one level: the page's own title is the only <h1>.
std::string demote_headings(std::string html) {
  for (char level = '5'; level >= '1'; --level)
    for (std::string tag : {std::string("<h"), std::string("</h")}) {
      std::string from = tag + level, to = tag + char(level + 1);
      for (auto pos = html.find(from); pos != std::string::npos;
           pos = html.find(from, pos + to.size()))
        html.replace(pos, from.size(), to);
    }
  return html;
}

void add_review_fields(Value& value, const Document& document) {
  const Value* post = document.data.find("post");
  if (post == nullptr) return;
  value["author"] = post->get_string("author");
  value["reddit_url"] = post->get_string("url");
  value["has_reddit_url"] = !post->get_string("url").empty();
  value["score"] = post->find("score") ? *post->find("score") : Value();
  value["comment_count"] = post->find("comment_count") ? *post->find("comment_count") : Value();
  const Value* comments = document.data.find("comments");
  value["has_comments"] = comments != nullptr && comments->size() > 0;
  value["comments"] = comments ? *comments : Value::array();
}

/// Member `key` of site.data[product], or nullptr.
const Value* site_lookup(const Site& site, std::string_view product, const std::string& key) {
  const Value* data = site.data.find(product);
  return data != nullptr ? data->find(key) : nullptr;
}

/// Each thread with emotion flags and, when the threads page lists it, a link to its entry.
Value threads_value(const Document& document, const Site& site) {
  const Value* threads = document.data.find("threads");
  if (threads == nullptr || !threads->is_array()) return Value::array();
  Value result = *threads;
  const Value* index = site_lookup(site, "thread_index", document.permalink);
  for (std::size_t i = 0; i < result.size(); ++i) {
    Value& thread = result.as_array()[i];
    if (!thread.find("has_emotion_label")) thread["has_emotion_label"] = false;
    const Value* entry = index && i < index->size() ? &index->as_array()[i] : nullptr;
    bool listed = entry && entry->is_object() && entry->find("rank")->as_int() <= kThreadsPageLimit;
    thread["has_threads_page"] = listed;
    if (!listed) continue;
    thread["threads_page_url"] = url_of(site, "/threads/") + "#" + entry->get_string("anchor");
    thread["digest_count"] = *entry->find("digest_count");
    thread["seen_elsewhere"] = entry->find("digest_count")->as_int() > 1;
  }
  return result;
}

/// data["emotion_mix"] as a list of {label, count} without zero counts, in a fixed order.
Value emotion_mix_value(const Document& document) {
  Value mix = Value::array();
  const Value* counts = document.data.find("emotion_mix");
  for (const char* label : {"positive", "neutral", "mixed", "negative"}) {
    const Value* count = counts ? counts->find(label) : nullptr;
    if (count && count->is_int() && count->as_int() > 0)
      mix.push_back(Value::Object{{"label", label}, {"count", *count}});
  }
  return mix;
}

/// The documents site.related lists for this one (published ones only), each with its score.
std::vector<std::pair<const Document*, const Value*>> related_documents(const Document& document,
                                                                        const Site& site) {
  std::vector<std::pair<const Document*, const Value*>> found;
  const Value* listed = site_lookup(site, "related", document.permalink);
  if (listed == nullptr || !listed->is_array()) return found;
  for (const Value& entry : listed->as_array())
    if (const Document* other = site.find_document(entry.get_string("permalink")))
      found.emplace_back(other, &entry);
  return found;
}

/// What a page shows of each related document: its link (entry_link) and score.
Value related_value(const Document& document, const Site& site) {
  Value related = Value::array();
  for (const auto& [other, entry] : related_documents(document, site)) {
    Value shown = entry_link(*other, site);
    for (const char* key : {"score", "percent"})
      shown[key] = entry->find(key) != nullptr ? *entry->find(key) : Value();
    related.push_back(std::move(shown));
  }
  return related;
}

/// Related documents, emotion mix, statistics and reading time, when site_analysis made them.
void add_analysis_fields(Value& value, const Document& document, const Site& site) {
  value["related"] = related_value(document, site);
  value["has_related"] = value["related"].size() > 0;
  value["emotion_mix"] = emotion_mix_value(document);
  value["has_emotion_mix"] = value["emotion_mix"].size() > 0;
  const Value* stats = document.data.find("stats");
  value["stats"] = stats ? *stats : Value();
  const Value* thread_count = stats ? stats->find("threads") : nullptr;
  value["has_stats"] = thread_count && thread_count->is_int() && thread_count->as_int() > 0;
  for (const char* key : {"word_count", "reading_minutes"})
    value[key] = document.data.find(key) ? *document.data.find(key) : Value();
  value["has_reading_time"] = !value["reading_minutes"].is_null();
}

/// Fingerprint::of() the document's entry in a site product (0: none): a restored product's
/// large entries know theirs without being decoded.
std::int64_t entry_hash(const Site& site, std::string_view product, const Document& document) {
  const Value* entry = site_lookup(site, product, document.permalink);
  return static_cast<std::int64_t>(entry != nullptr ? Fingerprint::of(*entry) : 0);
}

}  // namespace

std::string url_of(const Site& site, const std::string& permalink) {
  return site.config.url_of(permalink);
}

std::string page_url(const std::string& first_url, int page) {
  return page <= 1 ? first_url : first_url + "page/" + std::to_string(page) + "/";
}

Value site_value(const Site& site) {
  const SiteConfig& config = site.config;
  Value value = Value::object();
  value["title"] = config.title;
  value["description"] = config.description;
  value["base_url"] = config.base_url;
  value["base_path"] = config.base_path();
  value["language"] = config.language;
  value["author"] = config.author;
  value["generator"] = "digestif";
  value["has_sections"] = !groups_of(site, "sections").empty();
  const Value* threads = site.data.find("threads");
  value["has_threads"] = threads != nullptr && threads->size() > 0;
  value["has_trends"] = site.data.find("trends") != nullptr;
  Timestamp newest = site.documents.empty() ? Timestamp{} : site.documents.front()->date;
  value["year"] = format_iso_date(newest).substr(0, 4);
  return value;
}

Value page_value(const Site& site, const std::string& title, const std::string& url,
                 const std::string& kind, const std::string& group_path) {
  Value page = Value::object();
  page["title"] = title;
  page["url"] = url;
  page["kind"] = kind;
  page["description"] = site.config.description;
  page["feeds"] = Value::array();
  add_feeds(page["feeds"], site.config.base_path(), site.config.title);
  if (!group_path.empty()) add_feeds(page["feeds"], url_of(site, "/" + group_path), title);
  return page;
}

Value base_context(const Site& site, const std::string& title, const std::string& url,
                   const std::string& kind, const std::string& group_path) {
  Value context = Value::object();
  context["site"] = site_value(site);
  context["page"] = page_value(site, title, url, kind, group_path);
  return context;
}

namespace {

/// An object's members, gathered to be sorted once (ValueObject's constructor): an entry made
/// member by member moved its members at each insertion, for each of thousands of entries.
using Members = std::vector<Value::Object::value_type>;

/// Appends what entry_link() shows.
void add_link_members(Members& members, const Document& document, const Site& site) {
  members.emplace_back("title", document.title);
  members.emplace_back("heading", document.data.get_string("heading", document.title));
  members.emplace_back("url", url_of(site, document.permalink));
  members.emplace_back("date", format_iso_date(document.date));
  members.emplace_back("date_display", format_display_date(document.date));
  members.emplace_back("kind", document.kind);
  members.emplace_back("is_digest", document.kind == "digest");
  members.emplace_back("is_review", document.kind == "review");
}

/// Appends the data member `name` of the document (null when it has none) and, as `has_name`,
/// whether it is there.
void add_data_member(Members& members, const Document& document, const char* name,
                     const char* has_name) {
  const Value* member = document.data.find(name);
  bool has = member != nullptr && !member->is_null();
  members.emplace_back(name, has ? *member : Value());
  members.emplace_back(has_name, has);
}

}  // namespace

Value entry_link(const Document& document, const Site& site) {
  Members members;
  members.reserve(8);
  add_link_members(members, document, site);
  return Value::Object(std::move(members));
}

// entry_inputs() reads what entry_value() shows: a change to one goes with the other.
Value entry_value(const Document& document, const Site& site) {
  Members members;
  members.reserve(17);
  add_link_members(members, document, site);
  members.emplace_back("description", document.description);
  Value tags = document_tags(document, site);
  members.emplace_back("has_tags", tags.size() > 0);
  members.emplace_back("tags", std::move(tags));
  add_data_member(members, document, "section", "has_section");
  const Value* count = document.data.find("thread_count");
  members.emplace_back("thread_count", count != nullptr && count->is_int() ? count->as_int() : 0L);
  add_data_member(members, document, "top_thread", "has_top_thread");
  return Value::Object(std::move(members));
}

Value document_value(const Document& document, const Site& site) {
  Value value = entry_value(document, site);
  std::string html = document.html;
  add_review_outline(value, html, document, site);
  value["html"] = demote_headings(std::move(html));
  value["threads"] = threads_value(document, site);
  value["has_threads"] = value["threads"].size() > 0;
  value["front_matter"] = document.front_matter;
  add_review_fields(value, document);
  add_analysis_fields(value, document, site);
  return value;
}

std::string site_inputs(const Site& site) { return Fingerprint().add(site_value(site)).hex(); }

std::string document_inputs(const Document& document, const Site& site,
                            const std::string& site_inputs_of_site) {
  Fingerprint inputs;
  inputs.add(document.fingerprint).add(site_inputs_of_site);
  for (const char* product : {"document_tags", "thread_index", "related", "review_links"})
    inputs.add(entry_hash(site, product, document));
  for (const auto& [other, entry] : related_documents(document, site))
    inputs.add(link_inputs(*other));
  return inputs.hex();
}

std::string document_inputs(const Document& document, const Site& site) {
  return document_inputs(document, site, site_inputs(site));
}

void add_link_inputs(const Document& document, Fingerprint& fingerprint) {
  const Value* heading = document.data.find("heading");
  fingerprint.add(document.permalink)
      .add(document.title)
      .add(heading != nullptr && heading->is_string() ? std::string_view(heading->as_string())
                                                      : std::string_view())
      .add(document.kind)
      .add(static_cast<std::int64_t>(document.date.time_since_epoch().count()));
}

std::int64_t link_inputs(const Document& document) {
  Fingerprint fingerprint;
  add_link_inputs(document, fingerprint);
  return static_cast<std::int64_t>(fingerprint.value());
}

void add_own_entry_inputs(const Document& document, Fingerprint& fingerprint) {
  fingerprint.add(link_inputs(document));
  add_entry_extras(document, fingerprint);
}

void add_entry_extras(const Document& document, Fingerprint& fingerprint) {
  fingerprint.add(document.description);
  // Hashes, not the values: a restored document decodes none of them for this.
  for (std::string_view member : {"section", "thread_count", "top_thread"})
    fingerprint.add(static_cast<std::int64_t>(document.data.hash_of(member)));
}

std::int64_t own_entry_inputs(const Document& document) {
  Fingerprint fingerprint;
  add_own_entry_inputs(document, fingerprint);
  return static_cast<std::int64_t>(fingerprint.value());
}

std::int64_t entry_inputs(const Document& document, const Site& site) {
  return entry_inputs(document, own_entry_inputs(document), site.data.find("document_tags"));
}

std::int64_t entry_inputs(const Document& document, std::int64_t own, const Value* document_tags) {
  Fingerprint fingerprint;
  fingerprint.add(own);
  const Value* tags = nullptr;
  if (document_tags != nullptr && document_tags->is_object()) {
    // Documents are asked in the site's order, the reverse of their permalinks' (dated): the
    // next one's entry sits beside this one's.
    thread_local std::size_t hint = 0;
    const Value::Object& all = document_tags->as_object();
    if (auto it = all.find(document.permalink, hint); it != all.end()) tags = &it->second;
  }
  fingerprint.add(static_cast<std::int64_t>(tags != nullptr ? Fingerprint::of(*tags) : 0));
  return static_cast<std::int64_t>(fingerprint.value());
}

Value pagination_value(const std::string& first_url, int page, int total) {
  Value value = Value::object();
  value["is_paginated"] = total > 1;
  value["current"] = page;
  value["total"] = total;
  value["has_prev"] = page > 1;
  value["prev_url"] = page > 1 ? page_url(first_url, page - 1) : "";
  value["has_next"] = page < total;
  value["next_url"] = page < total ? page_url(first_url, page + 1) : "";
  return value;
}

Value entries_value(const std::vector<const Document*>& documents, std::size_t begin,
                    std::size_t end, const Site& site) {
  Value entries = Value::array();
  for (std::size_t i = begin; i < end && i < documents.size(); ++i)
    entries.push_back(entry_value(*documents[i], site));
  return entries;
}

}  // namespace digestif::plugins::pages

// ThreadCatalog: gathering each thread's appearances across digests.
#include "plugins/site_analysis/thread_catalog.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <map>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "core/date.h"
#include "core/parallel_map.h"
#include "plugins/site_analysis/document_reads.h"

namespace digestif::plugins::site_analysis {
namespace {

struct Appearance {
  const Document* document;
  const Value* thread;
};

/// One catalogued thread while it is gathered.
struct Entry {
  std::string key;
  std::vector<Appearance> appearances;  // newest digest first
  const Value* best = nullptr;          // the appearance with the highest score
  std::optional<long> score;
  std::string_view title;  // of `best`
};

std::string_view string_member(const Value& value, std::string_view key) {
  const Value* member = value.find(key);
  return member != nullptr && member->is_string() ? std::string_view(member->as_string())
                                                  : std::string_view();
}

std::optional<long> score_of(const Value& thread) {
  const Value* score = thread.find("score");
  if (score == nullptr || !score->is_int()) return std::nullopt;
  return static_cast<long>(score->as_int());
}

void add_appearance(Entry& entry, const Document& document, const Value& thread) {
  if (!entry.appearances.empty() && entry.appearances.back().document == &document) return;
  entry.appearances.push_back({&document, &thread});
  std::optional<long> score = score_of(thread);
  if (entry.best == nullptr || (score && (!entry.score || *score > *entry.score))) {
    entry.best = &thread;
    entry.score = score;
    entry.title = string_member(thread, "title");
  }
}

/// Highest score first, threads without a score last; ties by title, then key.
bool ranks_before(const Entry& a, const Entry& b) {
  if (a.score != b.score) return a.score.has_value() && (!b.score || *a.score > *b.score);
  return a.title != b.title ? a.title < b.title : a.key < b.key;
}

std::string hex_hash(const std::string& text) {
  std::uint64_t hash = 14695981039346656037ULL;  // FNV-1a, 64 bits
  for (unsigned char c : text) hash = (hash ^ c) * 1099511628211ULL;
  static const char* digits = "0123456789abcdef";
  std::string hex(16, '0');
  for (int i = 15; i >= 0; --i, hash >>= 4) hex[static_cast<std::size_t>(i)] = digits[hash & 15];
  return hex;
}

/// An HTML id for the entry, unique among `used`.
std::string anchor_of(const Entry& entry, std::unordered_set<std::string>& used) {
  std::string post_id = entry.best->get_string("post_id"), anchor;
  for (unsigned char c : post_id)
    if (std::isalnum(c) || c == '-' || c == '_') anchor += static_cast<char>(c);
  anchor = anchor.empty() ? "u-" + hex_hash(entry.best->get_string("url")) : "t-" + anchor;
  std::string unique = anchor;
  for (int n = 2; used.count(unique) != 0; ++n) unique = anchor + "-" + std::to_string(n);
  used.insert(unique);
  return unique;
}

/// What every appearance in one digest shares: {heading, url, date, date_display}.
using DigestValues = std::unordered_map<const Document*, Value>;

DigestValues digest_values(const Site& site) {
  DigestValues values;
  for (const Document* document : site.documents)
    values.emplace(document,
                   Value::Object{{"heading", document->data.get_string("heading", document->title)},
                                 {"url", site.config.url_of(document->permalink)},
                                 {"date", format_iso_date(document->date)},
                                 {"date_display", format_display_date(document->date)}});
  return values;
}

Value digest_value(const Appearance& appearance, const DigestValues& digests) {
  Value digest = digests.at(appearance.document);
  digest.as_object().reserve(6);
  const Value* rank = appearance.thread->find("rank");
  digest["rank"] = rank ? *rank : Value();
  digest["thread_url"] = digest.get_string("url") + (rank ? "#thread-" + rank->to_text() : "");
  return digest;
}

Value entry_value(const Entry& entry, const std::string& anchor, long rank,
                  const DigestValues& digests) {
  Value value = Value::object();
  value.as_object().reserve(16);
  for (const char* key : {"post_id", "title", "title_plain", "url", "has_url", "flairs",
                          "has_flairs", "emotion_label", "has_emotion_label"})
    if (const Value* member = entry.best->find(key)) value[key] = *member;
  value["key"] = entry.key;
  value["anchor"] = anchor;
  value["rank"] = rank;
  value["score"] = entry.score ? Value(*entry.score) : Value();
  value["has_score"] = entry.score.has_value();
  value["digest_count"] = static_cast<long>(entry.appearances.size());
  value["digests"] = Value::array();
  for (const Appearance& appearance : entry.appearances)
    value["digests"].push_back(digest_value(appearance, digests));
  return value;
}

std::vector<Entry> gather(const Site& site) {
  std::unordered_map<std::string, Entry> by_key;
  for (const Document* document : site.documents) {
    const Value* threads = document->data.find("threads");
    if (threads == nullptr || !threads->is_array()) continue;
    for (const Value& thread : threads->as_array())
      if (std::string key = thread_key(thread); !key.empty()) {
        Entry& entry = by_key[key];
        entry.key = key;
        add_appearance(entry, *document, thread);
      }
  }
  std::vector<Entry> entries;
  for (auto& [key, entry] : by_key) entries.push_back(std::move(entry));
  std::sort(entries.begin(), entries.end(), ranks_before);
  return entries;
}

/// {permalink: [entry of each thread, in the document's order; null when not catalogued]}.
Value document_index(const Site& site, const std::unordered_map<std::string, Value>& found) {
  std::vector<Value::Object::value_type> index;  // sorted once: permalinks come newest first
  for (const Document* document : site.documents) {
    const Value* threads = document->data.find("threads");
    if (threads == nullptr || !threads->is_array()) continue;
    Value own = Value::array();
    for (const Value& thread : threads->as_array()) {
      auto it = found.find(thread_key(thread));
      own.push_back(it == found.end() ? Value() : it->second);
    }
    index.emplace_back(document->permalink, std::move(own));
  }
  return Value::Object(std::move(index));
}

}  // namespace

std::string thread_key(const Value& thread) {
  if (std::string id = thread.get_string("post_id"); !id.empty()) return "id:" + id;
  if (std::string url = thread.get_string("url"); !url.empty()) return "url:" + url;
  return {};
}

PartInfo ThreadCatalog::info() const {
  return {"thread_catalog",
          Stage::analyze,
          {"document.threads", "document.emotion"},
          {"site.threads", "site.thread_count", "site.thread_index"}};
}

const Value* catalog_entry(const Site& site, const Document& document, std::size_t position) {
  const Value* index = site.data.find("thread_index");
  const Value* own = index != nullptr ? index->find(document.permalink) : nullptr;
  if (own == nullptr || !own->is_array() || position >= own->size()) return nullptr;
  const Value& entry = own->as_array()[position];
  return entry.is_object() ? &entry : nullptr;
}

void ThreadCatalog::analyze(Site& site) const {
  std::vector<Entry> entries = gather(site);
  std::vector<std::string> anchors;  // in rank order: the first of two alike keeps the plain id
  std::unordered_set<std::string> used;
  for (const Entry& entry : entries) anchors.push_back(anchor_of(entry, used));
  DigestValues digests = digest_values(site);
  std::size_t listed = std::min(entries.size(), kCatalogListed);
  Value::Array list = in_parallel<Value>(listed, [&](std::size_t i) {
    return entry_value(entries[i], anchors[i], static_cast<long>(i) + 1, digests);
  });
  std::unordered_map<std::string, Value> found;  // key -> {anchor, rank, digest_count}
  for (std::size_t i = 0; i < entries.size(); ++i)
    found[entries[i].key] =
        Value::Object{{"anchor", anchors[i]},
                      {"rank", static_cast<long>(i) + 1},
                      {"digest_count", static_cast<long>(entries[i].appearances.size())}};
  site.data["threads"] = Value(std::move(list));
  site.data["thread_count"] = static_cast<long>(entries.size());
  site.data["thread_index"] = document_index(site, found);
}

bool ThreadCatalog::fingerprint_document(const Document& document, Fingerprint& fingerprint) const {
  add_listing(document, fingerprint);
  add_thread_listings(document, fingerprint);
  fingerprint.add_members(document.data.find("threads"),
                          {"flairs", "has_flairs", "emotion_label", "has_emotion_label"});
  return true;
}

}  // namespace digestif::plugins::site_analysis

// RemoteSession: cache freshness, conditional requests, fallbacks, the lock and its note.
#include "plugins/http_fetch/remote_session.h"

#include <algorithm>
#include <ctime>

#include "plugins/http_fetch/content_hash.h"
#include "plugins/http_fetch/http_fetcher.h"

namespace digestif::plugins::http_fetch {
namespace {

std::int64_t now_seconds() { return static_cast<std::int64_t>(std::time(nullptr)); }

std::string utc_text(std::int64_t seconds) {
  std::time_t time = static_cast<std::time_t>(seconds);
  std::tm parts{};
  gmtime_r(&time, &parts);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%d %H:%M UTC", &parts);
  return text;
}

std::filesystem::path cache_folder(const SiteConfig& config) {
  return config.root / ".digestif" / "cache";
}

}  // namespace

void check_entry_options(const PluginContext& context, const SourceEntry& entry,
                         std::initializer_list<std::string_view> known) {
  if (!entry.options.is_object()) return;
  for (const auto& [key, value] : entry.options.as_object())
    if (std::find(known.begin(), known.end(), key) == known.end())
      context.sink().warn(
          context.config().file.string(), entry.line,
          context.plugin() + " has no source option \"" + key.str() + "\"; it is ignored");
}

std::filesystem::path fetch_lock_path(const SiteConfig& config) {
  return config.root / ".digestif" / "fetch.lock";
}

RemoteSession::RemoteSession(const PluginContext& context, FetchOptions options)
    : context_(context), options_(std::move(options)), cache_(cache_folder(context.config())) {}

void RemoteSession::store(const CachedCopy& copy) {
  try {
    cache_.put(copy);
  } catch (const Error& error) {  // the build goes on with the bytes it has
    context_.sink().warn(error.diagnostic().file, 0,
                         "cannot write the fetch cache (" + error.diagnostic().message +
                             "); the next build fetches " + copy.url + " again");
  }
}

void RemoteSession::use(const CachedCopy& copy) {
  bytes_[copy.url] = copy.body;
  used_[copy.url] = {context_.plugin(), copy.etag, copy.last_modified, copy.hash, copy.fetched};
}

void RemoteSession::fail(const RemoteTarget& target, const std::string& problem,
                         const CachedCopy* copy) {
  if (copy != nullptr) {
    context_.sink().warn(
        target.origin, 0,
        "cannot fetch: " + problem + "; using the cached copy of " + utc_text(copy->fetched));
    use(*copy);
    return;
  }
  context_.sink().report({Severity::error, target.origin, 0,
                          "cannot fetch: " + problem +
                              "; check the URL and the server, or remove it from \"sources\""});
}

std::map<std::string, std::string> RemoteSession::get(const std::vector<RemoteTarget>& targets) {
  std::vector<RemoteTarget> asked;
  std::vector<std::optional<CachedCopy>> copies;
  std::vector<FetchRequest> requests;
  for (const RemoteTarget& target : targets) {
    if (bytes_.count(target.url) != 0) continue;
    std::optional<CachedCopy> copy = cache_.get(target.url);
    if (context_.build().offline) {
      if (copy)
        use(*copy);
      else
        context_.sink().report({Severity::error, target.origin, 0,
                                "not in the fetch cache, and --offline opens no connection; "
                                "build once without --offline"});
      continue;
    }
    if (copy && now_seconds() - copy->fetched < options_.max_age_s) {
      use(*copy);
      continue;
    }
    asked.push_back(target);
    requests.push_back({target.url, copy ? copy->etag : "", copy ? copy->last_modified : ""});
    copies.push_back(std::move(copy));
  }
  std::vector<FetchResult> results = fetch_all(requests, options_);
  for (std::size_t i = 0; i < results.size(); ++i) {
    FetchResult& result = results[i];
    std::optional<CachedCopy>& copy = copies[i];
    if (result.ok() && result.status == 304 && copy) {
      copy->fetched = now_seconds();
      store(*copy);
      use(*copy);
    } else if (result.ok() && result.status == 200) {
      CachedCopy fresh{asked[i].url,         std::move(result.body), result.etag,
                       result.last_modified, now_seconds(),          ""};
      fresh.hash = content_hash(fresh.body);
      store(fresh);
      use(fresh);
    } else {
      fail(asked[i], result.ok() ? "HTTP 304 without a cached copy" : result.problem(),
           copy ? &*copy : nullptr);
    }
  }
  std::map<std::string, std::string> found;
  for (const RemoteTarget& target : targets)
    if (auto it = bytes_.find(target.url); it != bytes_.end()) found[target.url] = it->second;
  return found;
}

void RemoteSession::record(const std::vector<std::string>& listed) {
  std::filesystem::path file = fetch_lock_path(context_.config());
  FetchLock previous = read_lock(file);
  try {
    write_lock(file, merged_lock(previous, used_, context_.plugin(), listed));
  } catch (const Error& error) {  // the site still builds; only the record is missing
    context_.sink().warn(error.diagnostic().file, 0,
                         "cannot write the fetch lock (" + error.diagnostic().message + ")");
  }
  if (listed.empty()) return;
  std::vector<std::string> changed = changed_urls(previous, used_);
  std::string note = context_.plugin() + ": " + std::to_string(changed.size()) + " of " +
                     std::to_string(used_.size()) + " remote sources changed since the last build";
  for (std::size_t i = 0; i < changed.size() && i < 10; ++i)
    note += (i == 0 ? ": " : ", ") + changed[i];
  if (changed.size() > 10) note += ", and " + std::to_string(changed.size() - 10) + " more";
  context_.sink().note(note);
}

}  // namespace digestif::plugins::http_fetch

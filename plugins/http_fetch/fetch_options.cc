// Reading the fetch options of a plugin, each checked for its type and range.
#include "plugins/http_fetch/fetch_options.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace digestif::plugins::http_fetch {
namespace {

/// A whole or decimal number (site.yaml values such as 0.5 arrive as text); NaN otherwise.
double number_of(const Value& value) {
  if (value.is_int()) return static_cast<double>(value.as_int());
  if (value.is_double()) return value.as_double();
  if (!value.is_string()) return std::nan("");
  const std::string& text = value.as_string();
  double number = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
  return error == std::errc() && end == text.data() + text.size() && !text.empty() ? number
                                                                                   : std::nan("");
}

/// A number option between `low` and `high`, or `fallback` when absent.
double number_option(const PluginContext& context, std::string_view key, double fallback,
                     double low, double high) {
  const Value* value = context.options().find(key);
  if (value == nullptr) return fallback;
  double number = number_of(*value);
  if (!(number >= low && number <= high))
    throw Error(context.config().file.string(), context.config_line(),
                "plugin \"" + context.plugin() + "\": option \"" + std::string(key) +
                    "\" must be a number from " + std::to_string(static_cast<long>(low)) + " to " +
                    std::to_string(static_cast<long>(high)));
  return number;
}

long milliseconds(const PluginContext& context, std::string_view key, long fallback_ms,
                  double high_s) {
  return std::lround(1000 * number_option(context, key, fallback_ms / 1000.0, 0, high_s));
}

}  // namespace

std::string default_user_agent() {
  return std::string("digestif/") + DIGESTIF_VERSION + " (+https://github.com/digestif/digestif)";
}

FetchOptions read_fetch_options(const PluginContext& context) {
  FetchOptions options;
  options.user_agent = context.option_string("user_agent", default_user_agent());
  options.max_age_s = std::lround(number_option(context, "max_age", 3600, 0, 1e9));
  options.connect_timeout_ms = std::max(1L, milliseconds(context, "connect_timeout", 10000, 600));
  options.timeout_ms = std::max(1L, milliseconds(context, "timeout", 30000, 3600));
  options.max_body =
      static_cast<std::size_t>(number_option(context, "max_body", 16 << 20, 1, 1 << 30));
  options.per_host = static_cast<int>(number_option(context, "per_host", 4, 1, 64));
  options.retries = static_cast<int>(number_option(context, "retries", 2, 0, 10));
  options.retry_wait_ms = milliseconds(context, "retry_wait", 30000, 600);
  options.backoff_ms = std::min(options.backoff_ms, options.retry_wait_ms / 4);
  return options;
}

}  // namespace digestif::plugins::http_fetch

// Dates of documents: parsing what authors write and formatting for pages and feeds.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace digestif {

using Timestamp = std::chrono::sys_seconds;

/// "YYYY-MM-DD", "YYYY-MM-DD HH:MM[:SS]" or RFC 3339 ("...THH:MM:SS[.f](Z|±HH:MM)"), read as UTC.
std::optional<Timestamp> parse_date(std::string_view text);
std::string format_iso_date(Timestamp t);      ///< 2025-03-11
std::string format_rfc3339(Timestamp t);       ///< 2025-03-11T00:00:00Z
std::string format_rfc822(Timestamp t);        ///< Tue, 11 Mar 2025 00:00:00 +0000
std::string format_display_date(Timestamp t);  ///< 11 March 2025
std::string month_name(unsigned month);        ///< 1 -> "January"

}  // namespace digestif

// Date parsing and formatting with std::chrono (UTC only).
#include "core/date.h"

#include <array>
#include <cctype>
#include <charconv>
#include <cstdio>

namespace digestif {
namespace {

using namespace std::chrono;

bool read_number(std::string_view& text, std::size_t digits, int& out) {
  if (text.size() < digits) return false;
  for (std::size_t i = 0; i < digits; ++i)
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) return false;
  auto [end, ec] = std::from_chars(text.data(), text.data() + digits, out);
  if (ec != std::errc() || end != text.data() + digits) return false;
  text.remove_prefix(digits);
  return true;
}

bool expect(std::string_view& text, char c) {
  if (text.empty() || text.front() != c) return false;
  text.remove_prefix(1);
  return true;
}

std::optional<seconds> read_time(std::string_view& text) {
  int h = 0, m = 0, s = 0;
  if (!read_number(text, 2, h) || !expect(text, ':') || !read_number(text, 2, m))
    return std::nullopt;
  if (expect(text, ':') && !read_number(text, 2, s)) return std::nullopt;
  while (!text.empty() &&
         (text.front() == '.' || std::isdigit(static_cast<unsigned char>(text.front()))))
    text.remove_prefix(1);
  if (h > 23 || m > 59 || s > 60) return std::nullopt;
  return hours(h) + minutes(m) + seconds(s);
}

std::optional<seconds> read_offset(std::string_view& text) {
  if (text.empty() || expect(text, 'Z') || expect(text, 'z')) return seconds(0);
  char sign = text.front();
  if (sign != '+' && sign != '-') return std::nullopt;
  text.remove_prefix(1);
  int h = 0, m = 0;
  if (!read_number(text, 2, h)) return std::nullopt;
  expect(text, ':');
  if (!text.empty() && !read_number(text, 2, m)) return std::nullopt;
  if (h > 23 || m > 59) return std::nullopt;
  seconds offset = hours(h) + minutes(m);
  return sign == '+' ? offset : -offset;
}

const std::array<const char*, 12> kMonths = {"January",   "February", "March",    "April",
                                             "May",       "June",     "July",     "August",
                                             "September", "October",  "November", "December"};

struct Parts {
  int year;
  unsigned month, day;
  long hour, minute, second;
  unsigned weekday;
};

Parts parts_of(Timestamp t) {
  auto day_start = floor<days>(t);
  year_month_day ymd{day_start};
  hh_mm_ss hms{t - day_start};
  return {int(ymd.year()),
          unsigned(ymd.month()),
          unsigned(ymd.day()),
          long(hms.hours().count()),
          long(hms.minutes().count()),
          long(hms.seconds().count()),
          weekday{day_start}.c_encoding()};
}

}  // namespace

std::optional<Timestamp> parse_date(std::string_view text) {
  int y = 0, mo = 0, d = 0;
  if (!read_number(text, 4, y) || !expect(text, '-') || !read_number(text, 2, mo) ||
      !expect(text, '-') || !read_number(text, 2, d))
    return std::nullopt;
  year_month_day ymd{year(y), month(unsigned(mo)), day(unsigned(d))};
  if (!ymd.ok()) return std::nullopt;
  Timestamp result = sys_days(ymd);
  if (text.empty()) return result;
  if (text.front() != 'T' && text.front() != ' ') return std::nullopt;
  text.remove_prefix(1);
  auto time = read_time(text);
  auto offset = time ? read_offset(text) : std::nullopt;
  if (!time || !offset || !text.empty()) return std::nullopt;
  return result + *time - *offset;
}

std::string format_iso_date(Timestamp t) {
  Parts p = parts_of(t);
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", p.year, p.month, p.day);
  return buffer;
}

std::string format_rfc3339(Timestamp t) {
  Parts p = parts_of(t);
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02uT%02ld:%02ld:%02ldZ", p.year, p.month, p.day,
                p.hour, p.minute, p.second);
  return buffer;
}

std::string format_rfc822(Timestamp t) {
  static const std::array<const char*, 7> kDays = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  Parts p = parts_of(t);
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%s, %02u %.3s %04d %02ld:%02ld:%02ld +0000",
                kDays[p.weekday], p.day, kMonths[p.month - 1], p.year, p.hour, p.minute, p.second);
  return buffer;
}

std::string format_display_date(Timestamp t) {
  Parts p = parts_of(t);
  return std::to_string(p.day) + " " + kMonths[p.month - 1] + " " + std::to_string(p.year);
}

std::string month_name(unsigned month) {
  return month >= 1 && month <= 12 ? kMonths[month - 1] : "";
}

}  // namespace digestif

// Tests of core/date: parsing what authors write and the formats of pages and feeds.
#include "core/date.h"

#include <boost/test/unit_test.hpp>
#include <chrono>
#include <string>

namespace digestif {
namespace {

using namespace std::chrono;

Timestamp utc(int y, unsigned m, unsigned d, int hh = 0, int mm = 0, int ss = 0) {
  return sys_days(year(y) / month(m) / day(d)) + hours(hh) + minutes(mm) + seconds(ss);
}

bool parses_to(const char* text, Timestamp expected) {
  auto parsed = parse_date(text);
  return parsed && *parsed == expected;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(date)

BOOST_AUTO_TEST_CASE(plain_date_is_midnight_utc) {
  BOOST_TEST(parses_to("2025-03-11", utc(2025, 3, 11)));
  BOOST_TEST(parses_to("2024-02-29", utc(2024, 2, 29)));
}

BOOST_AUTO_TEST_CASE(date_with_time_is_read_as_utc) {
  BOOST_TEST(parses_to("2025-03-11 10:30", utc(2025, 3, 11, 10, 30)));
  BOOST_TEST(parses_to("2025-03-11 10:30:15", utc(2025, 3, 11, 10, 30, 15)));
  BOOST_TEST(parses_to("2025-03-11T10:30:15Z", utc(2025, 3, 11, 10, 30, 15)));
  BOOST_TEST(parses_to("2025-03-11T10:30:15.250Z", utc(2025, 3, 11, 10, 30, 15)));
}

BOOST_AUTO_TEST_CASE(rfc3339_offsets_are_converted_to_utc) {
  BOOST_TEST(parses_to("2025-03-11T10:00:00+02:00", utc(2025, 3, 11, 8)));
  BOOST_TEST(parses_to("2025-03-11T10:00:00-05:30", utc(2025, 3, 11, 15, 30)));
  BOOST_TEST(parses_to("2025-03-11T01:00:00+02:00", utc(2025, 3, 10, 23)));
}

BOOST_AUTO_TEST_CASE(impossible_dates_are_rejected) {
  BOOST_TEST(!parse_date("2025-13-01"));
  BOOST_TEST(!parse_date("2025-02-30"));
  BOOST_TEST(!parse_date("2025-02-29"));
  BOOST_TEST(!parse_date("2025-00-10"));
  BOOST_TEST(!parse_date("2025-04-31"));
}

BOOST_AUTO_TEST_CASE(malformed_text_is_rejected) {
  BOOST_TEST(!parse_date(""));
  BOOST_TEST(!parse_date("yesterday"));
  BOOST_TEST(!parse_date("11/03/2025"));
  BOOST_TEST(!parse_date("2025-3-11"));
  BOOST_TEST(!parse_date("2025-03-11x"));
  BOOST_TEST(!parse_date("2025-03-11T25:00:00Z"));
  BOOST_TEST(!parse_date("2025-03-11T10:61Z"));
  BOOST_TEST(!parse_date("2025-03-11T10:00:00 garbage"));
  BOOST_TEST(!parse_date("2025-03-11T"));
}

BOOST_AUTO_TEST_CASE(signs_inside_numbers_are_rejected) {
  // std::from_chars reads a leading '-': without a digit check a typo would become another
  // time instead of an "invalid date" error. The comments say what it would have been read as.
  BOOST_TEST(!parse_date("2025-03-11T-1:00Z"));          // read as 2025-03-10T23:00:00Z
  BOOST_TEST(!parse_date("2025-03-11 -9:-5"));           // read as 2025-03-10T14:55:00Z
  BOOST_TEST(!parse_date("2025-03-11T10:00:00+-1:00"));  // read as 11:00Z
  BOOST_TEST(!parse_date("-025-03-11"));                 // read as the year -25
}

BOOST_AUTO_TEST_CASE(offsets_beyond_a_day_are_rejected) {
  // Offsets are range-checked: +99:00 would move the date back four days.
  BOOST_TEST(!parse_date("2025-03-11T10:00:00+99:00"));
  BOOST_TEST(!parse_date("2025-03-11T10:00:00+02:75"));
}

BOOST_AUTO_TEST_CASE(iso_date_format) {
  BOOST_TEST(format_iso_date(utc(2025, 3, 11, 23, 59)) == "2025-03-11");
  BOOST_TEST(format_iso_date(utc(2025, 1, 2)) == "2025-01-02");
}

BOOST_AUTO_TEST_CASE(rfc822_format_for_rss) {
  BOOST_TEST(format_rfc822(utc(2025, 3, 11)) == "Tue, 11 Mar 2025 00:00:00 +0000");
  BOOST_TEST(format_rfc822(utc(2025, 1, 5, 7, 8, 9)) == "Sun, 05 Jan 2025 07:08:09 +0000");
  BOOST_TEST(format_rfc822(utc(2025, 12, 27, 23, 59, 59)) == "Sat, 27 Dec 2025 23:59:59 +0000");
}

BOOST_AUTO_TEST_CASE(rfc3339_format_for_atom_and_json) {
  BOOST_TEST(format_rfc3339(utc(2025, 3, 11)) == "2025-03-11T00:00:00Z");
  BOOST_TEST(format_rfc3339(*parse_date("2025-03-11T10:00:00+02:00")) == "2025-03-11T08:00:00Z");
}

BOOST_AUTO_TEST_CASE(display_date_spells_the_month) {
  BOOST_TEST(format_display_date(utc(2025, 3, 11)) == "11 March 2025");
  BOOST_TEST(format_display_date(utc(2025, 1, 5)) == "5 January 2025");
  BOOST_TEST(format_display_date(utc(2025, 12, 27, 18)) == "27 December 2025");
}

BOOST_AUTO_TEST_CASE(month_names) {
  BOOST_TEST(month_name(1) == "January");
  BOOST_TEST(month_name(12) == "December");
  BOOST_TEST(month_name(0) == "");
  BOOST_TEST(month_name(13) == "");
}

BOOST_AUTO_TEST_CASE(formatting_round_trips_through_parsing) {
  Timestamp t = utc(2025, 6, 6, 8, 30, 5);
  BOOST_TEST(parses_to(format_rfc3339(t).c_str(), t));
  BOOST_TEST(parses_to(format_iso_date(t).c_str(), utc(2025, 6, 6)));
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace digestif

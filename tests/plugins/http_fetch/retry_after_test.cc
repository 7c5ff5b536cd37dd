// Tests of Retry-After parsing and the capped backoff of retries.
#include "plugins/http_fetch/retry_after.h"

#include <boost/test/unit_test.hpp>

namespace digestif::plugins::http_fetch {
namespace {

// Sun, 06 Nov 1994 08:49:37 GMT (the RFC 9110 example date).
constexpr std::time_t kExampleDate = 784111777;

BOOST_AUTO_TEST_SUITE(retry_after)

BOOST_AUTO_TEST_CASE(delta_seconds_are_read_in_milliseconds) {
  BOOST_TEST(*parse_retry_after("120", kExampleDate) == 120000);
  BOOST_TEST(*parse_retry_after(" 0 ", kExampleDate) == 0);
}

BOOST_AUTO_TEST_CASE(an_http_date_is_the_wait_until_it) {
  BOOST_TEST(*parse_retry_after("Sun, 06 Nov 1994 08:49:37 GMT", kExampleDate - 30) == 30000);
  BOOST_TEST(*parse_retry_after("Sun, 06 Nov 1994 08:49:37 GMT", kExampleDate + 30) == 0);
}

BOOST_AUTO_TEST_CASE(unreadable_values_give_nothing) {
  BOOST_TEST(!parse_retry_after("", kExampleDate).has_value());
  BOOST_TEST(!parse_retry_after("soon", kExampleDate).has_value());
  BOOST_TEST(!parse_retry_after("-5", kExampleDate).has_value());
}

BOOST_AUTO_TEST_CASE(huge_waits_are_bounded_before_the_cap) {
  BOOST_TEST(*parse_retry_after("99999999999", kExampleDate) == 86400000);
}

BOOST_AUTO_TEST_CASE(retry_after_is_capped_and_backoff_doubles) {
  BOOST_TEST(retry_wait(1, 5000, 1000, 2000) == 2000);
  BOOST_TEST(retry_wait(1, 500, 1000, 2000) == 500);
  BOOST_TEST(retry_wait(1, std::nullopt, 100, 10000) == 100);
  BOOST_TEST(retry_wait(2, std::nullopt, 100, 10000) == 200);
  BOOST_TEST(retry_wait(3, std::nullopt, 100, 10000) == 400);
  BOOST_TEST(retry_wait(30, std::nullopt, 100, 10000) == 10000);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace digestif::plugins::http_fetch

// The Boost.Test runner of digestif_tests; the cases live in the *_test.cc files.
#define BOOST_TEST_MODULE digestif
#include <boost/test/unit_test.hpp>

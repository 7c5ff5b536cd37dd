// Tests of core/value: building trees, member access and the text templates show.
#include "core/value.h"

#include <boost/test/unit_test.hpp>
#include <string>

namespace digestif {

BOOST_AUTO_TEST_SUITE(value)

BOOST_AUTO_TEST_CASE(default_value_is_null_with_no_text) {
  Value value;
  BOOST_TEST(value.is_null());
  BOOST_TEST(value.size() == 0u);
  BOOST_TEST(value.to_text() == "");
}

BOOST_AUTO_TEST_CASE(scalars_keep_their_type_and_show_as_text) {
  BOOST_TEST(Value(true).to_text() == "true");
  BOOST_TEST(Value(false).to_text() == "false");
  BOOST_TEST(Value(42).is_int());
  BOOST_TEST(Value(42L).to_text() == "42");
  BOOST_TEST(Value(-7LL).as_int() == -7);
  BOOST_TEST(Value(2.5).is_double());
  BOOST_TEST(Value(2.5).to_text() == "2.5");
  BOOST_TEST(Value("text").is_string());
  BOOST_TEST(Value(std::string_view("view")).as_string() == "view");
}

BOOST_AUTO_TEST_CASE(indexing_null_makes_an_object) {
  Value value;
  value["title"] = "Hello";
  value["nested"]["count"] = 3;
  BOOST_TEST(value.is_object());
  BOOST_TEST(value.size() == 2u);
  BOOST_TEST(value.get_string("title") == "Hello");
  BOOST_TEST(value.find("nested")->find("count")->as_int() == 3);
}

BOOST_AUTO_TEST_CASE(find_and_get_string_handle_absent_and_wrong_types) {
  Value value = Value::object();
  value["number"] = 5;
  BOOST_TEST((value.find("missing") == nullptr));
  BOOST_TEST((Value("scalar").find("x") == nullptr));
  BOOST_TEST(value.get_string("missing", "fallback") == "fallback");
  BOOST_TEST(value.get_string("number", "fallback") == "fallback");
}

BOOST_AUTO_TEST_CASE(push_back_on_null_makes_an_array) {
  Value list;
  list.push_back("a");
  list.push_back(2);
  BOOST_TEST(list.is_array());
  BOOST_TEST(list.size() == 2u);
  BOOST_TEST(list.as_array()[1].as_int() == 2);
  BOOST_TEST(list.to_text() == "");
}

BOOST_AUTO_TEST_CASE(objects_keep_keys_sorted_and_compare_by_content) {
  Value a = Value::object();
  a["zeta"] = 1;
  a["alpha"] = 2;
  BOOST_TEST(a.as_object().begin()->first == "alpha");
  Value b = Value::object();
  b["alpha"] = 2;
  b["zeta"] = 1;
  BOOST_TEST((a == b));
  b["zeta"] = "1";
  BOOST_TEST(!(a == b));
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace digestif

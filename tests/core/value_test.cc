// Tests of core/value: building trees, member access and the text templates show.
#include "core/value.h"

#include <boost/test/unit_test.hpp>
#include <stdexcept>
#include <string>
#include <vector>

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

BOOST_AUTO_TEST_CASE(members_iterate_in_key_order_whatever_the_insertion_order) {
  Value value = Value::object();
  for (const char* key : {"m", "b", "z", "a", "q", "c"}) value[key] = key;
  std::string keys;
  for (const auto& [key, member] : value.as_object())
    keys += key.str() + "=" + member.as_string() + " ";
  BOOST_TEST(keys == "a=a b=b c=c m=m q=q z=z ");
  BOOST_TEST(value.size() == 6u);
}

BOOST_AUTO_TEST_CASE(indexing_an_existing_key_overwrites_it_in_place) {
  Value value = Value::object();
  value["title"] = "first";
  value["count"] = 1;
  value["title"] = "second";
  value["count"] = Value::Object{{"nested", true}};
  BOOST_TEST(value.size() == 2u);
  BOOST_TEST(value.get_string("title") == "second");
  BOOST_TEST(value.find("count")->find("nested")->as_bool());
}

BOOST_AUTO_TEST_CASE(nested_objects_are_found_and_changed_through_their_parents) {
  Value site;
  site["thread"]["flairs"].push_back(Value::Object{{"name", "Discussion"}, {"code", "D"}});
  site["thread"]["title"] = "A title";
  site["thread"]["flairs"].as_array()[0]["class"] = "flair-d";
  const Value& flair = site.find("thread")->find("flairs")->as_array()[0];
  BOOST_TEST(flair.as_object().begin()->first == "class");
  BOOST_TEST(flair.get_string("class") == "flair-d");
  BOOST_TEST(flair.get_string("name") == "Discussion");
  BOOST_TEST(site.find("thread")->get_string("title") == "A title");
  BOOST_TEST((site.find("thread")->find("missing") == nullptr));
}

BOOST_AUTO_TEST_CASE(object_literals_sort_their_keys_and_keep_the_first_of_a_repeated_key) {
  Value value = Value::Object{{"zeta", 1}, {"alpha", 2}, {"zeta", 3}};
  BOOST_TEST(value.size() == 2u);
  BOOST_TEST(value.as_object().begin()->first == "alpha");
  BOOST_TEST(value.find("zeta")->as_int() == 1);
}

BOOST_AUTO_TEST_CASE(objects_built_in_bulk_are_sorted_and_searchable) {
  std::vector<Value::Object::value_type> members;
  for (int i = 999; i >= 0; --i) members.emplace_back("/page/" + std::to_string(i) + "/", i);
  Value value = Value::Object(std::move(members));
  BOOST_TEST(value.size() == 1000u);
  BOOST_TEST(value.find("/page/500/")->as_int() == 500);
  BOOST_TEST(value.as_object().begin()->first == "/page/0/");
  std::string previous;
  bool sorted = true;
  for (const auto& [key, member] : value.as_object())
    sorted = sorted && previous < key, previous = key;
  BOOST_TEST(sorted);
}

BOOST_AUTO_TEST_CASE(a_large_object_is_found_in_again_after_members_come_and_go) {
  Value::Object object;
  for (int i = 0; i < 200; ++i) object["/page/" + std::to_string(i) + "/"] = i;
  BOOST_TEST(object.find("/page/150/")->second.as_int() == 150);
  BOOST_TEST((object.find("/page/200/") == object.end()));
  object["/page/000/"] = -1;  // sorts before every other key: each one moves
  BOOST_TEST(object.find("/page/150/")->second.as_int() == 150);
  BOOST_TEST(object.find("/page/000/")->second.as_int() == -1);
  BOOST_TEST(object.erase("/page/000/") == 1u);
  BOOST_TEST(object.find("/page/199/")->second.as_int() == 199);
  BOOST_TEST((object.find("/page/000/") == object.end()));
  Value::Object copy = object;
  copy.erase("/page/1/");
  BOOST_TEST((copy.find("/page/1/") == copy.end()));
  BOOST_TEST(object.find("/page/1/")->second.as_int() == 1);
  BOOST_TEST(copy.find("/page/10/")->second.as_int() == 10);
  Value::Object moved = std::move(copy);
  BOOST_TEST(moved.find("/page/2/")->second.as_int() == 2);
  object = moved;
  BOOST_TEST((object.find("/page/1/") == object.end()));
}

BOOST_AUTO_TEST_CASE(a_hinted_find_takes_the_hint_when_it_holds_and_searches_when_not) {
  Value::Object tags{{"/a/", 1}, {"/b/", 2}, {"/c/", 3}};
  Value::Object related{{"/a/", 10}, {"/b/", 20}, {"/c/", 30}};
  Value::Object reviews{{"/b/", 200}};
  std::size_t hint = 0;
  BOOST_TEST(tags.find("/c/", hint)->second.as_int() == 3);
  BOOST_TEST(hint == 2u);  // where "/c/" sits
  BOOST_TEST(related.find("/c/", hint)->second.as_int() == 30);
  BOOST_TEST((reviews.find("/c/", hint) == reviews.end()));  // no "/c/" here
  BOOST_TEST(hint == 2u);                                    // left as it was
  BOOST_TEST(reviews.find("/b/", hint)->second.as_int() == 200);
  BOOST_TEST(hint == 0u);
  BOOST_TEST(tags.find("/a/", hint)->second.as_int() == 1);  // position 0 holds "/a/" here
  hint = 7;                                                  // past the end: searched
  BOOST_TEST(related.find("/b/", hint)->second.as_int() == 20);
}

BOOST_AUTO_TEST_CASE(emplace_keeps_an_existing_member_and_erase_removes_one) {
  Value::Object object;
  BOOST_TEST(object.emplace("b", 1).second);
  BOOST_TEST(object.emplace("a", 2).second);
  BOOST_TEST(!object.emplace("b", 3).second);
  BOOST_TEST(object.find("b")->second.as_int() == 1);
  BOOST_TEST(object.erase("b") == 1u);
  BOOST_TEST(object.erase("b") == 0u);
  BOOST_TEST(object.size() == 1u);
  BOOST_TEST(object.contains("a"));
  BOOST_TEST(!object.contains("b"));
}

BOOST_AUTO_TEST_CASE(keys_compare_and_convert_like_the_names_they_hold) {
  Value a = Value::Object{{"title", 1}, {"tags", 2}};
  Value b;
  b[std::string("ti") + "tle"] = 1;
  b["tags"] = 2;
  BOOST_TEST((a == b));
  const ValueKey& first = a.as_object().begin()->first;
  BOOST_TEST(first == "tags");
  BOOST_TEST(first == std::string("tags"));
  BOOST_TEST(!(first == "title"));
  BOOST_TEST((first < ValueKey("title")));
  const std::string& text = first;
  BOOST_TEST(text == "tags");
  std::string_view view = first;
  BOOST_TEST(view.size() == 4u);
}

BOOST_AUTO_TEST_CASE(a_later_value_is_made_once_on_its_first_read_and_shared_by_copies) {
  int made = 0;
  Value later = Value::later([&made] {
    ++made;
    return Value(Value::Object{{"title", "Hello"}});
  });
  Value copy = later;
  BOOST_TEST(later.is_pending());
  BOOST_TEST(made == 0);
  BOOST_TEST(copy.get_string("title") == "Hello");
  BOOST_TEST(later.is_object());
  BOOST_TEST(!later.is_pending());
  BOOST_TEST(made == 1);
  BOOST_TEST((later == Value(Value::Object{{"title", "Hello"}})));
}

BOOST_AUTO_TEST_CASE(writing_a_later_value_changes_only_that_copy) {
  Value later = Value::later([] { return Value(Value::Object{{"title", "Hello"}}); });
  Value copy = later;
  copy["title"] = "Changed";
  copy.as_object()["extra"] = 1;
  BOOST_TEST(later.get_string("title") == "Hello");
  BOOST_TEST(later.size() == 1u);
  BOOST_TEST(copy.get_string("title") == "Changed");
  Value list = Value::later([] { return Value(Value::Array{Value(1)}); });
  list.push_back(2);
  BOOST_TEST(list.size() == 2u);
}

BOOST_AUTO_TEST_CASE(a_later_value_that_throws_is_made_again_on_the_next_read) {
  int tries = 0;
  Value later = Value::later([&tries]() -> Value {
    if (++tries == 1) throw std::runtime_error("not yet");
    return Value(3);
  });
  BOOST_CHECK_THROW(later.is_int(), std::runtime_error);
  BOOST_TEST(later.as_int() == 3);
  BOOST_TEST(tries == 2);
  Value written = Value::later([]() -> Value { throw std::runtime_error("not yet"); });
  BOOST_CHECK_THROW(written.push_back(1), std::runtime_error);
  BOOST_CHECK_THROW(written.is_array(), std::runtime_error);  // still later, not broken
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace digestif

// Tests of core/document_data: a restored document's data reads like the Value it was, each
// member decoded once, on its first read, even with several threads reading at once.
#include "core/document_data.h"

#include <atomic>
#include <boost/test/unit_test.hpp>
#include <thread>
#include <vector>

namespace digestif {
namespace {

/// Data whose members "heading" and "threads" count how often they are decoded.
struct CountedData {
  std::atomic<int> headings{0}, threads{0};
  DocumentData data = DocumentData::later({
      {"threads",
       [this] {
         ++threads;
         return Value(Value::Array{Value::Object{{"score", 7}}});
       }},
      {"heading",
       [this] {
         ++headings;
         return Value("r/ml, 11 March");
       }},
  });
};

BOOST_AUTO_TEST_SUITE(document_data)

BOOST_AUTO_TEST_CASE(a_member_is_decoded_on_its_first_read_and_only_it) {
  CountedData counted;
  BOOST_TEST(counted.data.size() == 2u);
  BOOST_TEST(counted.headings == 0);
  BOOST_TEST(counted.data.get_string("heading") == "r/ml, 11 March");
  BOOST_TEST(counted.data.get_string("heading") == "r/ml, 11 March");
  BOOST_TEST(counted.headings == 1);
  BOOST_TEST(counted.threads == 0);  // never read
  BOOST_TEST(counted.data.find("missing") == nullptr);
  BOOST_TEST(counted.data.get_string("missing", "none") == "none");
}

BOOST_AUTO_TEST_CASE(the_whole_object_is_the_members_in_order) {
  CountedData counted;
  Value whole = counted.data.get();
  BOOST_TEST(
      (whole == Value(Value::Object{{"heading", "r/ml, 11 March"},
                                    {"threads", Value::Array{Value::Object{{"score", 7}}}}})));
  BOOST_TEST(counted.headings == 1);
  BOOST_TEST(counted.threads == 1);
  BOOST_TEST((counted.data == DocumentData(whole)));
}

BOOST_AUTO_TEST_CASE(threads_reading_at_once_decode_a_member_once) {
  CountedData counted;
  std::vector<std::jthread> readers;
  std::atomic<int> right{0};
  for (int i = 0; i < 8; ++i)
    readers.emplace_back([&] {
      for (int j = 0; j < 100; ++j)
        if (counted.data.find("threads")->as_array()[0].find("score")->as_int() == 7) ++right;
    });
  readers.clear();  // joins
  BOOST_TEST(right == 800);
  BOOST_TEST(counted.threads == 1);
}

BOOST_AUTO_TEST_CASE(writing_makes_a_copy_of_its_own) {
  CountedData counted;
  DocumentData copy = counted.data;
  copy["heading"] = "changed";
  BOOST_TEST(copy.get_string("heading") == "changed");
  BOOST_TEST(copy.find("threads") != nullptr);
  BOOST_TEST(counted.data.get_string("heading") == "r/ml, 11 March");
  BOOST_TEST(counted.headings == 1);  // decoded once, shared by the copy
}

BOOST_AUTO_TEST_CASE(data_made_in_memory_reads_and_writes_as_a_value) {
  DocumentData data;
  BOOST_TEST(data.size() == 0u);
  data["words"] = 12;
  BOOST_TEST(data.find("words")->as_int() == 12);
  data = Value::Object{{"other", true}};
  BOOST_TEST(data.find("words") == nullptr);
  BOOST_TEST(data.get().find("other")->as_bool());
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace digestif

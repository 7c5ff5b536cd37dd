// Tests of core/fingerprint: order and type matter, a sealed part is fingerprinted by the hash
// it carries, and sealing a product's parts changes none of its fingerprints.
#include "core/fingerprint.h"

#include <boost/test/unit_test.hpp>
#include <string>

namespace digestif {
namespace {

/// A product keyed by permalink, as related documents are.
Value product() {
  Value value = Value::object();
  for (int i = 0; i < 100; ++i) {
    std::string permalink = "/d" + std::to_string(i) + "/";
    value[permalink] = Value::array();
    value[permalink].push_back(Value::Object{{"permalink", "/other/"}, {"score", 0.5 + i}});
  }
  value["scalar"] = "kept as it is";
  return value;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(fingerprint)

BOOST_AUTO_TEST_CASE(pieces_count_in_order_and_by_type) {
  BOOST_TEST(Fingerprint().add("ab").add("c").hex() != Fingerprint().add("a").add("bc").hex());
  BOOST_TEST(Fingerprint().add(Value(1)).hex() != Fingerprint().add(Value("1")).hex());
  BOOST_TEST(Fingerprint().add("x").hex() == Fingerprint().add(std::string("x")).hex());
  BOOST_TEST(Fingerprint().hex().size() == 16u);
}

BOOST_AUTO_TEST_CASE(sealing_a_products_parts_changes_no_fingerprint_and_no_value) {
  Value sealed = product();
  Fingerprint::seal_parts(sealed);
  Value plain = product();
  BOOST_TEST(Fingerprint::of(sealed) == Fingerprint::of(plain));
  BOOST_TEST((sealed == plain));
  const Value* entry = sealed.find("/d7/");
  BOOST_REQUIRE(entry != nullptr);
  BOOST_TEST(entry->later_hash() == Fingerprint::of(*plain.find("/d7/")));
  BOOST_TEST(sealed.find("scalar")->later_hash() == 0u);  // only arrays and objects
}

BOOST_AUTO_TEST_CASE(a_sealed_part_is_fingerprinted_by_its_hash_until_a_copy_is_written) {
  Value part = Value::sealed(Value(Value::Array{Value(1), Value(2)}), 42);
  BOOST_TEST(Fingerprint::of(part) == 42u);
  BOOST_TEST(part.size() == 2u);
  Value copy = part;
  copy.push_back(3);  // a copy of its own, without the hash
  BOOST_TEST(copy.later_hash() == 0u);
  BOOST_TEST(Fingerprint::of(copy) != 42u);
  BOOST_TEST(part.size() == 2u);
  BOOST_TEST(Fingerprint::of(part) == 42u);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace digestif

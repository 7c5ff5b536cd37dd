// Tests of core/binary_codec: what is written reads back equal, small numbers and repeated keys
// take few bytes, and damaged bytes throw DamagedData.
#include "core/binary_codec.h"

#include <boost/test/unit_test.hpp>
#include <limits>

#include "core/fingerprint.h"

namespace digestif {
namespace {

/// Threads as an analyzer leaves them: the same keys in every object.
Value sample_value() {
  Value value = Value::object();
  for (int i = 0; i < 20; ++i)
    value["threads"].push_back(Value::Object{{"score", i * 1000 - 5000},
                                             {"ratio", 0.25 * i},
                                             {"title", "thread " + std::to_string(i)},
                                             {"flair", ""},
                                             {"gone", Value()},
                                             {"pinned", i % 2 == 0},
                                             {"comments", Value::array()},
                                             {"nested", Value::Object{{"score", -i}}}});
  value["extremes"] = Value::Array{Value(std::numeric_limits<long long>::min()),
                                   Value(std::numeric_limits<long long>::max()),
                                   Value(-1),
                                   Value(0),
                                   Value(-0.0),
                                   Value(std::numeric_limits<double>::infinity()),
                                   Value(1e-300)};
  value[""] = "an empty key";
  return value;
}

std::string encoded(const Value& value) {
  std::string bytes;
  BinaryWriter(bytes).put(value);
  return bytes;
}

BOOST_AUTO_TEST_SUITE(binary_codec)

BOOST_AUTO_TEST_CASE(nested_values_read_back_equal) {
  Value value = sample_value();
  std::string bytes = encoded(value);
  BinaryReader in(bytes);
  BOOST_TEST((in.value() == value));
  BOOST_TEST(in.at_end());
}

BOOST_AUTO_TEST_CASE(numbers_strings_and_values_read_back_in_order) {
  std::string bytes;
  BinaryWriter out(bytes);
  out.put(std::uint64_t{0});
  out.put(std::uint64_t{127});
  out.put(std::uint64_t{128});
  out.put(std::numeric_limits<std::uint64_t>::max());
  out.put_signed(-1);
  out.put_signed(std::numeric_limits<std::int64_t>::min());
  out.put_signed(std::numeric_limits<std::int64_t>::max());
  out.put(std::string_view(""));
  out.put(std::string_view("with \0 a nul", 12));
  out.put(Value::Object{{"score", 3}});
  out.put(Value::Object{{"score", 4}});  // the key by number: this writer wrote it before
  BinaryReader in(bytes);
  BOOST_TEST(in.number() == 0u);
  BOOST_TEST(in.number() == 127u);
  BOOST_TEST(in.number() == 128u);
  BOOST_TEST(in.number() == std::numeric_limits<std::uint64_t>::max());
  BOOST_TEST(in.signed_number() == -1);
  BOOST_TEST(in.signed_number() == std::numeric_limits<std::int64_t>::min());
  BOOST_TEST(in.signed_number() == std::numeric_limits<std::int64_t>::max());
  BOOST_TEST(in.text() == "");
  BOOST_TEST(in.text() == std::string("with \0 a nul", 12));
  BOOST_TEST((in.value() == Value(Value::Object{{"score", 3}})));
  BOOST_TEST((in.value() == Value(Value::Object{{"score", 4}})));
  BOOST_TEST(in.at_end());
}

BOOST_AUTO_TEST_CASE(small_numbers_and_repeated_keys_take_few_bytes) {
  std::string bytes;
  BinaryWriter out(bytes);
  out.put(std::uint64_t{127});
  out.put_signed(-64);
  BOOST_TEST(bytes.size() == 2u);
  std::string once = encoded(Value::Array{Value::Object{{"a_long_member_name", 1}}});
  std::string twice = encoded(Value::Array{Value::Object{{"a_long_member_name", 1}},
                                           Value::Object{{"a_long_member_name", 2}}});
  // The second object: its tag, its size, the key's number, the int's tag and value.
  BOOST_TEST(twice.size() - once.size() == 5u);
}

BOOST_AUTO_TEST_CASE(every_cut_of_the_bytes_throws_damaged_data) {
  std::string bytes = encoded(sample_value());
  for (std::size_t size = 0; size < bytes.size(); ++size) {
    BinaryReader in(std::string_view(bytes).substr(0, size));
    BOOST_CHECK_THROW(in.value(), DamagedData);
  }
}

BOOST_AUTO_TEST_CASE(malformed_bytes_throw_damaged_data) {
  auto fails = [](std::string bytes) {
    BinaryReader in(bytes);
    try {
      in.value();
    } catch (const DamagedData&) {
      return true;
    }
    return false;
  };
  BOOST_TEST(fails(std::string(11, '\x85')));          // a number of 11 bytes
  BOOST_TEST(fails(std::string(9, '\xff') + '\x02'));  // a number past 64 bits
  BOOST_TEST(
      fails("\x06\x05"
            "abc"));                              // a string past the end
  BOOST_TEST(fails("\x07\xff\xff\xff\xff\x0f"));  // more items than bytes
  BOOST_TEST(fails("\x08\x01\x03\x00"));          // a key never met
  BOOST_TEST(
      fails("\x08\x01\x0a"
            "abc"));                                            // a key cut short
  BOOST_TEST(fails("\x09"));                                    // an unknown tag
  BOOST_TEST(fails("\x03" + std::string(9, '\xff') + '\x01'));  // an int past int64
  BOOST_TEST(fails(std::string(1000, '\x07') + '\x01'));        // arrays 1000 deep (cut)
  std::string deep;
  for (int i = 0; i < 1000; ++i) deep += "\x07\x01";
  BOOST_TEST(fails(deep + '\x00'));  // arrays 1000 deep
  std::string garbage;
  for (int i = 0; i < 4096; ++i) garbage += static_cast<char>((i * 7919 + 13) % 256);
  BOOST_TEST(fails(garbage));
}

/// `value`, its arrays and objects of 256 bytes or more written as parts of their own.
std::string written_with_parts(const Value& value) {
  std::string bytes;
  BinaryWriter(bytes, 256).put(value);
  return bytes;
}

/// The value in `bytes`, read as from a file the reader may keep reading after the read (a
/// mapped cache file).
Value read_from_lasting(const std::string& bytes) {
  auto copy = std::shared_ptr<const char>(new char[bytes.size()], std::default_delete<char[]>());
  std::copy(bytes.begin(), bytes.end(), const_cast<char*>(copy.get()));
  auto file = std::make_shared<const LastingBytes>(LastingBytes{copy, "site/charts.products"});
  return BinaryReader(std::string_view(copy.get(), bytes.size()), file).value();
}

/// A product as the charts analyzer leaves one: a small member and large ones.
Value large_product() {
  Value tags = Value::object();
  for (int i = 0; i < 30; ++i) tags["tag " + std::to_string(i)] = sample_value();
  return Value::Object{{"count", 30}, {"site", sample_value()}, {"tags", tags}};
}

BOOST_AUTO_TEST_CASE(large_parts_read_from_lasting_bytes_are_decoded_when_first_read) {
  Value product = large_product();
  Value read = read_from_lasting(written_with_parts(product));
  BOOST_TEST(!read.find("count")->is_pending());  // small: in line
  BOOST_TEST(read.find("tags")->is_pending());
  const Value& tag = *read.find("tags")->find("tag 7");
  BOOST_TEST(!read.find("tags")->is_pending());
  BOOST_TEST(tag.is_pending());  // a large part of a large part
  BOOST_TEST((tag == *product.find("tags")->find("tag 7")));
  BOOST_TEST((read == product));
}

BOOST_AUTO_TEST_CASE(a_part_read_for_later_knows_its_hash_without_being_decoded) {
  Value product = large_product();
  Value read = read_from_lasting(written_with_parts(product));
  const Value& tags = *read.find("tags");
  BOOST_TEST(Fingerprint::of(tags) == Fingerprint::of(*product.find("tags")));
  BOOST_TEST(tags.is_pending());
  // Nor when a value holding it is fingerprinted: it is added by its hash.
  BOOST_TEST(Fingerprint::of(read) == Fingerprint::of(product));
  BOOST_TEST(Fingerprint().add("charts").add(read).hex() ==
             Fingerprint().add("charts").add(product).hex());
  BOOST_TEST(tags.is_pending());
  BOOST_TEST(read.find("site")->is_pending());
  BOOST_TEST(Fingerprint::of(*product.find("site")) != Fingerprint::of(*product.find("tags")));
}

BOOST_AUTO_TEST_CASE(large_parts_read_from_passing_bytes_are_decoded_at_once) {
  Value product = large_product();
  std::string bytes = written_with_parts(product);
  BinaryReader in(bytes);
  Value read = in.value();
  BOOST_TEST(in.at_end());
  BOOST_TEST(!read.find("tags")->is_pending());
  BOOST_TEST(!read.find("tags")->find("tag 7")->is_pending());
  BOOST_TEST((read == product));
  BOOST_TEST(bytes.size() > encoded(product).size());  // parts write their keys again
}

BOOST_AUTO_TEST_CASE(a_damaged_part_throws_an_error_naming_the_file_when_read) {
  std::string damaged = written_with_parts(large_product());
  std::size_t tags = damaged.find("tags");
  damaged[damaged.find("tag 7", tags) - 1] = '\x7f';  // a key's length inside a part
  Value read = read_from_lasting(damaged);
  try {
    read.find("tags")->find("tag 7");
    BOOST_FAIL("a damaged part read back");
  } catch (const Error& error) {
    BOOST_TEST(error.diagnostic().file == "site/charts.products");
    BOOST_TEST(error.diagnostic().message ==
               "no longer reads back; delete .digestif/ and build again");
  }
}

BOOST_AUTO_TEST_CASE(parts_are_noted_by_hash_and_copied_for_a_value_that_knows_its_hash) {
  Value product = large_product();
  std::string first = written_with_parts(product);
  EncodedParts parts;
  BinaryReader in(first);
  in.note_parts(parts);
  BOOST_TEST(in.at_end());
  BOOST_TEST(parts.size() == 2);  // "site" and "tags"; parts in parts are not looked into
  std::uint64_t tags_hash = Fingerprint::of(*product.find("tags"));
  BOOST_REQUIRE(parts.count(tags_hash) == 1);
  // A value sealed with that hash is taken for the part: its bytes are copied, not its own.
  Value changed = product;
  changed["tags"] = Value::sealed(Value::Object{{"other", 1}}, tags_hash);
  std::string again;
  BinaryWriter(again, 256, &parts).put(changed);
  BOOST_TEST(again == first);
  // One that does not know its hash is encoded.
  changed["tags"] = Value::Object{{"other", 1}};
  again.clear();
  BinaryWriter(again, 256, &parts).put(changed);
  BOOST_TEST(again != first);
  BOOST_TEST((read_from_lasting(again) == changed));
}

BOOST_AUTO_TEST_CASE(a_later_value_with_its_encoding_is_written_again_without_being_made) {
  // A tag's set inside "tags", taken from a memo that encoded it on its own, while another
  // member of "tags" changed: the part around it is written again, the set copied.
  Value product = large_product();
  auto memo = std::make_shared<const std::string>(encoded(*product.find("tags")->find("tag 7")));
  std::uint64_t hash = Fingerprint::of(*product.find("tags")->find("tag 7"));
  bool made = false;
  Value changed = product;
  changed["tags"]["tag 7"] = Value::later(
      [&made, memo] {
        made = true;
        return BinaryReader(*memo).value();
      },
      hash, {*memo, memo});
  changed["tags"]["tag 0"] = "edited";
  std::string bytes = written_with_parts(changed);
  BOOST_TEST(!made);
  Value read = read_from_lasting(bytes);
  BOOST_TEST(Fingerprint::of(*read.find("tags")->find("tag 7")) == hash);
  BOOST_TEST((*read.find("tags")->find("tag 7") == *product.find("tags")->find("tag 7")));
  BOOST_TEST((read == changed));
  BOOST_TEST(made);  // by the comparison
}

BOOST_AUTO_TEST_CASE(noting_the_parts_of_damaged_bytes_throws_damaged_data) {
  std::string bytes = written_with_parts(large_product());
  for (std::size_t cut : {std::size_t{1}, bytes.size() / 2, bytes.size() - 1}) {
    EncodedParts parts;
    BinaryReader in(std::string_view(bytes).substr(0, cut));
    BOOST_CHECK_THROW(in.note_parts(parts), DamagedData);
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace digestif

// Member access and text form of Value.
#include "core/value.h"

#include <sstream>

namespace digestif {

Value& Value::operator[](std::string_view key) {
  if (is_null()) data_ = Object{};
  auto& object = as_object();
  auto it = object.find(key);
  if (it == object.end()) it = object.emplace(std::string(key), Value{}).first;
  return it->second;
}

const Value* Value::find(std::string_view key) const {
  if (!is_object()) return nullptr;
  const auto& object = as_object();
  auto it = object.find(key);
  return it == object.end() ? nullptr : &it->second;
}

std::string Value::get_string(std::string_view key, std::string_view fallback) const {
  const Value* member = find(key);
  if (member == nullptr || !member->is_string()) return std::string(fallback);
  return member->as_string();
}

void Value::push_back(Value v) {
  if (is_null()) data_ = Array{};
  as_array().push_back(std::move(v));
}

std::size_t Value::size() const {
  if (is_array()) return as_array().size();
  if (is_object()) return as_object().size();
  return 0;
}

std::string Value::to_text() const {
  if (is_string()) return as_string();
  if (is_bool()) return as_bool() ? "true" : "false";
  if (is_int()) return std::to_string(as_int());
  if (is_double()) {
    std::ostringstream out;
    out << as_double();
    return out.str();
  }
  return {};
}

}  // namespace digestif

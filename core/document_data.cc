// DocumentData: members decoded on first read, each once.
#include "core/document_data.h"

#include <algorithm>

#include "core/fingerprint.h"
#include "core/once.h"

namespace digestif {

struct DocumentData::Later {
  /// One member: decoded once, on its first read.
  struct Member {
    std::string name;
    std::size_t index = 0;   // in the names given to later(): what make() is called with
    std::uint64_t hash = 0;  // Fingerprint::of() the value; 0: not given
    Once once;
    Value value;
  };

  explicit Later(std::size_t count) : members(count) {}
  std::vector<Member> members;  // sorted by name; never moved (Once is not)
  MakeAt make;
  Once whole_once;
  Value whole;

  const Value& value(Member& member) const {
    member.once.call([&] { member.value = make(member.index); });
    return member.value;
  }

  /// The member named `key`, or nullptr.
  Member* find(std::string_view key) {
    auto at = std::lower_bound(members.begin(), members.end(), key,
                               [](const Member& m, std::string_view k) { return m.name < k; });
    return at != members.end() && at->name == key ? &*at : nullptr;
  }
};

DocumentData& DocumentData::operator=(Value value) {
  own_ = std::move(value);
  later_.reset();
  return *this;
}

DocumentData DocumentData::later(std::vector<std::string> names, MakeAt make,
                                 std::vector<std::uint64_t> hashes) {
  std::vector<std::size_t> order(names.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return names[a] < names[b]; });
  DocumentData data;
  data.later_ = std::make_shared<Later>(names.size());
  for (std::size_t i = 0; i < order.size(); ++i) {
    data.later_->members[i].name = std::move(names[order[i]]);
    data.later_->members[i].index = order[i];
    if (order[i] < hashes.size()) data.later_->members[i].hash = hashes[order[i]];
  }
  data.later_->make = std::move(make);
  return data;
}

DocumentData DocumentData::later(std::vector<std::pair<std::string, Make>> members) {
  std::vector<std::string> names;
  std::vector<Make> makes;
  for (auto& [name, make] : members) {
    names.push_back(std::move(name));
    makes.push_back(std::move(make));
  }
  return later(std::move(names), [makes = std::move(makes)](std::size_t i) { return makes[i](); });
}

const Value* DocumentData::find(std::string_view key) const {
  if (!later_) return own_.find(key);
  Later::Member* member = later_->find(key);
  return member != nullptr ? &later_->value(*member) : nullptr;
}

std::uint64_t DocumentData::hash_of(std::string_view key) const {
  if (later_)
    if (const Later::Member* member = later_->find(key); member != nullptr && member->hash != 0)
      return member->hash;
  const Value* value = find(key);
  return value != nullptr ? Fingerprint::of(*value) : 0;
}

std::string DocumentData::get_string(std::string_view key, std::string_view fallback) const {
  const Value* value = find(key);
  return value != nullptr && value->is_string() ? value->as_string() : std::string(fallback);
}

std::size_t DocumentData::size() const { return later_ ? later_->members.size() : own_.size(); }

const Value& DocumentData::get() const {
  if (!later_) return own_;
  Later& later = *later_;
  later.whole_once.call([&later] {
    Value::Object members;
    for (Later::Member& member : later.members) members.emplace(member.name, later.value(member));
    later.whole = Value(std::move(members));
  });
  return later.whole;
}

void DocumentData::seal() {
  if (!later_) Fingerprint::seal_parts(own_);
}

Value& DocumentData::edit() {
  if (later_) {
    own_ = get();
    later_.reset();
  }
  return own_;
}

}  // namespace digestif

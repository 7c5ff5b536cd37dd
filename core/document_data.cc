// DocumentData: members decoded on first read, each once.
#include "core/document_data.h"

#include <algorithm>
#include <mutex>

#include "core/deferred.h"

namespace digestif {

struct DocumentData::Later {
  std::vector<std::string> names;  // sorted
  std::vector<Deferred<Value>> values;
  std::once_flag whole_once;
  Value whole;
};

DocumentData& DocumentData::operator=(Value value) {
  own_ = std::move(value);
  later_.reset();
  return *this;
}

DocumentData DocumentData::later(std::vector<std::pair<std::string, Make>> members) {
  std::sort(members.begin(), members.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  DocumentData data;
  data.later_ = std::make_shared<Later>();
  for (auto& [name, make] : members) {
    data.later_->names.push_back(std::move(name));
    data.later_->values.push_back(Deferred<Value>::later(std::move(make)));
  }
  return data;
}

const Value* DocumentData::find(std::string_view key) const {
  if (!later_) return own_.find(key);
  const std::vector<std::string>& names = later_->names;
  auto at = std::lower_bound(names.begin(), names.end(), key);
  if (at == names.end() || *at != key) return nullptr;
  return &later_->values[static_cast<std::size_t>(at - names.begin())].get();
}

std::string DocumentData::get_string(std::string_view key, std::string_view fallback) const {
  const Value* value = find(key);
  return value != nullptr && value->is_string() ? value->as_string() : std::string(fallback);
}

std::size_t DocumentData::size() const { return later_ ? later_->names.size() : own_.size(); }

const Value& DocumentData::get() const {
  if (!later_) return own_;
  Later& later = *later_;
  std::call_once(later.whole_once, [&later] {
    Value::Object members;
    for (std::size_t i = 0; i < later.names.size(); ++i)
      members.emplace(later.names[i], later.values[i].get());
    later.whole = Value(std::move(members));
  });
  return later.whole;
}

Value& DocumentData::edit() {
  if (later_) {
    own_ = get();
    later_.reset();
  }
  return own_;
}

}  // namespace digestif
